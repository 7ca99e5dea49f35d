package dev.capstan.engine.cluster;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kustomize.resource.Gvk;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.ServerSocket;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
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
      List<Future<Optional<ApiResource>>> lookups =
          SimultaneousLookups.find(types, Collections.nCopies(8, new Gvk("", "v1", "ConfigMap")));
      for (Future<Optional<ApiResource>> f : lookups) {
        assertThatThrownBy(f::get)
            .as("a lookup without an API server")
            .isInstanceOf(ExecutionException.class)
            .cause()
            .isInstanceOf(ClusterAccessException.class)
            .hasMessageContaining("discovery of v1");
      }
    }
  }
}
