package dev.capstan.engine.sync;

import static dev.capstan.engine.sync.Manifests.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.cluster.DiscoveryResourceTypes;
import dev.capstan.engine.cluster.ResourceKey;
import dev.capstan.engine.health.HealthAssessor;
import dev.capstan.engine.inventory.Inventory;
import dev.capstan.engine.inventory.TrackingIdOwnership;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** With a {@link HealthWaveGate}, a wave starts only when the previous one is healthy. */
@WithControlPlane
class SyncWaveGateIT {

  private final KubernetesClient client;
  private final String ns;

  SyncWaveGateIT(KubernetesClient client, TestNamespace namespace) {
    this.client = client;
    this.ns = namespace.name();
  }

  @Test
  void theNextWaveWaitsForAHealthyDeployment() {
    String manifests =
        Manifests.deployment(ns, "backend", 1)
            + "---\n"
            + """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: after-backend
              namespace: %s
              annotations:
                argocd.argoproj.io/sync-wave: "1"
            """
                .formatted(ns);

    SyncResult result =
        syncer(Duration.ofSeconds(90)).sync(app(), parse(manifests), Inventory.empty(), options());

    assertThat(result.changes().toString())
        .isEqualTo(
            "Deployment/%1$s/backend Created\nConfigMap/%1$s/after-backend Created".formatted(ns));
    var deployment = client.apps().deployments().inNamespace(ns).withName("backend").get();
    assertThat(deployment.getStatus().getAvailableReplicas()).isEqualTo(1);
  }

  @Test
  void aWaveThatNeverGetsHealthyStopsTheSync() {
    String manifests =
        """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: claim
          namespace: %1$s
        spec:
          storageClassName: no-such-class
          accessModes: [ReadWriteOnce]
          resources:
            requests:
              storage: 1Gi
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: never
          namespace: %1$s
          annotations:
            argocd.argoproj.io/sync-wave: "1"
        """
            .formatted(ns);

    SyncResult result =
        syncer(Duration.ofSeconds(3)).sync(app(), parse(manifests), Inventory.empty(), options());

    assertThat(result.succeeded()).isFalse();
    assertThat(result.changes().changes())
        .extracting(Change::toString)
        .containsExactly(
            "PersistentVolumeClaim/%s/claim Created".formatted(ns),
            "PersistentVolumeClaim/%s/claim Failed: wave 0 not ready: Progressing (not healthy within 3s)"
                .formatted(ns),
            "ConfigMap/%s/never Skipped: not applied: an earlier wave failed".formatted(ns));
    assertThat(client.configMaps().inNamespace(ns).withName("never").get()).isNull();
    assertThat(result.changes().actionOf(new ResourceKey("", "ConfigMap", ns, "never")))
        .contains(Action.SKIPPED);
  }

  private Syncer syncer(Duration timeout) {
    DiscoveryResourceTypes types = new DiscoveryResourceTypes(client);
    return new Syncer(
        client,
        types,
        Optional.empty(),
        new HealthWaveGate(
            client, types, HealthAssessor.withDefaults(), timeout, Duration.ofMillis(200)));
  }

  private static TrackingIdOwnership app() {
    return new TrackingIdOwnership("waves");
  }

  private SyncOptions options() {
    return SyncOptions.defaults().withTargetNamespace(ns);
  }
}
