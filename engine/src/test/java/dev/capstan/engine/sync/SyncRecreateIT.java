package dev.capstan.engine.sync;

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

/** A change to an immutable field fails, unless re-creation is allowed (Flux's force). */
@WithControlPlane
class SyncRecreateIT {

  private final KubernetesClient client;
  private final String ns;

  SyncRecreateIT(KubernetesClient client, TestNamespace namespace) {
    this.client = client;
    this.ns = namespace.name();
  }

  @Test
  void aChangedSelectorFailsWithoutRecreateAndIsRecreatedWithIt() {
    Syncer syncer = new Syncer(client, new DiscoveryResourceTypes(client), Optional.empty());
    TrackingIdOwnership app = new TrackingIdOwnership("immutable");
    SyncOptions options = SyncOptions.defaults().withTargetNamespace(ns);
    ResourceKey key = new ResourceKey("apps", "Deployment", ns, "web");
    SyncResult first = syncer.sync(app, parse(deployment("v1")), Inventory.empty(), options);
    String uid =
        client.apps().deployments().inNamespace(ns).withName("web").get().getMetadata().getUid();

    SyncResult refused = syncer.sync(app, parse(deployment("v2")), first.inventory(), options);
    SyncResult preview =
        syncer.sync(
            app,
            parse(deployment("v2")),
            first.inventory(),
            options.withRecreateOnImmutable(true).withDryRun(true));
    SyncResult recreated =
        syncer.sync(
            app, parse(deployment("v2")), first.inventory(), options.withRecreateOnImmutable(true));

    assertThat(refused.changes().get(key))
        .hasValueSatisfying(
            c -> {
              assertThat(c.action()).isEqualTo(Action.FAILED);
              assertThat(c.message()).contains("(HTTP 422)").contains("field is immutable");
            });
    assertThat(preview.changes().get(key))
        .hasValueSatisfying(
            c ->
                assertThat(c.message())
                    .isEqualTo("dry run: would be re-created (an immutable field changed)"));
    assertThat(recreated.changes().get(key))
        .hasValueSatisfying(
            c -> {
              assertThat(c.action()).isEqualTo(Action.CONFIGURED);
              assertThat(c.message()).isEqualTo("re-created: an immutable field changed");
            });
    var live = client.apps().deployments().inNamespace(ns).withName("web").get();
    assertThat(live.getSpec().getSelector().getMatchLabels()).containsEntry("track", "v2");
    assertThat(live.getMetadata().getUid()).isNotEqualTo(uid);
  }

  private String deployment(String track) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: %1$s
        spec:
          replicas: 1
          selector:
            matchLabels: {app: web, track: %2$s}
          template:
            metadata:
              labels: {app: web, track: %2$s}
            spec:
              containers:
              - name: web
                image: nginx:1.27
        """
        .formatted(ns, track);
  }
}
