package dev.capstan.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capstan.engine.diff.DiffStatus;
import dev.capstan.engine.inventory.Inventory;
import dev.capstan.engine.inventory.OwnerChangeRouter;
import dev.capstan.engine.inventory.TrackingId;
import dev.capstan.engine.inventory.TrackingIdOwnership;
import dev.capstan.engine.sync.Action;
import dev.capstan.engine.sync.SyncOptions;
import dev.capstan.engine.sync.SyncResult;
import dev.capstan.engine.sync.Syncer;
import dev.capstan.kustomize.resource.Gvk;
import dev.capstan.testsupport.cluster.ControlPlane;
import dev.capstan.testsupport.cluster.RecordingClient;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The watch cache sees drift made by hand within seconds, and a sync corrects it. */
@WithControlPlane
class ClusterCacheIT {

  private static final Gvk DEPLOYMENT = new Gvk("apps", "v1", "Deployment");
  private static final Gvk CONFIG_MAP = new Gvk("", "v1", "ConfigMap");

  private final KubernetesClient client;
  private final ControlPlane controlPlane;
  private final String ns;
  private final DiscoveryResourceTypes types;
  private final InformerClusterCache cache;
  private final List<ResourceChange> seen = new CopyOnWriteArrayList<>();

  ClusterCacheIT(KubernetesClient client, ControlPlane controlPlane, TestNamespace namespace) {
    this.client = client;
    this.controlPlane = controlPlane;
    this.ns = namespace.name();
    this.types = new DiscoveryResourceTypes(client);
    this.cache = new InformerClusterCache(client, types);
    cache.addListener(ChangeListener.filtered(c -> c.key().namespace().equals(ns), seen::add));
  }

  @AfterEach
  void stop() {
    cache.close();
  }

  @Test
  void kubectlScaleIsSeenByTheListenerAndCorrectedBySync() throws Exception {
    Syncer syncer = new Syncer(client, types, Optional.of(cache));
    TrackingIdOwnership app = new TrackingIdOwnership("drift");
    List<GenericKubernetesResource> desired = List.of(deployment("web", 2));
    SyncOptions options = SyncOptions.defaults().withTargetNamespace(ns);
    SyncResult first = syncer.sync(app, desired, Inventory.empty(), options);
    cache.watch(DEPLOYMENT);
    List<String> enqueued = new CopyOnWriteArrayList<>();
    cache.addListener(
        OwnerChangeRouter.byTrackingId((owner, key) -> enqueued.add(owner + " " + key)));
    ResourceKey web = new ResourceKey("apps", "Deployment", ns, "web");
    assertThat(cache.get(web)).isPresent();

    scaleByHand("web", 5);

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(seen)
                    .anySatisfy(
                        c -> {
                          assertThat(c.key()).isEqualTo(web);
                          assertThat(c.type()).isEqualTo(ResourceChange.Type.UPDATED);
                          assertThat(c.meaningful()).isTrue();
                          assertThat(replicas(c.object())).isEqualTo(5);
                        }));
    await().atMost(Duration.ofSeconds(5)).until(() -> enqueued.contains("drift " + web));
    assertThat(syncer.diff(app, desired, first.inventory(), options).get(web))
        .hasValueSatisfying(d -> assertThat(d.status()).isEqualTo(DiffStatus.OUT_OF_SYNC));

    SyncResult corrected = syncer.sync(app, desired, first.inventory(), options);

