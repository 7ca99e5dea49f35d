package dev.capstan.controller.argo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capstan.controller.api.CrdInstaller;
import dev.capstan.controller.api.argo.ApplicationStatus;
import dev.capstan.controller.api.argo.OperationState;
import dev.capstan.testsupport.cluster.StandaloneControlPlane;
import dev.capstan.testsupport.git.CommitBuilder;
import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import dev.capstan.testsupport.git.GitHttpServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kube-apiserver killed and started again while a sync is in flight, on a control plane of this
 * test's own ({@link StandaloneControlPlane}; the shared one is never touched), with one controller
 * that runs throughout.
 *
 * <p>The sync in flight: wave -1 holds a {@code Gate} custom resource whose health (a Lua script in
 * {@code capstan-cm}) stays Progressing until the test sets {@code status.observedGeneration}, so
 * the sync waits between wave -1 and wave 0 for as long as the test wants. The API server is killed
 * there; the controller's client gives up after one retry, so the outage is noticed within seconds.
 */
class ApiServerRestartIT {

  private static final String NS = "argocd";
  private static final String APPS = "apps";
  private static final int MAPS = 12;
  private static final ResourceDefinitionContext GATES =
      new ResourceDefinitionContext.Builder()
          .withGroup("capstan.test")
          .withVersion("v1")
          .withKind("Gate")
          .withPlural("gates")
          .withNamespaced(true)
          .build();

  private static StandaloneControlPlane cp;
  private static KubernetesClient client;
  private static GitFixture git;
  private static GitHttpServer http;

