package dev.capstan.engine.sync;

import static dev.capstan.engine.sync.Manifests.configMap;
import static dev.capstan.engine.sync.Manifests.deployment;
import static dev.capstan.engine.sync.Manifests.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capstan.engine.cluster.DiscoveryResourceTypes;
import dev.capstan.engine.cluster.ResourceKey;
import dev.capstan.engine.diff.DiffStatus;
import dev.capstan.engine.inventory.Inventory;
import dev.capstan.engine.inventory.InventoryEntry;
import dev.capstan.engine.inventory.TrackingId;
import dev.capstan.engine.inventory.TrackingIdOwnership;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sync against a real API server: apply, re-apply, change, prune and its safety rules. */
@WithControlPlane
class SyncIT {

  private final KubernetesClient client;
  private final String ns;
  private final Syncer syncer;
  private final TrackingIdOwnership shop = new TrackingIdOwnership("shop");
  private final SyncOptions options;

  SyncIT(KubernetesClient client, TestNamespace namespace) {
    this.client = client;
    this.ns = namespace.name();
    this.syncer = new Syncer(client, new DiscoveryResourceTypes(client), Optional.empty());
    this.options = SyncOptions.defaults().withTargetNamespace(ns);
  }

  @Test
  void createsThenReportsUnchangedThenConfigured() {
    String manifests = configMap(ns, "settings", "a") + "---\n" + deployment(ns, "web", 2);

    SyncResult first = syncer.sync(shop, parse(manifests), Inventory.empty(), options);
    SyncResult second = syncer.sync(shop, parse(manifests), first.inventory(), options);
    SyncResult third =
        syncer.sync(
            shop,
            parse(configMap(ns, "settings", "a") + "---\n" + deployment(ns, "web", 3)),
            second.inventory(),
            options);

    assertThat(first.changes().toString())
        .isEqualTo("ConfigMap/%s/settings Created\nDeployment/%s/web Created".formatted(ns, ns));
    assertThat(second.changes().changes())
        .extracting(Change::action)
        .containsOnly(Action.UNCHANGED);
    assertThat(second.diff().inSync()).isTrue();
    assertThat(third.changes().actionOf(key("apps", "Deployment", "web")))
        .contains(Action.CONFIGURED);
    assertThat(third.changes().actionOf(key("", "ConfigMap", "settings")))
        .contains(Action.UNCHANGED);
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace(ns)
                .withName("web")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(3);
    assertThat(third.inventory().entries())
        .extracting(InventoryEntry::id)
        .containsExactly(ns + "_settings__ConfigMap", ns + "_web_apps_Deployment");
  }

  @Test
  void concurrentAppliesKeepTheKindOrderInTheChangeSet() {
    String manifests =
        deployment(ns, "conc-web", 1)
            + "---\n"
            + configMap(ns, "conc-1", "a")
            + "---\n"
            + configMap(ns, "conc-2", "a")
            + "---\n"
            + configMap(ns, "conc-3", "a")
            + "---\n"
            + configMap(ns, "conc-4", "a")
            + "---\n"
            + configMap(ns, "conc-5", "a");
    SyncOptions concurrent = options.withApplyConcurrency(3);

    SyncResult first = syncer.sync(shop, parse(manifests), Inventory.empty(), concurrent);
    SyncResult again = syncer.sync(shop, parse(manifests), first.inventory(), concurrent);

    assertThat(first.changes().toString())
        .isEqualTo(
            """
            ConfigMap/%1$s/conc-1 Created
            ConfigMap/%1$s/conc-2 Created
            ConfigMap/%1$s/conc-3 Created
            ConfigMap/%1$s/conc-4 Created
            ConfigMap/%1$s/conc-5 Created
            Deployment/%1$s/conc-web Created"""
                .formatted(ns));
    assertThat(client.configMaps().inNamespace(ns).list().getItems())
        .extracting(c -> c.getMetadata().getName())
        .contains("conc-1", "conc-2", "conc-3", "conc-4", "conc-5");
    assertThat(again.changes().changes()).extracting(Change::action).containsOnly(Action.UNCHANGED);
    assertThat(again.diff().inSync()).isTrue();
  }

