package dev.capstan.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.kustomize.resource.Gvk;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Discovery against an API server that cannot be reached. */
class DiscoveryResourceTypesTest {

  @Test
  void concurrentLookupsThatShareAFailedRequestAllFailWithIt() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    try (KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder()
                    .withMasterUrl("https://127.0.0.1:" + port)
                    .withRequestRetryBackoffLimit(0)
                    .build())
            .build()) {
      DiscoveryResourceTypes types = new DiscoveryResourceTypes(client);
      int threads = 8;
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> lookups = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          lookups.add(
              pool.submit(
                  () -> {
                    go.await();
                    return types.find(new Gvk("", "v1", "ConfigMap"));
                  }));
        }
        go.countDown();
        for (Future<?> f : lookups) {
          try {
            f.get(30, TimeUnit.SECONDS);
            throw new AssertionError("a lookup succeeded without an API server");
          } catch (ExecutionException e) {
            assertThat(e.getCause())
                .isInstanceOf(ClusterAccessException.class)
                .hasMessageContaining("discovery of v1");
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
