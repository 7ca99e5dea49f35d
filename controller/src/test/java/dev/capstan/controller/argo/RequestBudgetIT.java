package dev.capstan.controller.argo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capstan.controller.api.argo.ApplicationStatus;
import dev.capstan.testsupport.cluster.RecordingClient;
import dev.capstan.testsupport.cluster.RecordingClient.Sent;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import dev.capstan.testsupport.git.GitHttpServer;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a reconcile costs the API server, counted at the controller's own HTTP client: an
 * Application, its AppProject, the repository Secrets and the known hosts come from watches (no GET
 * or list per reconcile); the status after a sync comes from the sync's result (no second
 * comparison, health not Missing); a reconcile caused by the echo of the controller's own apply
 * writes no status when nothing changed.
 */
@WithControlPlane
class RequestBudgetIT {

  private static GitFixture git;
  private static GitHttpServer http;

  private final KubernetesClient client;
  private final String ns;

  RequestBudgetIT(KubernetesClient client, TestNamespace namespace) {
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

  @AfterAll
  static void stop() {
    if (git != null) {
      git.close();
    }
  }

  private static int indexOfNth(List<Sent> sent, java.util.function.Predicate<Sent> p, int nth) {
    int seen = 0;
    for (int i = 0; i < sent.size(); i++) {
      if (p.test(sent.get(i)) && ++seen == nth) {
        return i;
      }
    }
    throw new AssertionError("fewer than " + nth + " such requests: " + sent);
  }

  @Test
  void aReconcileReadsNothingTheWatchesHoldAndAnEchoWritesNoStatus() throws Exception {
    FixtureRepository repo = git.createRepository("budget");
    repo.commit()
        .add(
            "app/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: one}\ndata: {k: v}\n")
        .create();
    // A repository Secret the fetch resolves (anonymous access would work too).
    client
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("budget-repo")
                .addToLabels("argocd.argoproj.io/secret-type", "repository")
                .endMetadata()
                .addToStringData("url", http.url(repo))
                .build())
        .create();

    try (RecordingClient recording = new RecordingClient(client)) {
      KubernetesClient counted = recording.client();
      List<Sent> sent = recording.sent();
      ArgoController controller =
          ArgoController.start(
              counted,
              ControllerSettings.defaults(ns, Files.createTempDirectory("capstan-budget"))
                  .withReconciliation(Duration.ofMinutes(10), Duration.ZERO)
                  .withWorkers(2)
                  .withMetricsPort(-1)
                  .withLeaderElection(false));
      try {
        await().atMost(Duration.ofSeconds(30)).until(controller::isLeading);
        sent.clear(); // the watches' initial lists are not a reconcile's cost
        ArgoFixture.create(
            client,
            ns,
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: budget
            spec:
              project: default
              source: {repoURL: "%s", targetRevision: main, path: app}
              destination: {server: "https://kubernetes.default.svc", namespace: %s}
              syncPolicy:
                automated: {prune: true}
            """
                .formatted(http.url(repo), ns));
        await()
            .atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .until(
                () -> {
                  ApplicationStatus s = ArgoFixture.status(client, ns, "budget").orElseThrow();
                  return "Synced".equals(s.sync().status())
                      && "Healthy".equals(s.health().status());
                });
        // The apply's echo reaches the controller through its ConfigMap watch and is reconciled:
        // wait until that reconcile has compared (a dry-run apply after the real apply).
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    sent.stream()
                            .filter(r -> r.path().endsWith("/configmaps/one"))
                            .filter(r -> r.method().equals("PATCH"))
                            .count()
                        >= 3);
        // ... and has finished (the reconcile timer counts it).
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    controller.registry().find("argocd_app_reconcile").timer() != null
                        && controller.registry().find("argocd_app_reconcile").timer().count() >= 2);

        String apps = "/apis/argoproj.io/v1alpha1/namespaces/" + ns + "/applications/budget";
        assertThat(sent)
            .as("no Application GET: the informer holds it")
            .noneMatch(
                r -> r.method().equals("GET") && r.path().equals(apps) && !r.isWatchOrList());
        assertThat(sent)
            .as("no AppProject, Secret or known-hosts read")
            .noneMatch(r -> r.method().equals("GET") && r.path().contains("/appprojects"))
            .noneMatch(r -> r.method().equals("GET") && r.path().endsWith("/secrets"))
            .noneMatch(
                r ->
                    r.method().equals("GET")
                        && r.path().contains("ssh-known-hosts")
                        && !r.isWatchOrList());
        List<Sent> statusWrites =
            sent.stream()
                .filter(r -> r.method().equals("PATCH") && r.path().equals(apps + "/status"))
                .toList();
        assertThat(statusWrites)
            .as(
                "status writes: the result of the sync (and its Running state only when the sync"
                    + " took longer than %s)",
                OperationRunner.RUNNING_WRITE_DELAY)
            .hasSizeBetween(1, 2);
        int echoDryRun =
            indexOfNth(
                sent, r -> r.method().equals("PATCH") && r.path().endsWith("/configmaps/one"), 3);
        assertThat(sent.subList(echoDryRun, sent.size()))
            .as("the echo's reconcile compares (a dry run) and writes no status")
            .noneMatch(r -> r.method().equals("PATCH") && r.path().equals(apps + "/status"));
        assertThat(
                sent.stream()
                    .filter(r -> r.method().equals("GET") && r.path().endsWith("/configmaps/one"))
                    .count())
            .as("ConfigMap reads: the first comparison (before its kind is watched) and the sync")
            .isLessThanOrEqualTo(2);
      } finally {
        controller.close();
      }
    }
  }

  @Test
  void aRolloutBecomingAvailableIsSeenHealthyWithoutWaitingForThePoll() throws Exception {
    FixtureRepository repo = git.createRepository("rollout");
    // minReadySeconds: available 5 s after its Pod is ready, long after the apply's echo was
    // reconciled; the poll is 10 minutes away, so only the status change can make it Healthy.
    repo.commit()
        .add(
            "app/deploy.yaml",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: rollout}
            spec:
              replicas: 1
              minReadySeconds: 5
              selector: {matchLabels: {app: rollout}}
              template:
                metadata: {labels: {app: rollout}}
                spec:
                  terminationGracePeriodSeconds: 1
                  containers: [{name: web, image: registry.invalid/web:1}]
            """)
        .create();
    ArgoController controller =
        ArgoController.start(
            client,
            ControllerSettings.defaults(ns, Files.createTempDirectory("capstan-rollout"))
                .withReconciliation(Duration.ofMinutes(10), Duration.ZERO)
                .withWorkers(2)
                .withMetricsPort(-1)
                .withLeaderElection(false));
    try {
      ArgoFixture.create(
          client,
          ns,
          """
          apiVersion: argoproj.io/v1alpha1
          kind: Application
          metadata:
            name: rollout
          spec:
            project: default
            source: {repoURL: "%s", targetRevision: main, path: app}
            destination: {server: "https://kubernetes.default.svc", namespace: %s}
            syncPolicy:
              automated: {}
          """
              .formatted(http.url(repo), ns));
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(
              () ->
                  "Progressing"
                      .equals(
                          ArgoFixture.status(client, ns, "rollout")
                              .orElseThrow()
                              .health()
                              .status()));
      String reconciledAt = ArgoFixture.status(client, ns, "rollout").orElseThrow().reconciledAt();

      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(
              () ->
                  "Healthy"
                      .equals(
                          ArgoFixture.status(client, ns, "rollout")
                              .orElseThrow()
                              .health()
                              .status()));
      ApplicationStatus healthy = ArgoFixture.status(client, ns, "rollout").orElseThrow();
      assertThat(healthy.sync().status()).isEqualTo("Synced");
      assertThat(healthy.resources())
          .singleElement()
          .satisfies(r -> assertThat(r.health().status()).isEqualTo("Healthy"));
      assertThat(Instant.parse(healthy.health().lastTransitionTime()))
          .as("Healthy only after minReadySeconds, so not from the sync's own reconcile")
          .isAfterOrEqualTo(Instant.parse(reconciledAt).plusSeconds(4));
    } finally {
      controller.close();
    }
  }
}