  @Test
  void appliedObjectsCarryTheTrackingIdAndTheCapstanFieldManager() {
    syncer.sync(shop, parse(configMap(ns, "tracked", "a")), Inventory.empty(), options);

    ConfigMap live = client.configMaps().inNamespace(ns).withName("tracked").get();
    assertThat(live.getMetadata().getAnnotations())
        .containsEntry(TrackingId.ANNOTATION, "shop:/ConfigMap:" + ns + "/tracked");
    assertThat(live.getMetadata().getManagedFields())
        .anySatisfy(f -> assertThat(f.getManager()).isEqualTo("capstan"));
  }

  @Test
  void removedObjectIsPrunedOnlyWithPrune() {
    SyncResult both =
        syncer.sync(
            shop,
            parse(configMap(ns, "stay", "a") + "---\n" + configMap(ns, "leave", "b")),
            Inventory.empty(),
            options);

    SyncResult withoutPrune =
        syncer.sync(shop, parse(configMap(ns, "stay", "a")), both.inventory(), options);

    assertThat(withoutPrune.changes().get(key("", "ConfigMap", "leave")))
        .hasValueSatisfying(
            c -> {
              assertThat(c.action()).isEqualTo(Action.SKIPPED);
              assertThat(c.message()).isEqualTo("ignored (requires pruning)");
            });
    assertThat(withoutPrune.diff().get(key("", "ConfigMap", "leave")))
        .hasValueSatisfying(d -> assertThat(d.status()).isEqualTo(DiffStatus.EXTRA));
    assertThat(withoutPrune.inventory().contains(key("", "ConfigMap", "leave"))).isTrue();
    assertThat(client.configMaps().inNamespace(ns).withName("leave").get()).isNotNull();

    SyncResult withPrune =
        syncer.sync(
            shop,
            parse(configMap(ns, "stay", "a")),
            withoutPrune.inventory(),
            options.withPrune(true));

    assertThat(withPrune.changes().actionOf(key("", "ConfigMap", "leave")))
        .contains(Action.DELETED);
    assertThat(withPrune.inventory().contains(key("", "ConfigMap", "leave"))).isFalse();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> client.configMaps().inNamespace(ns).withName("leave").get() == null);
    assertThat(client.configMaps().inNamespace(ns).withName("stay").get()).isNotNull();
  }

  @Test
  void pruneFalseAnnotationKeepsTheObject() {
    String keep =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: precious
          namespace: %s
          annotations:
            argocd.argoproj.io/sync-options: Prune=false
        """
            .formatted(ns);
    SyncResult first =
        syncer.sync(
            shop, parse(keep + "---\n" + configMap(ns, "other", "x")), Inventory.empty(), options);

    SyncResult second =
        syncer.sync(
            shop, parse(configMap(ns, "other", "x")), first.inventory(), options.withPrune(true));

    assertThat(second.changes().get(key("", "ConfigMap", "precious")))
        .hasValueSatisfying(
            c -> assertThat(c.toString()).endsWith("Skipped: ignored (Prune=false)"));
    assertThat(client.configMaps().inNamespace(ns).withName("precious").get()).isNotNull();
  }

  @Test
  void anObjectWithoutOurTrackingIdIsNeverPruned() {
    client.resource(Manifests.one(configMap(ns, "handmade", "h"))).inNamespace(ns).create();
    Inventory claimsIt =
        new Inventory(List.of(new InventoryEntry(key("", "ConfigMap", "handmade"), "v1")));

    SyncResult result =
        syncer.sync(shop, parse(configMap(ns, "mine", "m")), claimsIt, options.withPrune(true));

    assertThat(result.changes().get(key("", "ConfigMap", "handmade"))).isEmpty();
    assertThat(client.configMaps().inNamespace(ns).withName("handmade").get()).isNotNull();
  }

  @Test
  void anEmptyDesiredSetPrunesNothingUnlessAllowEmpty() {
    SyncResult first =
        syncer.sync(shop, parse(configMap(ns, "lonely", "l")), Inventory.empty(), options);

    SyncResult empty = syncer.sync(shop, List.of(), first.inventory(), options.withPrune(true));

    assertThat(empty.changes().actionOf(key("", "ConfigMap", "lonely"))).contains(Action.SKIPPED);
    assertThat(client.configMaps().inNamespace(ns).withName("lonely").get()).isNotNull();

    SyncResult allowed =
        syncer.sync(
            shop, List.of(), empty.inventory(), options.withPrune(true).withAllowEmpty(true));

    assertThat(allowed.changes().actionOf(key("", "ConfigMap", "lonely"))).contains(Action.DELETED);
  }

  @Test
  void anObjectClaimedByAnotherApplicationIsNotOverwritten() {
    syncer.sync(
        new TrackingIdOwnership("blog"),
        parse(configMap(ns, "shared", "blog's")),
        Inventory.empty(),
        options);

    SyncResult result =
        syncer.sync(shop, parse(configMap(ns, "shared", "shop's")), Inventory.empty(), options);
    SyncResult again =
        syncer.sync(
            shop,
            parse(configMap(ns, "shared", "shop's")),
            result.inventory(),
            options.withPrune(true));

    assertThat(result.changes().get(key("", "ConfigMap", "shared")))
        .hasValueSatisfying(
            c -> {
              assertThat(c.action()).isEqualTo(Action.SKIPPED);
              assertThat(c.message()).contains("application blog");
            });
    assertThat(result.warnings())
        .singleElement()
        .asString()
        .contains("ConfigMap/" + ns + "/shared");
    assertThat(again.changes().actionOf(key("", "ConfigMap", "shared"))).contains(Action.SKIPPED);
    ConfigMap live = client.configMaps().inNamespace(ns).withName("shared").get();
    assertThat(live.getData()).containsEntry("value", "blog's");
    assertThat(live.getMetadata().getAnnotations().get(TrackingId.ANNOTATION)).startsWith("blog:");
  }

  @Test
  void dryRunChangesNothing() {
    SyncResult result =
        syncer.sync(
            shop,
            parse(configMap(ns, "imagined", "i")),
            Inventory.empty(),
            options.withDryRun(true));

    assertThat(result.changes().toString())
        .isEqualTo("ConfigMap/" + ns + "/imagined Created: dry run");
    assertThat(result.diff().get(key("", "ConfigMap", "imagined")))
        .hasValueSatisfying(d -> assertThat(d.status()).isEqualTo(DiffStatus.MISSING));
    assertThat(client.configMaps().inNamespace(ns).withName("imagined").get()).isNull();
  }

  @Test
  void secretDiffIsMasked() {
    String secret =
        """
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
          namespace: %s
        stringData:
          password: %s
          user: admin
        """;
    syncer.sync(shop, parse(secret.formatted(ns, "hunter2")), Inventory.empty(), options);

    var diff =
        syncer.diff(shop, parse(secret.formatted(ns, "swordfish")), Inventory.empty(), options);

    var entry = diff.get(key("", "Secret", "db")).orElseThrow();
    assertThat(entry.status()).isEqualTo(DiffStatus.OUT_OF_SYNC);
    assertThat(entry.unifiedDiff())
        .contains("-  password: +++++++++\n")
        .contains("+  password: ++++++++\n");
    String all = entry.unifiedDiff() + entry.live() + entry.target();
    for (String value :
        List.of("hunter2", "swordfish", "aHVudGVyMg==", "c3dvcmRmaXNo", "admin", "YWRtaW4=")) {
      assertThat(all).doesNotContain(value);
    }
  }

  @Test
  void createNamespaceCreatesTheTargetNamespaceWithoutOwningIt() {
    String target = ns + "-created";
    try {
      SyncResult result =
          syncer.sync(
              shop,
              parse(configMap("", "inside", "x").replace("  namespace: \n", "")),
              Inventory.empty(),
              SyncOptions.defaults().withTargetNamespace(target).withCreateNamespace(true));

      assertThat(result.changes().toString())
          .isEqualTo(
              "Namespace/%s Created: CreateNamespace\nConfigMap/%s/inside Created"
                  .formatted(target, target));
      assertThat(client.namespaces().withName(target).get().getMetadata().getAnnotations())
          .isNullOrEmpty();
      assertThat(result.inventory().contains(new ResourceKey("", "Namespace", "", target)))
          .isFalse();
    } finally {
      client.namespaces().withName(target).delete();
    }
  }

  private ResourceKey key(String group, String kind, String name) {
    return new ResourceKey(group, kind, ns, name);
  }
}
