package dev.capstan.engine.sync;

import static dev.capstan.engine.sync.Manifests.configMap;
import static dev.capstan.engine.sync.Manifests.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.cluster.DiscoveryResourceTypes;
import dev.capstan.engine.cluster.ResourceKey;
import dev.capstan.engine.inventory.Inventory;
import dev.capstan.engine.inventory.TrackingIdOwnership;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A rejected object stops later waves and all pruning: nothing is deleted by mistake. */
@WithControlPlane
class SyncFailureIT {

  private final KubernetesClient client;
  private final String ns;

  SyncFailureIT(KubernetesClient client, TestNamespace namespace) {
    this.client = client;
    this.ns = namespace.name();
  }

  @Test
  void aDryRunReportsTheInvalidObjectAndStillDiffsTheRest() {
    Syncer syncer = new Syncer(client, new DiscoveryResourceTypes(client), Optional.empty());
    String broken =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: Invalid_Too
          namespace: %1$s
          annotations:
            argocd.argoproj.io/sync-wave: "-1"
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: fine
          namespace: %1$s
        """
            .formatted(ns);

    SyncResult result =
        syncer.sync(
            new TrackingIdOwnership("preview"),
            parse(broken),
            Inventory.empty(),
            SyncOptions.defaults().withDryRun(true));

    assertThat(result.changes().changes())
        .extracting(Change::toString)
        .satisfiesExactly(
            c ->
                assertThat(c)
                    .startsWith(
                        "ConfigMap/"
                            + ns
                            + "/Invalid_Too Failed: ConfigMap/"
                            + ns
                            + "/Invalid_Too dry-run apply failed (HTTP 422)"),
            c -> assertThat(c).isEqualTo("ConfigMap/" + ns + "/fine Created: dry run"));
    assertThat(client.configMaps().inNamespace(ns).withName("fine").get()).isNull();
  }

  @Test
  void aFailedWaveSkipsLaterWavesAndPrunesNothing() {
    Syncer syncer = new Syncer(client, new DiscoveryResourceTypes(client), Optional.empty());
    TrackingIdOwnership app = new TrackingIdOwnership("failing");
    SyncOptions options = SyncOptions.defaults().withTargetNamespace(ns).withPrune(true);
    SyncResult first =
        syncer.sync(app, parse(configMap(ns, "old", "o")), Inventory.empty(), options);
    String broken =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: Not_A_Valid_Name
          namespace: %1$s
          annotations:
            argocd.argoproj.io/sync-wave: "-1"
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: later
          namespace: %1$s
        """
            .formatted(ns);

    SyncResult result = syncer.sync(app, parse(broken), first.inventory(), options);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.changes().get(new ResourceKey("", "ConfigMap", ns, "Not_A_Valid_Name")))
        .hasValueSatisfying(
            c -> {
              assertThat(c.action()).isEqualTo(Action.FAILED);
              assertThat(c.message())
                  .startsWith("ConfigMap/" + ns + "/Not_A_Valid_Name apply failed (HTTP 422)");
            });
    assertThat(result.changes().get(new ResourceKey("", "ConfigMap", ns, "later")))
        .hasValueSatisfying(
            c -> assertThat(c.toString()).endsWith("Skipped: not applied: an earlier wave failed"));
    assertThat(result.changes().get(new ResourceKey("", "ConfigMap", ns, "old")))
        .hasValueSatisfying(
            c -> assertThat(c.toString()).endsWith("Skipped: not pruned: the sync had failures"));
    assertThat(result.inventory().contains(new ResourceKey("", "ConfigMap", ns, "old"))).isTrue();
    assertThat(client.configMaps().inNamespace(ns).withName("old").get()).isNotNull();
    assertThat(client.configMaps().inNamespace(ns).withName("later").get()).isNull();
  }
}
