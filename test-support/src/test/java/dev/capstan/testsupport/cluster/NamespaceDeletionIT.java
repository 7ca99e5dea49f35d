package dev.capstan.testsupport.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The namespace controller empties and removes a deleted namespace, running Pods included. */
@WithControlPlane
class NamespaceDeletionIT {
  @Test
  void deletingANamespaceWithContentCompletes(KubernetesClient client) {
    String name = TestNamespace.forClass(NamespaceDeletionIT.class).name();
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    client
        .configMaps()
        .inNamespace(name)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("settings")
                .endMetadata()
                .addToData("k", "v")
                .build())
        .create();
    // Pods need the namespace's default ServiceAccount, which the controller manager creates.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> client.serviceAccounts().inNamespace(name).withName("default").get() != null);
    client
        .pods()
        .inNamespace(name)
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("worker")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("worker")
                .withImage("registry.invalid/worker:1")
                .endContainer()
                .endSpec()
                .build())
        .create();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                "Running"
                    .equals(
                        client
                            .pods()
                            .inNamespace(name)
                            .withName("worker")
                            .get()
                            .getStatus()
                            .getPhase()));

    client.namespaces().withName(name).delete();

    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(() -> assertThat(client.namespaces().withName(name).get()).isNull());
    assertThat(client.pods().inNamespace(name).list().getItems()).isEmpty();
    assertThat(client.configMaps().inNamespace(name).list().getItems()).isEmpty();
  }
}
