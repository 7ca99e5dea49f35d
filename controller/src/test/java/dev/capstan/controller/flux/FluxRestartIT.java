package dev.capstan.controller.flux;

import static dev.capstan.controller.flux.FluxFixture.configMapYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capstan.controller.api.Condition;
import dev.capstan.controller.api.flux.Kustomization;
import dev.capstan.controller.api.flux.KustomizationStatus;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import dev.capstan.testsupport.git.CommitBuilder;
import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import dev.capstan.testsupport.git.GitHttpServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Flux controller killed during the first apply: a fresh instance converges to Ready with the
 * whole inventory; a commit that removes objects while no controller runs is pruned after the next
 * start, and nothing else is.
 *
 * <p>The kill: a controller has a client of its own, which is closed before the controller, so no
 * request of the reconcile in flight reaches the API server any more (as when the process dies).
 * The first kill fires on the watch event of the first ConfigMap applied.
 */
@WithControlPlane
class FluxRestartIT {

  private static final int MAPS = 40;
  private static final int REMOVED = 10;

  private static GitFixture git;
  private static GitHttpServer http;

  private final KubernetesClient client;
  private final String ns;
  private final FluxFixture flux;
  private final List<FluxController> started = new ArrayList<>();

  FluxRestartIT(KubernetesClient client, TestNamespace namespace) {
    this.client = client;
    this.ns = namespace.name();
    this.flux = new FluxFixture(client, ns);
  }

  @BeforeAll
  static void start(KubernetesClient client) throws Exception {
    FluxFixture.installCrds(client);
    git = GitFixture.create();
    http = git.startHttp();
  }

  @AfterEach
  void stop() {
    started.forEach(FluxController::close);
  }

  @AfterAll
  static void closeGit() {
    if (git != null) {
      git.close();
    }
  }

