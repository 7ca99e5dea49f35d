package dev.capstan.testsupport.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

/** A control plane of a test's own: objects survive an API server restart on the same port. */
class StandaloneControlPlaneIT {

  @Test
  void apiServerRestartsOnTheSamePortWithTheSameData() {
    try (StandaloneControlPlane cp = StandaloneControlPlane.start();
        KubernetesClient client = cp.newClient()) {
      client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName("kept").endMetadata().build())
          .create();
      String uid =
          client
              .configMaps()
              .inNamespace("kept")
              .resource(
                  new ConfigMapBuilder()
                      .withNewMetadata()
                      .withName("before")
                      .endMetadata()
                      .addToData("k", "v")
                      .build())
              .create()
              .getMetadata()
              .getUid();

      cp.stopApiServer();
      assertThat(cp.apiServerRunning()).isFalse();
      // No retries: a refused connection fails at once.
      try (KubernetesClient impatient =
          new KubernetesClientBuilder()
              .withConfig(
                  new io.fabric8.kubernetes.client.ConfigBuilder(client.getConfiguration())
                      .withRequestRetryBackoffLimit(0)
                      .build())
              .build()) {
        assertThatThrownBy(() -> impatient.configMaps().inNamespace("kept").list())
            .isInstanceOf(KubernetesClientException.class);
      }

      cp.startApiServer();
      ConfigMap after = client.configMaps().inNamespace("kept").withName("before").get();
      assertThat(after.getMetadata().getUid()).isEqualTo(uid);
      assertThat(client.getMasterUrl().toString()).startsWith(cp.apiServerUrl());
    }
  }
}
