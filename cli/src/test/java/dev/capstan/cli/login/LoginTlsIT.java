package dev.capstan.cli.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.cli.CapstanCommand;
import dev.capstan.controller.api.CrdInstaller;
import dev.capstan.server.CapstanServer;
import dev.capstan.server.ServerOptions;
import dev.capstan.server.auth.SecretBootstrap;
import dev.capstan.testsupport.cluster.RepositoryRoot;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code capstan login} against a server on HTTPS whose certificate (the test control plane's
 * serving certificate for 127.0.0.1) is signed by a CA the JDK does not trust: refused with one
 * line pointing at {@code --insecure}, accepted with it, and the choice is kept for later commands.
 */
@WithControlPlane
class LoginTlsIT {

  record Run(int code, String out, String err) {}

  private static Run capstan(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        CapstanCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void anUntrustedCertificateNeedsInsecure(KubernetesClient client, TestNamespace ns)
      throws Exception {
    new CrdInstaller(client).installCapstanCrds();
    Path pki = RepositoryRoot.find().resolve("testenv/.cache/pki");
    ServerOptions options =
        ServerOptions.defaults(ns.name(), Files.createTempDirectory("capstan-cli-tls"))
            .withPort(0)
            .withTls(pki.resolve("apiserver.crt"), pki.resolve("apiserver.key"));
    try (CapstanServer server = CapstanServer.start(client, options)) {
      String address = "127.0.0.1:" + server.port();
      String password =
          SecretBootstrap.decode(
                  client
                      .secrets()
                      .inNamespace(ns.name())
                      .withName(SecretBootstrap.INITIAL_ADMIN_SECRET)
                      .get())
              .get("password");
      Path config = Files.createTempDirectory("capstan-cli-tls-config").resolve("config");

      Run untrusted =
          capstan(
              "login",
              address,
              "--username",
              "admin",
              "--password",
              password,
              "--config",
              config.toString());
      assertThat(untrusted.code()).isEqualTo(1);
      assertThat(untrusted.err().lines()).hasSize(1);
      assertThat(untrusted.err())
          .startsWith("Error: TLS with the Capstan server at " + address + " failed")
          .contains("use --insecure");
      assertThat(config).doesNotExist();

      Run insecure =
          capstan(
              "login",
              address,
              "--insecure",
              "--username",
              "admin",
              "--password",
              password,
              "--config",
              config.toString());
      assertThat(insecure.code()).as(insecure.err()).isZero();

      Run info = capstan("account", "get-user-info", "--config", config.toString());
      assertThat(info.code()).as(info.err()).isZero();
      assertThat(info.out()).contains("Username: admin");
      Run list = capstan("app", "list", "--config", config.toString(), "-o", "name");
      assertThat(list.code()).as(list.err()).isZero();
      assertThat(list.out()).isEmpty();
    }
  }
}
