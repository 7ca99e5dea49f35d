package dev.capstan.cli.app;

import dev.capstan.controller.api.argo.Application;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every cluster-facing command shares: {@code --kubeconfig} and {@code
 * -N/--app-namespace}.
 */
public final class ClusterOptions {

  /** Where Applications live unless told otherwise (Argo CD's {@code argocd}). */
  public static final String DEFAULT_NAMESPACE = "argocd";

  private static final String VERSION_WARNING_LOGGER =
      "org.slf4j.simpleLogger.log.io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils";

  @Option(
      names = "--kubeconfig",
      description = "Kubeconfig file; default: KUBECONFIG, then ~/.kube/config (current context).")
  Path kubeconfig;

  @Option(
      names = {"-N", "--app-namespace"},
      defaultValue = DEFAULT_NAMESPACE,
      description =
          "Namespace of the Applications (default: ${DEFAULT-VALUE}); NAME may also be given as NAMESPACE/NAME.")
  String namespace;

  /** A client for the current context of the kubeconfig. */
  public KubernetesClient connect() {
    System.setProperty(VERSION_WARNING_LOGGER, System.getProperty(VERSION_WARNING_LOGGER, "error"));
    Config config;
    try {
      if (kubeconfig != null) {
        if (!Files.isRegularFile(kubeconfig)) {
          throw new IllegalArgumentException("--kubeconfig " + kubeconfig + ": no such file");
        }
        config = Config.fromKubeconfig(kubeconfig.toFile());
      } else {
        config = Config.autoConfigure(null);
      }
    } catch (KubernetesClientException e) {
      throw new IllegalArgumentException("reading the kubeconfig failed: " + e.getMessage(), e);
    }
    config.setRequestRetryBackoffLimit(2);
    return new KubernetesClientBuilder()
        .withConfig(config)
        .withHttpClientFactory(new JdkHttpClientFactory())
        .build();
  }

  /** The namespace of {@code name} ({@code ns/name} wins over {@code -N}). */
  public String namespaceOf(String name) {
    int slash = name.indexOf('/');
    return slash < 0 ? namespace : name.substring(0, slash);
  }

  /** The bare name of {@code name}. */
  public static String nameOf(String name) {
    int slash = name.indexOf('/');
    return slash < 0 ? name : name.substring(slash + 1);
  }

  /** The Application, or a user error naming it. */
  public Application require(KubernetesClient client, String name) {
    try {
      Application app =
          client
              .resources(Application.class)
              .inNamespace(namespaceOf(name))
              .withName(nameOf(name))
              .get();
      if (app == null) {
        throw new IllegalArgumentException(
            "application " + namespaceOf(name) + "/" + nameOf(name) + " not found");
      }
      return app;
    } catch (KubernetesClientException e) {
      throw new IllegalArgumentException(
          "reading Application/"
              + namespaceOf(name)
              + "/"
              + nameOf(name)
              + " failed: "
              + e.getMessage(),
          e);
    }
  }
}
