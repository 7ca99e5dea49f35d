package dev.capstan.bench.controller;

import dev.capstan.controller.flux.FluxController;
import dev.capstan.controller.flux.FluxSettings;
import dev.capstan.engine.source.HostGitConfig;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The Flux controller alone in its own JVM, limited to one namespace: {@code <kubeconfig>
 * <namespace> <cache dir> <workers>}. {@code capstan controller} runs the same {@link
 * FluxController} but over all namespaces, which on a control plane shared with other test runs
 * would also reconcile their Kustomizations; this entry point keeps the benchmark to its own.
 */
public final class FluxControllerMain {
  private FluxControllerMain() {}

  public static void main(String[] args) throws Exception {
    HostGitConfig.ignore(); // as capstan's main does
    Config config = Config.fromKubeconfig(Files.readString(Path.of(args[0])));
    KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(config)
            .withHttpClientFactory(new JdkHttpClientFactory())
            .build();
    Path cache = Files.createDirectories(Path.of(args[2]));
    FluxController controller =
        FluxController.start(
            client,
            FluxSettings.defaults(cache)
                .withNamespace(args[1])
                .withWorkers(Integer.parseInt(args[3])));
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  controller.close();
                  client.close();
                  stop.countDown();
                }));
    System.out.println("flux controller started in namespace " + args[1]);
    System.out.flush();
    stop.await();
  }
}
