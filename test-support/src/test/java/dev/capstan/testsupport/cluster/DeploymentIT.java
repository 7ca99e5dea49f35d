package dev.capstan.testsupport.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scheduler, the controller manager and kwok together run a Deployment to Available. */
@WithControlPlane
class DeploymentIT {
  private final KubernetesClient client;
  private final TestNamespace namespace;

  DeploymentIT(KubernetesClient client, TestNamespace namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  @Test
  void deploymentWithTwoReplicasBecomesAvailable() {
    client.apps().deployments().inNamespace(namespace.name()).resource(deployment("web")).create();

    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              Deployment live =
                  client.apps().deployments().inNamespace(namespace.name()).withName("web").get();
              assertThat(live.getStatus()).isNotNull();
              assertThat(live.getStatus().getAvailableReplicas()).isEqualTo(2);
              assertThat(live.getStatus().getConditions())
                  .anySatisfy(
                      condition -> {
                        assertThat(condition.getType()).isEqualTo("Available");
                        assertThat(condition.getStatus()).isEqualTo("True");
                      });
            });

    List<Pod> pods =
        client.pods().inNamespace(namespace.name()).withLabel("app", "web").list().getItems();
    assertThat(pods)
        .hasSize(2)
        .allSatisfy(
            pod -> {
              assertThat(pod.getSpec().getNodeName()).startsWith("kwok-node-");
              assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
              assertThat(pod.getStatus().getPodIP()).isNotBlank();
            });
  }

  @Test
  void deletingADeploymentCollectsItsReplicaSetAndPods() {
    client
        .apps()
        .deployments()
        .inNamespace(namespace.name())
        .resource(deployment("batch"))
        .create();
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                client
                        .pods()
                        .inNamespace(namespace.name())
                        .withLabel("app", "batch")
                        .list()
                        .getItems()
                        .size()
                    == 2);
    assertThat(
            client
                .apps()
                .replicaSets()
                .inNamespace(namespace.name())
                .withLabel("app", "batch")
                .list()
                .getItems())
        .singleElement()
        .satisfies(
            rs ->
                assertThat(rs.getMetadata().getOwnerReferences())
                    .singleElement()
                    .extracting("kind")
                    .isEqualTo("Deployment"));

    client.apps().deployments().inNamespace(namespace.name()).withName("batch").delete();

    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              assertThat(
                      client
                          .apps()
                          .replicaSets()
                          .inNamespace(namespace.name())
                          .withLabel("app", "batch")
                          .list()
                          .getItems())
                  .isEmpty();
              assertThat(
                      client
                          .pods()
                          .inNamespace(namespace.name())
                          .withLabel("app", "batch")
                          .list()
                          .getItems())
                  .isEmpty();
            });
  }

  private static Deployment deployment(String app) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(app)
        .endMetadata()
        .withNewSpec()
        .withReplicas(2)
        .withNewSelector()
        .addToMatchLabels("app", app)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", app)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName(app)
        .withImage("registry.invalid/" + app + ":1")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}
