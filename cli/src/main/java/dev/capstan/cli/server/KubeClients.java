package dev.capstan.cli.server;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A client for a kubeconfig (or KUBECONFIG / ~/.kube/config when none is given), for the server and
 * admin commands.
 */
public final class KubeClients {
  private KubeClients() {}

  /** Connects with {@code kubeconfig}'s current context; {@code null} means the default. */
  public static KubernetesClient connect(Path kubeconfig) {
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
    // fabric8 retries a failed request 10 times with exponential backoff (about 100 s in all) by
    // default; the API server answers 503 within a second or two when the cluster is gone instead.
    config.setRequestRetryBackoffLimit(3);
    return new KubernetesClientBuilder()
        .withConfig(config)
        .withHttpClientFactory(new JdkHttpClientFactory())
        .build();
  }
}
