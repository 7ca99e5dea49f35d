package dev.capstan.controller.argo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capstan.controller.api.argo.ApplicationStatus;
import dev.capstan.controller.api.argo.OperationState;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import dev.capstan.testsupport.git.GitHttpServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code syncPolicy.retry}: a sync that fails (an object in a namespace that does not exist yet) is
 * retried with growing backoff, {@code operationState.retryCount} counts the attempts, nothing is
 * pruned while it fails, and once the test creates the namespace the next retry succeeds.
 */
@WithControlPlane
class SyncRetryIT {

  private static GitFixture git;
  private static GitHttpServer http;

  private final KubernetesClient client;
  private final String ns;
  private final String missing;
  private ArgoController controller;

  SyncRetryIT(KubernetesClient client, TestNamespace namespace) {
    this.client = client;
    this.ns = namespace.name();
    this.missing = namespace.name() + "-later";
  }

  @BeforeAll
  static void start(KubernetesClient client, TestNamespace namespace) throws Exception {
    ArgoFixture.installCrds(client);
    ArgoFixture.createDefaultProject(client, namespace.name());
    git = GitFixture.create();
    http = git.startHttp();
  }

  @AfterEach
  void stopController() {
    if (controller != null) {
      controller.close();
    }
    client.namespaces().withName(missing).delete();
  }

  @AfterAll
  static void stop() {
    if (git != null) {
      git.close();
    }
  }

  @Test
  void failedSyncIsRetriedWithBackoffUntilItSucceeds() throws Exception {
    FixtureRepository repo = git.createRepository("retry");
    repo.commit()
        .add(
            "app/here.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: here}\ndata: {k: v}\n")
        .add(
            "app/later.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: later, namespace: %s}\ndata: {k: v}\n"
                .formatted(missing))
        .create();
    ArgoFixture.create(
        client,
        ns,
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: retry
        spec:
          project: default
          source: {repoURL: "%s", targetRevision: main, path: app}
          destination: {server: "https://kubernetes.default.svc", namespace: %s}
          syncPolicy:
            automated: {prune: true}
            retry:
              limit: 10
              backoff: {duration: 2s, factor: 2, maxDuration: 8s}
        """
            .formatted(http.url(repo), ns));
    controller = ArgoFixture.startController(client, ns);

    // Failed attempts, by retryCount, with the time each finished.
    Map<Long, OperationState> failures = new ConcurrentSkipListMap<>();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(
            () -> {
              OperationState s =
                  ArgoFixture.status(client, ns, "retry").orElseThrow().operationState();
              if (OperationState.FAILED.equals(s.phase())) {
                failures.putIfAbsent(s.retryCount(), s);
              }
              return failures.containsKey(2L);
            });
    OperationState first = failures.get(0L);
    assertThat(first.message())
        .contains("ConfigMap/" + missing + "/later")
        .contains("not found")
        .doesNotContain("\tat ");
    // Backoff: 2 s after the first failure, 4 s after the second (finishedAt has whole seconds).
    assertThat(gap(failures.get(0L), failures.get(1L)))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(gap(failures.get(1L), failures.get(2L)))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    // The object that could be applied was, once; nothing was pruned.
    String uid = client.configMaps().inNamespace(ns).withName("here").get().getMetadata().getUid();

    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(missing).endMetadata().build())
        .create();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              ApplicationStatus s = ArgoFixture.status(client, ns, "retry").orElseThrow();
              assertThat(s.operationState().phase()).isEqualTo(OperationState.SUCCEEDED);
              assertThat(s.sync().status()).isEqualTo("Synced");
            });
    ApplicationStatus done = ArgoFixture.status(client, ns, "retry").orElseThrow();
    assertThat(done.operationState().retryCount()).isGreaterThanOrEqualTo(3);
    assertThat(done.history()).hasSize(1);
    assertThat(done.conditions()).isEmpty();
    assertThat(client.configMaps().inNamespace(missing).withName("later").get()).isNotNull();
    assertThat(client.configMaps().inNamespace(ns).withName("here").get().getMetadata().getUid())
        .isEqualTo(uid);
    System.out.printf(
        "retry: failures at %s, succeeded with retryCount %d%n",
        new TreeMap<>(failures).values().stream().map(OperationState::finishedAt).toList(),
        done.operationState().retryCount());
  }

  private static Duration gap(OperationState a, OperationState b) {
    return Duration.between(Instant.parse(a.finishedAt()), Instant.parse(b.finishedAt()));
  }
}
