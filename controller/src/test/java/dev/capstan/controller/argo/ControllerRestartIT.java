package dev.capstan.controller.argo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capstan.controller.api.argo.ApplicationStatus;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import dev.capstan.testsupport.git.CommitBuilder;
import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import dev.capstan.testsupport.git.GitHttpServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A controller killed in the middle of a sync: a fresh instance takes over the Lease, resumes and
 * converges, and applies a commit made while no controller ran. Nothing is pruned or created twice.
 *
 * <p>The kill: the first controller has a client of its own, which is closed before the controller
 * (so no request of its sync can reach the API server any more, as when the process dies), and the
 * Lease is left held. The window: wave -1 holds a Deployment with {@code minReadySeconds: 8}, so
 * the wave gate holds wave 0 back for at least 8 s after the Deployment is created; the kill falls
 * there.
 */
@WithControlPlane
class ControllerRestartIT {

  private static final int EARLY = 20;
  private static final int LATE = 20;

  private static GitFixture git;
  private static GitHttpServer http;

  private final KubernetesClient client;
  private final String ns;
  private ArgoController running;

  ControllerRestartIT(KubernetesClient client, TestNamespace namespace) {
    this.client = client;
    this.ns = namespace.name();
  }

  @BeforeAll
  static void start(KubernetesClient client, TestNamespace namespace) throws Exception {
    ArgoFixture.installCrds(client);
    ArgoFixture.createDefaultProject(client, namespace.name());
    git = GitFixture.create();
    http = git.startHttp();
  }

  @AfterEach
  void stop() {
    if (running != null) {
      running.close();
    }
  }

  @AfterAll
  static void closeGit() {
    if (git != null) {
      git.close();
    }
  }

  @Test
  void controllerKilledMidSyncIsReplacedAndConvergesOnTheCommitMadeWhileDown() throws Exception {
    FixtureRepository repo = git.createRepository("restart");
    addConfigMaps(repo.commit().message("v1").add("app/deploy.yaml", deployment(1)), "v1").create();
    ArgoFixture.create(
        client,
        ns,
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: restart
        spec:
          project: default
          source: {repoURL: "%s", targetRevision: main, path: app}
          destination: {server: "https://kubernetes.default.svc", namespace: %s}
          syncPolicy:
            automated: {prune: true, selfHeal: true}
        """
            .formatted(http.url(repo), ns));

    KubernetesClient doomed =
        new KubernetesClientBuilder().withConfig(client.getConfiguration()).build();
    ArgoController first = ArgoFixture.startController(doomed, ns);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                client.apps().deployments().inNamespace(ns).withName("restart-web").get() != null);
    // The operation is recorded Running once wave -1 waits to become healthy (a sync over within
    // a second writes only its result).
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .ignoreExceptions()
        .until(
            () ->
                "Running"
                    .equals(
                        ArgoFixture.status(client, ns, "restart")
                            .orElseThrow()
                            .operationState()
                            .phase()));
    doomed.close();
    first.close();

    // The operation was recorded Running, and nobody finished it.
    ApplicationStatus atKill = ArgoFixture.status(client, ns, "restart").orElseThrow();
    assertThat(atKill.operationState().phase()).isEqualTo("Running");
    assertThat(atKill.operationState().finishedAt()).isEmpty();
    // The kill fell between the waves: wave -1 is applied, wave 0 is not.
    Map<String, String> earlyUids =
        uids(client.configMaps().inNamespace(ns).list().getItems(), "restart-early-");
    assertThat(earlyUids).hasSize(EARLY);
    assertThat(names(client.configMaps().inNamespace(ns).list().getItems(), "restart-late-"))
        .isEmpty();
    String deploymentUid =
        client
            .apps()
            .deployments()
            .inNamespace(ns)
            .withName("restart-web")
            .get()
            .getMetadata()
            .getUid();

    // A commit while no controller runs.
    ObjectId second =
        addConfigMaps(repo.commit().message("v2").add("app/deploy.yaml", deployment(2)), "v2")
            .create();

    running = ArgoFixture.startController(client, ns);
    await()
        .atMost(Duration.ofSeconds(75))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              ApplicationStatus s = ArgoFixture.status(client, ns, "restart").orElseThrow();
              assertThat(s.sync().status()).isEqualTo("Synced");
              assertThat(s.sync().revision()).isEqualTo(second.name());
              assertThat(s.health().status()).isEqualTo("Healthy");
              assertThat(s.operationState().phase()).isEqualTo("Succeeded");
              assertThat(s.operationState().syncResult().revision()).isEqualTo(second.name());
            });

    ApplicationStatus s = ArgoFixture.status(client, ns, "restart").orElseThrow();
    // The new controller resumed the interrupted operation (same start) and said so.
    assertThat(s.operationState().startedAt()).isEqualTo(atKill.operationState().startedAt());
    assertThat(client.v1().events().inNamespace(ns).list().getItems())
        .anySatisfy(
            e -> {
              assertThat(e.getReason()).isEqualTo("OperationResumed");
              assertThat(e.getMessage()).contains("the controller stopped");
            });
    assertThat(s.resources())
        .hasSize(EARLY + LATE + 1)
        .allSatisfy(r -> assertThat(r.status()).isEqualTo("Synced"));
    List<ConfigMap> maps = client.configMaps().inNamespace(ns).list().getItems();
    assertThat(names(maps, "restart-"))
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, EARLY + LATE).mapToObj(ControllerRestartIT::configMapName).toList());
    assertThat(maps.stream().filter(m -> m.getMetadata().getName().startsWith("restart-")))
        .allSatisfy(m -> assertThat(m.getData()).containsEntry("value", "v2"));
    // Nothing applied before the kill was pruned and created again.
    assertThat(uids(maps, "restart-early-")).isEqualTo(earlyUids);
    List<Deployment> deployments = client.apps().deployments().inNamespace(ns).list().getItems();
    assertThat(deployments)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getMetadata().getUid()).isEqualTo(deploymentUid);
              assertThat(d.getSpec().getReplicas()).isEqualTo(2);
            });
  }

  private static CommitBuilder addConfigMaps(CommitBuilder commit, String value) {
    for (int i = 0; i < EARLY + LATE; i++) {
      String wave = i < EARLY ? "-1" : "0";
      commit.add(
          "app/cm-" + i + ".yaml",
          """
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: %s
            annotations: {argocd.argoproj.io/sync-wave: "%s"}
          data: {value: %s}
          """
              .formatted(configMapName(i), wave, value));
    }
    return commit;
  }

  private static String configMapName(int i) {
    return i < EARLY ? "restart-early-" + i : "restart-late-" + i;
  }

  private static String deployment(int replicas) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: restart-web
          annotations: {argocd.argoproj.io/sync-wave: "-1"}
        spec:
          replicas: %d
          minReadySeconds: 8
          selector: {matchLabels: {app: restart-web}}
          template:
            metadata: {labels: {app: restart-web}}
            spec:
              terminationGracePeriodSeconds: 1
              containers:
              - {name: web, image: registry.invalid/web:1}
        """
        .formatted(replicas);
  }

  private static List<String> names(List<? extends HasMetadata> objects, String prefix) {
    return objects.stream()
        .map(o -> o.getMetadata().getName())
        .filter(n -> n.startsWith(prefix))
        .toList();
  }

  private static Map<String, String> uids(List<? extends HasMetadata> objects, String prefix) {
    return objects.stream()
        .filter(o -> o.getMetadata().getName().startsWith(prefix))
        .collect(Collectors.toMap(o -> o.getMetadata().getName(), o -> o.getMetadata().getUid()));
  }
}