  @BeforeAll
  static void start() throws Exception {
    cp = StandaloneControlPlane.start();
    client = cp.newClient();
    for (String ns : List.of(NS, APPS)) {
      client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
    }
    ArgoFixture.installCrds(client);
    ArgoFixture.createDefaultProject(client, NS);
    CustomResourceDefinition crd =
        client
            .getKubernetesSerialization()
            .unmarshal(
                """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: gates.capstan.test}
                spec:
                  group: capstan.test
                  scope: Namespaced
                  names: {plural: gates, singular: gate, kind: Gate}
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    subresources: {status: {}}
                    schema:
                      openAPIV3Schema:
                        type: object
                        x-kubernetes-preserve-unknown-fields: true
                """,
                CustomResourceDefinition.class);
    new CrdInstaller(client).install(List.of(crd));
    client
        .configMaps()
        .inNamespace(NS)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(ArgoController.CONFIG_MAP)
                .endMetadata()
                .addToData(
                    "resource.customizations.health.capstan.test_Gate",
                    """
                    hs = {}
                    if obj.status ~= nil and obj.status.observedGeneration == obj.metadata.generation then
                      hs.status = "Healthy"
                      hs.message = "observed"
                    else
                      hs.status = "Progressing"
                      hs.message = "generation not observed yet"
                    end
                    return hs
                    """)
                .build())
        .create();
    git = GitFixture.create();
    http = git.startHttp();
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (cp != null) {
      cp.close();
    }
    if (git != null) {
      git.close();
    }
  }

  @Test
  void syncInFlightSurvivesAnApiServerRestartAndConverges() throws Exception {
    FixtureRepository repo = git.createRepository("restart");
    commit(repo.commit().message("v1").add("app/old.yaml", configMap("old", "v1")), 1, "v1")
        .create();
    ArgoFixture.create(
        client,
        NS,
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: web
        spec:
          project: default
          source: {repoURL: "%s", targetRevision: main, path: app}
          destination: {server: "https://kubernetes.default.svc", namespace: %s}
          syncPolicy:
            automated: {prune: true, selfHeal: true}
        """
            .formatted(http.url(repo), APPS));
    // One retry per request, so a dead API server shows within seconds, not after fabric8's ten.
    KubernetesClient controllerClient =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(client.getConfiguration())
                    .withRequestRetryBackoffLimit(1)
                    .withRequestRetryBackoffInterval(200)
                    .build())
            .build();
    List<OperationState> seen = new CopyOnWriteArrayList<>();
    try (ArgoController controller = ArgoFixture.startController(controllerClient, NS)) {
      // v1: the sync waits for the gate, and says so in a Running operation state.
      OperationState waiting = awaitRunning(seen, "waiting for it to become healthy");
      assertThat(waiting.startedAt()).isNotEmpty();
      assertThat(waiting.finishedAt()).isEmpty();
      assertThat(waiting.message()).contains("wave -1 applied").contains("Progressing");
      assertThat(waiting.syncResult().resources())
          .anySatisfy(r -> assertThat(r.kind()).isEqualTo("Gate"));
      acknowledgeGate();
      awaitConverged(null);

      Map<String, String> uids = uids();
      client
          .configMaps()
          .inNamespace(APPS)
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName("bystander")
                  .endMetadata()
                  .addToData("mine", "yes")
                  .build())
          .create();

      // v2 changes the gate and every map, and removes "old" from Git.
      ObjectId v2 = commit(repo.commit().message("v2").delete("app/old.yaml"), 2, "v2").create();
      seen.clear();
      OperationState inFlight = awaitRunning(seen, "waiting for it to become healthy");
      assertThat(inFlight.syncResult().revision()).isEqualTo(v2.name());

      double reconcilesBefore = reconciles(controller);
      long killedAt = System.nanoTime();
      cp.stopApiServer();
      // The controller notices: the reconcile in flight ends (the operation is interrupted).
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> reconciles(controller) >= reconcilesBefore + 1);
      long noticedAt = System.nanoTime();
      cp.startApiServer();
      long backAt = System.nanoTime();

      // Once it answers again, the status says what happened, and the operation is resumed (the
      // gate still holds it, so this is what anyone reading the Application sees now).
      OperationState resumed = awaitRunning(seen, "resumed after an interruption");
      assertThat(resumed.message())
          .contains("the API server did not answer")
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
      assertThat(resumed.syncResult().revision()).isEqualTo(v2.name());
      // Last good state kept, nothing pruned or re-created, the bystander untouched.
      assertThat(client.configMaps().inNamespace(APPS).withName("old").get()).isNotNull();
      assertThat(client.configMaps().inNamespace(APPS).withName("bystander").get()).isNotNull();
      assertThat(uids()).containsAllEntriesOf(uids);
      ApplicationStatus during = ArgoFixture.status(client, NS, "web").orElseThrow();
      assertThat(during.resources()).hasSize(MAPS + 2);

      long resumedAt = System.nanoTime();
      System.out.printf(
          "outage: noticed after %d ms, API server back after %d ms more, operation resumed %d ms"
              + " after that; message: %s%n",
          (noticedAt - killedAt) / 1_000_000,
          (backAt - noticedAt) / 1_000_000,
          (resumedAt - backAt) / 1_000_000,
          resumed.message());
      acknowledgeGate();
      awaitConverged(v2.name());
      assertThat(client.configMaps().inNamespace(APPS).withName("old").get()).isNull();
      assertThat(client.configMaps().inNamespace(APPS).withName("bystander").get()).isNotNull();
      Map<String, String> after = uids();
      uids.remove("old");
      assertThat(after).containsAllEntriesOf(uids);
      assertThat(client.configMaps().inNamespace(APPS).list().getItems())
          .filteredOn(m -> m.getMetadata().getName().startsWith("map-"))
          .hasSize(MAPS)
          .allSatisfy(m -> assertThat(m.getData()).containsEntry("value", "v2"));
      List<Event> events = client.v1().events().inNamespace(NS).list().getItems();
      // The Event of the resume says why (Events cannot be written while the server is down).
      assertThat(events)
          .filteredOn(e -> "OperationResumed".equals(e.getReason()))
          .isNotEmpty()
          .allSatisfy(
              e ->
                  assertThat(e.getMessage())
                      .contains("the API server did not answer")
                      .doesNotContain("\tat "));

      // The watches came back: a managed object deleted by hand is re-created (self-heal).
      client.configMaps().inNamespace(APPS).withName("map-0").delete();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                ConfigMap m = client.configMaps().inNamespace(APPS).withName("map-0").get();
                return m != null && !m.getMetadata().getUid().equals(after.get("map-0"));
              });

      // A longer outage, during the v3 sync: the controller loses its Lease (renew deadline 10 s),
      // stands for election again, takes the Lease once the API server is back, and resumes.
      Map<String, String> beforeV3 = uids();
      ObjectId v3 = commit(repo.commit().message("v3"), 3, "v3").create();
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(100))
          .ignoreExceptions()
          .until(
              () -> {
                OperationState s =
                    ArgoFixture.status(client, NS, "web").orElseThrow().operationState();
                return OperationState.RUNNING.equals(s.phase())
                    && s.syncResult().revision().equals(v3.name())
                    && s.message().contains("waiting for it to become healthy");
              });
      Lease held = lease(client);
      cp.stopApiServer();
      await().atMost(Duration.ofSeconds(90)).until(() -> !controller.isLeading());
      cp.startApiServer();
      await().atMost(Duration.ofSeconds(90)).until(controller::isLeading);
      // Taken again exactly once, by the controller's new candidacy: no give-up-and-retake churn
      // (a second term used to fail to start and loop through the Lease thousands of times).
      Lease retaken = lease(client);
      assertThat(retaken.getSpec().getHolderIdentity())
          .isNotEmpty()
          .isNotEqualTo(held.getSpec().getHolderIdentity());
      assertThat(retaken.getSpec().getLeaseTransitions())
          .isEqualTo(held.getSpec().getLeaseTransitions() + 1);
      OperationState again = awaitRunning(seen, "resumed after an interruption");
      assertThat(again.syncResult().revision()).isEqualTo(v3.name());
      assertThat(client.configMaps().inNamespace(APPS).withName("bystander").get()).isNotNull();
      acknowledgeGate();
      awaitConverged(v3.name());
      // Neither pruned nor re-created through the second outage.
      assertThat(uids()).isEqualTo(beforeV3);
      assertThat(client.configMaps().inNamespace(APPS).list().getItems())
          .filteredOn(m -> m.getMetadata().getName().startsWith("map-"))
          .hasSize(MAPS)
          .allSatisfy(m -> assertThat(m.getData()).containsEntry("value", "v3"));
    } finally {
      controllerClient.close();
    }
  }

  /**
   * A controller that takes the Lease while it cannot start reconciling yet (here: the Application
   * CRD is not installed, so its informer cannot list) keeps the Lease, says it is not leading, and
   * starts by itself once it can — in the same term. It used to hold and renew the Lease forever
   * without ever reconciling (fabric8 swallowed the failed start and never called back again).
   */
  @Test
  void aLeaderThatCannotStartYetStartsOnceItCanWithoutLeavingItsLease() throws Exception {
    try (StandaloneControlPlane bare = StandaloneControlPlane.start();
        KubernetesClient admin = bare.newClient();
        KubernetesClient controllerClient =
            new KubernetesClientBuilder()
                .withConfig(
                    new ConfigBuilder(admin.getConfiguration())
                        .withRequestRetryBackoffLimit(1)
                        .withRequestRetryBackoffInterval(200)
                        .build())
                .build()) {
      for (String ns : List.of(NS, APPS)) {
        admin
            .namespaces()
            .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
            .create();
      }
      Path cache = Files.createTempDirectory("capstan-argo-it");
      try (ArgoController controller =
          ArgoController.start(
              controllerClient,
              ControllerSettings.defaults(NS, cache)
                  .withReconciliation(Duration.ofSeconds(2), Duration.ZERO)
                  .withWorkers(2)
                  .withMetricsPort(0))) {
        await()
            .atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .until(() -> !lease(admin).getSpec().getHolderIdentity().isEmpty());
        Lease taken = lease(admin);
        // Holding the Lease is not reconciling: no informer of Applications could start.
        await()
            .during(Duration.ofSeconds(5))
            .atMost(Duration.ofSeconds(10))
            .until(() -> !controller.isLeading());

        ArgoFixture.installCrds(admin);
        await()
            .atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .until(
                () -> {
                  ArgoFixture.createDefaultProject(admin, NS);
                  return true;
                });
        await().atMost(Duration.ofSeconds(60)).until(controller::isLeading);
        Lease now = lease(admin);
        assertThat(now.getSpec().getHolderIdentity())
            .isEqualTo(taken.getSpec().getHolderIdentity());
        assertThat(now.getSpec().getLeaseTransitions())
            .isEqualTo(taken.getSpec().getLeaseTransitions());

        // And it reconciles.
        FixtureRepository repo = git.createRepository("late-start");
        repo.commit().message("v1").add("app/one.yaml", configMap("one", "v1")).create();
        ArgoFixture.create(
            admin,
            NS,
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: late
            spec:
              project: default
              source: {repoURL: "%s", targetRevision: main, path: app}
              destination: {server: "https://kubernetes.default.svc", namespace: %s}
              syncPolicy:
                automated: {prune: true}
            """
                .formatted(http.url(repo), APPS));
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(250))
            .ignoreExceptions()
            .untilAsserted(
                () -> {
                  ApplicationStatus s = ArgoFixture.status(admin, NS, "late").orElseThrow();
                  assertThat(s.sync().status()).isEqualTo("Synced");
                  assertThat(s.operationState().phase()).isEqualTo(OperationState.SUCCEEDED);
                });
        assertThat(admin.configMaps().inNamespace(APPS).withName("one").get().getData())
            .containsEntry("value", "v1");
      }
    }
  }

  private static Lease lease(KubernetesClient on) {
    return on.leases().inNamespace(NS).withName(ArgoController.LEASE).get();
  }

  /** Polls the status until an operation state is Running with {@code text} in its message. */
  private static OperationState awaitRunning(List<OperationState> seen, String text) {
    List<OperationState> found = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(
            () -> {
              OperationState s =
                  ArgoFixture.status(client, NS, "web").orElseThrow().operationState();
              if (s != null) {
                seen.add(s);
              }
              if (s != null
                  && OperationState.RUNNING.equals(s.phase())
                  && s.message().contains(text)) {
                found.add(s);
                return true;
              }
              return false;
            });
    return found.getFirst();
  }

  private static void awaitConverged(String revision) {
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              ApplicationStatus s = ArgoFixture.status(client, NS, "web").orElseThrow();
              assertThat(s.sync().status()).isEqualTo("Synced");
              assertThat(s.health().status()).isEqualTo("Healthy");
              assertThat(s.operationState().phase()).isEqualTo(OperationState.SUCCEEDED);
              if (revision != null) {
                assertThat(s.sync().revision()).isEqualTo(revision);
                assertThat(s.operationState().syncResult().revision()).isEqualTo(revision);
              }
            });
  }

  /** Marks the gate's current generation observed: its health turns Healthy. */
  private static void acknowledgeGate() {
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(
            () -> {
              GenericKubernetesResource gate =
                  client.genericKubernetesResources(GATES).inNamespace(APPS).withName("gate").get();
              gate.setAdditionalProperty(
                  "status", Map.of("observedGeneration", gate.getMetadata().getGeneration()));
              client
                  .genericKubernetesResources(GATES)
                  .inNamespace(APPS)
                  .resource(gate)
                  .updateStatus();
              return true;
            });
  }

  private static double reconciles(ArgoController controller) {
    Timer timer = controller.registry().find("argocd_app_reconcile").timer();
    return timer == null ? 0 : timer.count();
  }

  private static Map<String, String> uids() {
    return client.configMaps().inNamespace(APPS).list().getItems().stream()
        .filter(m -> !m.getMetadata().getName().equals("kube-root-ca.crt"))
        .filter(m -> !m.getMetadata().getName().equals("bystander"))
        .collect(
            Collectors.toMap(
                m -> m.getMetadata().getName(),
                m -> m.getMetadata().getUid(),
                (a, b) -> a,
                java.util.HashMap::new));
  }

  private static CommitBuilder commit(CommitBuilder commit, int gateVersion, String value) {
    commit.add(
        "app/gate.yaml",
        """
        apiVersion: capstan.test/v1
        kind: Gate
        metadata:
          name: gate
          annotations: {argocd.argoproj.io/sync-wave: "-1"}
        spec: {version: %d}
        """
            .formatted(gateVersion));
    for (int i = 0; i < MAPS; i++) {
      commit.add("app/map-" + i + ".yaml", configMap("map-" + i, value));
    }
    return commit;
  }

  private static String configMap(String name, String value) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: %s}
        data: {value: %s}
        """
        .formatted(name, value);
  }
}
