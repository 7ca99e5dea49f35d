package dev.capstan.cli.flux;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --kubeconfig} and {@code -n/--namespace} (default {@code flux-system}), as the flux CLI.
 */
public final class FluxOptions {

  public static final String DEFAULT_NAMESPACE = "flux-system";

  @Option(
      names = "--kubeconfig",
      description = "Kubeconfig file; default: KUBECONFIG, then ~/.kube/config (current context).")
  Path kubeconfig;

  @Option(
      names = {"-n", "--namespace"},
      defaultValue = DEFAULT_NAMESPACE,
      description = "Namespace of the Flux objects (default: ${DEFAULT-VALUE}).")
  String namespace;

  String namespace() {
    return namespace;
  }

  KubernetesClient connect() {
    System.setProperty(
        "org.slf4j.simpleLogger.log.io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils",
        "error");
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
}