    assertThat(corrected.changes().actionOf(web)).contains(Action.CONFIGURED);
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace(ns)
                .withName("web")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(2);
  }

  @Test
  void theOwnerIndexFindsAnApplicationsObjectsAndASyncPrunesWhatOnlyTheIndexKnows()
      throws Exception {
    try (InformerClusterCache indexed =
        new InformerClusterCache(client, types, OwnerChangeRouter::trackingIdOwner)) {
      Syncer syncer = new Syncer(client, types, Optional.of(indexed));
      TrackingIdOwnership app = new TrackingIdOwnership("indexed");
      SyncOptions options = SyncOptions.defaults().withTargetNamespace(ns).withPrune(true);
      syncer.sync(
          app,
          List.of(managedConfigMap("keep"), managedConfigMap("stray")),
          Inventory.empty(),
          options);
      syncer.sync(
          new TrackingIdOwnership("other"),
          List.of(managedConfigMap("others")),
          Inventory.empty(),
          options);
      indexed.watch(CONFIG_MAP);

      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThat(indexed.ownedBy("indexed").orElseThrow())
                      .extracting(o -> o.getMetadata().getName())
                      .containsExactlyInAnyOrder("keep", "stray"));
      assertThat(new InformerClusterCache(client, types).ownedBy("indexed")).isEmpty();

      // The previous inventory is lost (empty): only the index knows "stray" is this app's.
      SyncResult pruned =
          syncer.sync(app, List.of(managedConfigMap("keep")), Inventory.empty(), options);

      assertThat(pruned.changes().actionOf(new ResourceKey("", "ConfigMap", ns, "stray")))
          .contains(Action.DELETED);
      assertThat(client.configMaps().inNamespace(ns).withName("stray").get()).isNull();
      assertThat(client.configMaps().inNamespace(ns).withName("others").get()).isNotNull();
    }
  }

  @Test
  void aSyncReadsFromTheCacheAndCreatesWhatTheCacheHasNotSeenWithoutARead() throws Exception {
    cache.watch(CONFIG_MAP);
    client
        .configMaps()
        .inNamespace(ns)
        .resource(
            new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata()
                .withName("theirs")
                .addToAnnotations(
                    TrackingId.ANNOTATION,
                    TrackingId.of("someone-else", new ResourceKey("", "ConfigMap", ns, "theirs"))
                        .value())
                .endMetadata()
                .addToData("k", "theirs")
                .build())
        .create();
    ResourceKey theirs = new ResourceKey("", "ConfigMap", ns, "theirs");
    await().atMost(Duration.ofSeconds(5)).until(() -> cache.get(theirs).isPresent());
    try (RecordingClient recording = new RecordingClient(client)) {
      Syncer syncer = new Syncer(recording.client(), types, Optional.of(cache));
      TrackingIdOwnership app = new TrackingIdOwnership("cached");
      SyncOptions options = SyncOptions.defaults().withTargetNamespace(ns);

      SyncResult first =
          syncer.sync(
              app,
              List.of(managedConfigMap("fresh"), managedConfigMap("theirs")),
              Inventory.empty(),
              options);

      assertThat(first.changes().actionOf(new ResourceKey("", "ConfigMap", ns, "fresh")))
          .contains(Action.CREATED);
      assertThat(first.changes().actionOf(theirs)).contains(Action.SKIPPED);
      assertThat(client.configMaps().inNamespace(ns).withName("theirs").get().getData())
          .containsEntry("k", "theirs");
      assertThat(recording.sent())
          .as("no read: 'fresh' is absent from the cache, 'theirs' is in it")
          .noneMatch(r -> r.method().equals("GET"))
          .filteredOn(r -> r.method().equals("PATCH"))
          .hasSize(1);

      // Right after: the cache may not have the apply yet, but the inventory lists 'fresh', so
      // the sync asks the API server and finds it unchanged rather than creating it again.
      recording.sent().clear();
      SyncResult second =
          syncer.sync(app, List.of(managedConfigMap("fresh")), first.inventory(), options);
      assertThat(second.changes().actionOf(new ResourceKey("", "ConfigMap", ns, "fresh")))
          .contains(Action.UNCHANGED);
    }
  }

  private static GenericKubernetesResource managedConfigMap(String name) {
    return new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
        .withApiVersion("v1")
        .withKind("ConfigMap")
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withAdditionalProperties(Map.of("data", Map.of("k", "v")))
        .build();
  }

  @Test
  void deletionsAreReportedAndWatchesAreShared() {
    client.configMaps().inNamespace(ns).resource(configMap("doomed")).create();
    cache.watch(CONFIG_MAP);
    cache.watch(CONFIG_MAP);
    assertThat(cache.watched()).containsExactly(CONFIG_MAP);
    assertThat(cache.list(CONFIG_MAP))
        .anySatisfy(o -> assertThat(o.getMetadata().getName()).isEqualTo("doomed"));

    client.configMaps().inNamespace(ns).withName("doomed").delete();

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(seen)
                    .anySatisfy(
                        c -> {
                          assertThat(c.key())
                              .isEqualTo(new ResourceKey("", "ConfigMap", ns, "doomed"));
                          assertThat(c.type()).isEqualTo(ResourceChange.Type.DELETED);
                        }));
    assertThat(cache.get(new ResourceKey("", "ConfigMap", ns, "doomed"))).isEmpty();

    cache.unwatch(CONFIG_MAP);

    assertThat(cache.watched()).isEmpty();
    assertThat(cache.list(CONFIG_MAP)).isEmpty();
  }

  @Test
  void aClosedRegistrationHearsNothingMore() {
    List<ResourceChange> other = new CopyOnWriteArrayList<>();
    ClusterCache.Registration registration =
        cache.addListener(ChangeListener.filtered(c -> c.key().namespace().equals(ns), other::add));
    cache.watch(CONFIG_MAP);
    registration.close();

    client.configMaps().inNamespace(ns).resource(configMap("quiet")).create();

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> seen.stream().anyMatch(c -> c.key().name().equals("quiet")));
    assertThat(other).noneSatisfy(c -> assertThat(c.key().name()).isEqualTo("quiet"));
  }

  /**
   * {@code kubectl scale}, which patches the scale subresource as a separate field manager. Where
   * kubectl is not installed the same subresource request is sent through fabric8.
   */
  private void scaleByHand(String deployment, int replicas)
      throws IOException, InterruptedException {
    if (onPath("kubectl")) {
      kubectl("scale", "deployment/" + deployment, "--replicas=" + replicas, "-n", ns);
    } else {
      client.apps().deployments().inNamespace(ns).withName(deployment).scale(replicas);
    }
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private void kubectl(String... args) throws IOException, InterruptedException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of("kubectl", "--kubeconfig", controlPlane.kubeconfig().toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("kubectl %s: %s", String.join(" ", args), out).isZero();
  }

  private static int replicas(GenericKubernetesResource o) {
    return ((Number) ((Map<?, ?>) o.getAdditionalProperties().get("spec")).get("replicas"))
        .intValue();
  }

  private GenericKubernetesResource deployment(String name, int replicas) {
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

  private static io.fabric8.kubernetes.api.model.ConfigMap configMap(String name) {
    return new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withData(Map.of("k", "v"))
        .build();
  }
}