  @Test
  void killedDuringTheFirstApplyConvergesAndACommitMadeWhileDownIsPruned() throws Exception {
    FixtureRepository repo = git.createRepository("restart");
    ObjectId first = allMaps(repo.commit().message("v1")).create();
    flux.createSource("restart", http.url(repo), "2s", "");
    // No short retryInterval: a restarted controller's first stored artifact must wake this
    // Kustomization by itself, well before the 1m interval would.
    flux.createKustomization("restart", "restart", "./app", "  wait: true\n  timeout: 2m\n");
    // never in an inventory: not ours to prune
    flux.createForeignConfigMap("restart-foreign", Map.of());

    // 1. killed on the first object of the first apply
    CountDownLatch firstObject = new CountDownLatch(1);
    try (Watch watch =
        client
            .configMaps()
            .inNamespace(ns)
            .withLabel("kustomize.toolkit.fluxcd.io/name", "restart")
            .watch(
                new Watcher<ConfigMap>() {
                  @Override
                  public void eventReceived(Action action, ConfigMap resource) {
                    firstObject.countDown();
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                })) {
      KubernetesClient doomed = startWithOwnClient();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(10))
          .until(() -> firstObject.getCount() == 0);
      doomed.close();
      started.getLast().close();
    }
    int presentAtKill = ours().size();
    Optional<KustomizationStatus> atKill =
        Optional.ofNullable(
            client
                .resources(Kustomization.class)
                .inNamespace(ns)
                .withName("restart")
                .get()
                .getStatus());
    assertThat(atKill.map(KustomizationStatus::lastAppliedRevision).orElse(""))
        .as("the kill came before the first apply finished")
        .isNullOrEmpty();
    assertThat(atKill.flatMap(s -> s.condition("Ready")).map(Condition::status))
        .isNotEqualTo(Optional.of("True"));
    System.out.printf(
        "FluxRestartIT: %d of %d ConfigMaps existed at the kill; inventory in status: %d entries%n",
        presentAtKill,
        MAPS,
        atKill.map(KustomizationStatus::inventory).map(i -> i.entries().size()).orElse(0));

    // 2. a fresh controller converges
    long t0 = System.nanoTime();
    startWithOwnClient();
    awaitReadyAt(first, IntStream.range(0, MAPS));
    System.out.printf(
        "FluxRestartIT: Ready %d s after the first restart%n",
        (System.nanoTime() - t0) / 1_000_000_000L);
    Map<String, String> uids =
        ours().stream()
            .collect(
                Collectors.toMap(c -> c.getMetadata().getName(), c -> c.getMetadata().getUid()));
    String deploymentUid =
        client
            .apps()
            .deployments()
            .inNamespace(ns)
            .withName("restart-web")
            .get()
            .getMetadata()
            .getUid();

    // 3. killed again; a commit removes some objects while no controller runs
    clients.get(started.getLast()).close();
    started.getLast().close();
    CommitBuilder removal = repo.commit().message("v2: fewer maps");
    IntStream.range(0, REMOVED).forEach(i -> removal.delete("app/cm-" + i + ".yaml"));
    removal.add("app/kustomization.yaml", kustomization(IntStream.range(REMOVED, MAPS)));
    ObjectId third = removal.create();

    long t1 = System.nanoTime();
    startWithOwnClient();
    awaitReadyAt(third, IntStream.range(REMOVED, MAPS));
    System.out.printf(
        "FluxRestartIT: Ready %d s after the second restart%n",
        (System.nanoTime() - t1) / 1_000_000_000L);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> ours().size() == MAPS - REMOVED);
    Map<String, String> kept = new java.util.HashMap<>(uids);
    IntStream.range(0, REMOVED).forEach(i -> kept.remove(name(i)));
    assertThat(
            ours().stream()
                .collect(
                    Collectors.toMap(
                        c -> c.getMetadata().getName(), c -> c.getMetadata().getUid())))
        .isEqualTo(kept);
    assertThat(client.configMaps().inNamespace(ns).withName("restart-foreign").get()).isNotNull();
    assertThat(client.apps().deployments().inNamespace(ns).list().getItems())
        .singleElement()
        .satisfies(d -> assertThat(d.getMetadata().getUid()).isEqualTo(deploymentUid));
  }

  // --- helpers

  private final Map<FluxController, KubernetesClient> clients = new java.util.HashMap<>();

  private KubernetesClient startWithOwnClient() throws Exception {
    KubernetesClient own =
        new KubernetesClientBuilder().withConfig(client.getConfiguration()).build();
    FluxController controller =
        FluxController.start(
            own,
            FluxSettings.defaults(Files.createTempDirectory("capstan-flux-restart"))
                .withNamespace(ns)
                .withHealthPoll(Duration.ofMillis(500)));
    started.add(controller);
    clients.put(controller, own);
    return own;
  }

  private void awaitReadyAt(ObjectId commit, IntStream maps) {
    List<String> expected =
        Stream.concat(
                maps.mapToObj(i -> ns + "_" + name(i) + "__ConfigMap"),
                Stream.of(ns + "_restart-web_apps_Deployment"))
            .toList();
    // Well under the Kustomization's 1m interval: convergence must not wait for the next interval.
    await()
        .atMost(Duration.ofSeconds(45))
        .pollInterval(Duration.ofMillis(300))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              KustomizationStatus s = flux.kustomizationStatus("restart");
              assertThat(s.condition("Ready").map(Condition::reason))
                  .as(s.conditions().toString())
                  .contains("ReconciliationSucceeded");
              assertThat(s.lastAppliedRevision()).isEqualTo("main@sha1:" + commit.name());
              assertThat(s.inventory().entries())
                  .extracting(KustomizationStatus.InventoryEntry::id)
                  .containsExactlyInAnyOrderElementsOf(expected);
            });
    String source = flux.sourceStatus("restart").artifact().revision();
    assertThat(flux.kustomizationStatus("restart").lastAppliedRevision()).isEqualTo(source);
  }

  private List<ConfigMap> ours() {
    return client.configMaps().inNamespace(ns).list().getItems().stream()
        .filter(c -> c.getMetadata().getName().startsWith("restart-cm-"))
        .toList();
  }

  private static CommitBuilder allMaps(CommitBuilder commit) {
    for (int i = 0; i < MAPS; i++) {
      commit.add("app/cm-" + i + ".yaml", configMapYaml(name(i), "v1"));
    }
    return commit
        .add(
            "app/deploy.yaml",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: restart-web}
            spec:
              replicas: 1
              minReadySeconds: 8
              selector: {matchLabels: {app: restart-web}}
              template:
                metadata: {labels: {app: restart-web}}
                spec:
                  terminationGracePeriodSeconds: 1
                  containers:
                  - {name: web, image: registry.invalid/web:1}
            """)
        .add("app/kustomization.yaml", kustomization(IntStream.range(0, MAPS)));
  }

  private static String kustomization(IntStream maps) {
    return "resources:\n- deploy.yaml\n"
        + maps.mapToObj(i -> "- cm-" + i + ".yaml\n").collect(Collectors.joining());
  }

  private static String name(int i) {
    return "restart-cm-" + i;
  }
}
