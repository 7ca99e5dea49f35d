package dev.capstan.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.cli.CapstanCommand;
import dev.capstan.server.auth.PasswordHasher;
import dev.capstan.server.auth.SecretBootstrap;
import dev.capstan.testsupport.cluster.ControlPlane;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** First-start bootstrap of the admin password and {@code capstan admin initial-password}. */
@WithControlPlane
class InitialPasswordCommandIT {

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        CapstanCommand.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void printsThePasswordWhoseHashIsStored(
      KubernetesClient client, TestNamespace namespace, ControlPlane plane) {
    String kubeconfig = plane.kubeconfig().toString();
    Run missing =
        run("admin", "initial-password", "-n", namespace.name(), "--kubeconfig", kubeconfig);
    assertThat(missing.code()).isNotZero();
    assertThat(missing.err()).contains("capstan-initial-admin-secret").contains("not found");

    SecretBootstrap.Result first =
        SecretBootstrap.ensure(client, namespace.name(), Clock.systemUTC());
    assertThat(first.createdAdminPassword()).isTrue();
    assertThat(first.createdSecretKey()).isTrue();
    Run r = run("admin", "initial-password", "-n", namespace.name(), "--kubeconfig", kubeconfig);
    assertThat(r.code()).isZero();
    String password = r.out().lines().findFirst().orElseThrow();
    assertThat(password).hasSize(16);
    Map<String, String> secret =
        SecretBootstrap.decode(
            client.secrets().inNamespace(namespace.name()).withName("capstan-secret").get());
    assertThat(PasswordHasher.verify(password, secret.get("admin.password"))).isTrue();
    assertThat(secret.get("admin.passwordMtime")).isNotEmpty();

    SecretBootstrap.Result again =
        SecretBootstrap.ensure(client, namespace.name(), Clock.systemUTC());
    assertThat(again).isEqualTo(new SecretBootstrap.Result(false, false));
    Map<String, String> after =
        SecretBootstrap.decode(
            client.secrets().inNamespace(namespace.name()).withName("capstan-secret").get());
    assertThat(after.get("admin.password")).isEqualTo(secret.get("admin.password"));
    assertThat(after.get("server.secretkey")).isEqualTo(secret.get("server.secretkey"));
  }
}
