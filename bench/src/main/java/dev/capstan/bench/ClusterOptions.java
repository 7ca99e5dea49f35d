package dev.capstan.bench;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Which control plane a benchmark talks to: {@code --kubeconfig}, else {@code CAPSTAN_KUBECONFIG},
 * else the testenv control plane of this checkout ({@code testenv/up}, which starts it when it is
 * not running and prints the kubeconfig path; this JVM registers as one of its users).
 */
public final class ClusterOptions {
  @Option(
      names = "--kubeconfig",
      description = "Kubeconfig (default: CAPSTAN_KUBECONFIG, else testenv/up).")
  public Path kubeconfig;

  /** The kubeconfig path to use, starting the testenv control plane if needed. */
  public Path resolve() {
    if (kubeconfig != null) {
      return kubeconfig;
    }
    String env = System.getenv("CAPSTAN_KUBECONFIG");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    try {
      ProcessBuilder up =
          new ProcessBuilder("testenv/up").redirectError(ProcessBuilder.Redirect.INHERIT);
      // registered as a user, so another run's `testenv/down --release` leaves it up while we run
      up.environment().put("TESTENV_USER", Long.toString(ProcessHandle.current().pid()));
      Process p = up.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.waitFor() != 0 || out.isEmpty()) {
        throw new IllegalStateException("testenv/up failed (exit " + p.exitValue() + ")");
      }
      List<String> lines = out.lines().toList();
      kubeconfig = Path.of(lines.get(lines.size() - 1));
      return kubeconfig;
    } catch (IOException e) {
      throw new IllegalStateException("running testenv/up failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** A client with room for {@code concurrency} requests in flight. */
  public KubernetesClient connect(int concurrency) {
    Path path = resolve();
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("kubeconfig " + path + ": no such file");
    }
    Config config = Config.fromKubeconfig(readString(path));
    config.setMaxConcurrentRequests(Math.max(64, concurrency * 2));
    config.setMaxConcurrentRequestsPerHost(Math.max(64, concurrency * 2));
    config.setRequestTimeout(120_000);
    return new KubernetesClientBuilder()
        .withConfig(config)
        .withHttpClientFactory(new JdkHttpClientFactory())
        .build();
  }

  private static String readString(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new IllegalStateException("reading " + path + " failed", e);
    }
  }
}
