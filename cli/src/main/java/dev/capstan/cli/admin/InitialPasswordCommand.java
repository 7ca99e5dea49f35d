package dev.capstan.cli.admin;

import dev.capstan.cli.server.KubeClients;
import dev.capstan.server.auth.SecretBootstrap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code capstan admin initial-password}: prints the initial admin password, as {@code argocd admin
 * initial-password} does.
 */
@Command(
    name = "initial-password",
    mixinStandardHelpOptions = true,
    description = "Print the initial password of the admin account.")
public final class InitialPasswordCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--kubeconfig",
      description = "Kubeconfig file; default: KUBECONFIG, then ~/.kube/config.")
  Path kubeconfig;

  @Option(
      names = {"-n", "--namespace"},
      defaultValue = "capstan",
      description = "The server's namespace (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (KubernetesClient client = KubeClients.connect(kubeconfig)) {
      Secret secret =
          client
              .secrets()
              .inNamespace(namespace)
              .withName(SecretBootstrap.INITIAL_ADMIN_SECRET)
              .get();
      String password =
          secret == null ? "" : SecretBootstrap.decode(secret).getOrDefault("password", "");
      if (password.isEmpty()) {
        throw new IllegalArgumentException(
            "Secret/"
                + namespace
                + "/"
                + SecretBootstrap.INITIAL_ADMIN_SECRET
                + " not found (has `capstan server -n "
                + namespace
                + "` run once? it is created on first start)");
      }
      out.println(password);
      out.println();
      out.println(
          " This password must be only used for first time login. We strongly recommend you update the password using `PUT /api/v1/account/password`.");
      out.flush();
      return 0;
    } catch (KubernetesClientException e) {
      throw new IllegalArgumentException(
          "reading Secret/"
              + namespace
              + "/"
              + SecretBootstrap.INITIAL_ADMIN_SECRET
              + " failed: "
              + e.getMessage(),
          e);
    }
  }
}
