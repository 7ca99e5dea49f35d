package dev.capstan.controller.flux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.cluster.ObjectTrees;
import dev.capstan.engine.health.kstatus.KStatusComputer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link HealthChecker#settled}: which changes may end a health wait, so the watch wakes it. */
class HealthCheckerTest {

  private static final HealthChecker CHECKER =
      new HealthChecker(new KStatusComputer(Clock.systemUTC()));

  private static GenericKubernetesResource deployment(
      long generation, long observed, int available, List<Map<String, Object>> conditions) {
    return ObjectTrees.fromMap(
        Map.of(
            "apiVersion",
            "apps/v1",
            "kind",
            "Deployment",
            "metadata",
            Map.of("name", "web", "namespace", "prod", "generation", generation),
            "spec",
            Map.of("replicas", 1),
            "status",
            Map.of(
                "observedGeneration",
                observed,
                "replicas",
                1,
                "updatedReplicas",
                1,
                "readyReplicas",
                available,
                "availableReplicas",
                available,
                "conditions",
                conditions)));
  }

  private static Map<String, Object> condition(String type, String status, String reason) {
    return Map.of("type", type, "status", status, "reason", reason);
  }

  @Test
  void anAvailableDeploymentSettlesTheWait() {
    var available =
        deployment(
            1,
            1,
            1,
            List.of(
                condition("Available", "True", "MinimumReplicasAvailable"),
                condition("Progressing", "True", "NewReplicaSetAvailable")));
    assertThat(CHECKER.settled(available)).isTrue();
  }

  @Test
  void aDeploymentOnItsWayDoesNotButOneThatFailedDoes() {
    var rolling =
        deployment(
            2,
            2,
            0,
            List.of(
                condition("Available", "False", "MinimumReplicasUnavailable"),
                condition("Progressing", "True", "ReplicaSetUpdated")));
    var unseen = deployment(2, 1, 1, List.of());
    var stuck =
        deployment(
            2,
            2,
            0,
            List.of(
                condition("Available", "False", "MinimumReplicasUnavailable"),
                condition("Progressing", "False", "ProgressDeadlineExceeded")));
    assertThat(CHECKER.settled(rolling)).isFalse();
    assertThat(CHECKER.settled(unseen)).isFalse();
    assertThat(CHECKER.settled(stuck)).isTrue();
  }

  @Test
  void anObjectWithoutStatusIsCurrentAtOnce() {
    var config =
        ObjectTrees.fromMap(
            Map.of(
                "apiVersion",
                "v1",
                "kind",
                "ConfigMap",
                "metadata",
                Map.of("name", "web", "namespace", "prod"),
                "data",
                Map.of("k", "v")));
    assertThat(CHECKER.settled(config)).isTrue();
  }
}
