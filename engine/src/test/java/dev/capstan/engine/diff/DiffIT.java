package dev.capstan.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.cluster.DiscoveryResourceTypes;
import dev.capstan.engine.cluster.ObjectTrees;
import dev.capstan.engine.cluster.ResourceKey;
import dev.capstan.engine.inventory.Inventory;
import dev.capstan.engine.inventory.TrackingIdOwnership;
import dev.capstan.engine.sync.Action;
import dev.capstan.engine.sync.SyncOptions;
import dev.capstan.engine.sync.SyncResult;
import dev.capstan.engine.sync.Syncer;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Diffs against a real API server: server defaults do not count, a field another manager took does,
 * and ignore rules hide what they name.
 */
@WithControlPlane
class DiffIT {

  private final KubernetesClient client;
  private final String ns;
  private final Syncer syncer;
  private final TrackingIdOwnership app = new TrackingIdOwnership("diff");

  DiffIT(KubernetesClient client, TestNamespace namespace) {
    this.client = client;
    this.ns = namespace.name();
    this.syncer = new Syncer(client, new DiscoveryResourceTypes(client), Optional.empty());
  }

  @Test
  void serverDefaultsDoNotMakeAnObjectOutOfSync() {
    List<GenericKubernetesResource> desired = List.of(deployment("defaults", 1));
    SyncResult synced = syncer.sync(app, desired, Inventory.empty(), options());

    DiffResult diff = syncer.diff(app, desired, synced.inventory(), options());

    // the live Deployment has strategy, revisionHistoryLimit, imagePullPolicy, ... that Git never
    // set
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace(ns)
                .withName("defaults")
                .get()
                .getSpec()
                .getRevisionHistoryLimit())
        .isEqualTo(10);
    assertThat(diff.inSync()).as(diff.unifiedDiff()).isTrue();
  }

  @Test
  void aFieldAnotherManagerTookIsDriftUnlessItsManagerIsIgnored() {
    List<GenericKubernetesResource> desired = List.of(deployment("scaled", 1));
    SyncResult synced = syncer.sync(app, desired, Inventory.empty(), options());
    autoscale("scaled", 4);
    ResourceKey key = new ResourceKey("apps", "Deployment", ns, "scaled");

    DiffResult plain = syncer.diff(app, desired, synced.inventory(), options());
    SyncOptions ignoringAutoscaler =
        options()
            .withDiffOptions(
                DiffOptions.defaults()
                    .withIgnoreDifferences(
                        List.of(
                            IgnoreDifference.forKind("apps", "Deployment")
                                .withManagedFieldsManagers("autoscaler"))));
    SyncResult ignored = syncer.sync(app, desired, synced.inventory(), ignoringAutoscaler);

    assertThat(plain.get(key))
        .hasValueSatisfying(
            d -> {
              assertThat(d.status()).isEqualTo(DiffStatus.OUT_OF_SYNC);
              assertThat(d.unifiedDiff()).contains("-  replicas: 4\n+  replicas: 1\n");
            });
    assertThat(ignored.changes().actionOf(key)).contains(Action.UNCHANGED);
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace(ns)
                .withName("scaled")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(4);
  }

  @Test
  void respectIgnoreDifferencesKeepsTheOtherManagersValueWhenApplyingForAnotherReason() {
    SyncResult synced =
        syncer.sync(app, List.of(deployment("hpa", 1)), Inventory.empty(), options());
    autoscale("hpa", 4);
    GenericKubernetesResource newImage = deployment("hpa", 1);
    setImage(newImage, "nginx:1.28");
    DiffOptions ignoreAutoscaler =
        DiffOptions.defaults()
            .withIgnoreDifferences(
                List.of(
                    IgnoreDifference.forKind("apps", "Deployment")
                        .withManagedFieldsManagers("autoscaler")));
    ResourceKey key = new ResourceKey("apps", "Deployment", ns, "hpa");

    SyncResult respected =
        syncer.sync(
            app,
            List.of(newImage),
            synced.inventory(),
            options().withDiffOptions(ignoreAutoscaler).withRespectIgnoreDifferences(true));

    assertThat(respected.changes().actionOf(key))
        .as(respected.changes().toString())
        .contains(Action.CONFIGURED);
    var live = client.apps().deployments().inNamespace(ns).withName("hpa").get();
    assertThat(live.getSpec().getReplicas()).isEqualTo(4);
    assertThat(live.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("nginx:1.28");

    GenericKubernetesResource newerImage = deployment("hpa", 1);
    setImage(newerImage, "nginx:1.29");
    syncer.sync(
        app,
        List.of(newerImage),
        respected.inventory(),
        options().withDiffOptions(ignoreAutoscaler));

    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace(ns)
                .withName("hpa")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(1);
  }

  /** What an HPA does: another field manager takes {@code spec.replicas}, and only it. */
  private void autoscale(String name, int replicas) {
    client
        .genericKubernetesResources("apps/v1", "Deployment")
        .inNamespace(ns)
        .resource(
            new KubernetesSerialization()
                .unmarshal(
                    "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"%s\"},\"spec\":{\"replicas\":%d}}"
                        .formatted(name, replicas),
                    GenericKubernetesResource.class))
        .fieldManager("autoscaler")
        .forceConflicts()
        .serverSideApply();
  }

  @SuppressWarnings("unchecked")
  private static void setImage(GenericKubernetesResource deployment, String image) {
    Map<String, Object> spec =
        (Map<String, Object>) deployment.getAdditionalProperties().get("spec");
    Map<String, Object> template = (Map<String, Object>) spec.get("template");
    Map<String, Object> podSpec = (Map<String, Object>) template.get("spec");
    ((Map<String, Object>) ((List<Object>) podSpec.get("containers")).get(0)).put("image", image);
  }

  @Test
  void jsonPointerAndJqRulesHideWhatTheyName() {
    List<GenericKubernetesResource> desired = List.of(deployment("ignored", 1));
    SyncResult synced = syncer.sync(app, desired, Inventory.empty(), options());
    client.apps().deployments().inNamespace(ns).withName("ignored").scale(3);
    ResourceKey key = new ResourceKey("apps", "Deployment", ns, "ignored");

    SyncOptions pointer =
        options()
            .withDiffOptions(
                DiffOptions.defaults()
                    .withIgnoreDifferences(
                        List.of(
                            IgnoreDifference.forKind("apps", "Deployment")
                                .withName("ignored")
                                .withJsonPointers("/spec/replicas"))));
    SyncOptions jq =
        options()
            .withDiffOptions(
                DiffOptions.defaults()
                    .withIgnoreDifferences(
                        List.of(
                            IgnoreDifference.forKind("apps", "Deployment")
                                .withJqPathExpressions(".spec.replicas"))));

    assertThat(
            syncer
                .diff(app, desired, synced.inventory(), options())
                .get(key)
                .orElseThrow()
                .status())
        .isEqualTo(DiffStatus.OUT_OF_SYNC);
    assertThat(
            syncer.diff(app, desired, synced.inventory(), pointer).get(key).orElseThrow().status())
        .isEqualTo(DiffStatus.IN_SYNC);
    assertThat(syncer.diff(app, desired, synced.inventory(), jq).get(key).orElseThrow().status())
        .isEqualTo(DiffStatus.IN_SYNC);
  }

  @Test
  void kustomizeTreesAreAcceptedAsDesiredObjects() {
    Map<String, Object> tree =
        Map.of(
            "apiVersion",
            "v1",
            "kind",
            "ConfigMap",
            "metadata",
            Map.of("name", "from-tree"),
            "data",
            Map.of("replicas", "3"));

    SyncResult result =
        syncer.sync(app, List.of(ObjectTrees.fromMap(tree)), Inventory.empty(), options());

    assertThat(result.changes().toString()).isEqualTo("ConfigMap/" + ns + "/from-tree Created");
  }

  private SyncOptions options() {
    return SyncOptions.defaults().withTargetNamespace(ns);
  }

  private static GenericKubernetesResource deployment(String name, int replicas) {
    return new KubernetesSerialization()
        .unmarshal(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: %1$s
            spec:
              replicas: %2$d
              selector:
                matchLabels: {app: %1$s}
              template:
                metadata:
                  labels: {app: %1$s}
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
            """
                .formatted(name, replicas),
            GenericKubernetesResource.class);
  }
}
