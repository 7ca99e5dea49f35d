package dev.capstan.controller.flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capstan.controller.api.Condition;
import dev.capstan.controller.api.flux.GitRepository;
import dev.capstan.controller.api.flux.Kustomization;
import dev.capstan.controller.api.flux.KustomizationStatus;
import dev.capstan.testsupport.cluster.RecordingClient;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import dev.capstan.testsupport.git.GitHttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@WithControlPlane
/**
 * What ten Kustomizations of Flux's benchmark unit (ConfigMap, ServiceAccount, Service, Deployment,
 * {@code wait: true}) cost the API server, counted at the controller's HTTP client: the
 * Kustomizations, their GitRepository and the dependencies four of them wait for come from the
 * informers (no GET per Kustomization or dependency check), a controller watching one namespace
 * leaves other namespaces' Kustomizations alone, objects are read from the watch cache once it
 * watches their kinds (only the first few Kustomizations, applied before that, read them from the
 * API server), and the whole first reconcile stays within 15 requests per Kustomization (measured:
 * 12.4 — an apply per object, the finalizer patch, one status write, two Events, discovery, the
 * reads and dry runs of the first few, and the dependents' DependencyNotReady status and Event
 * while u0 is not Ready yet).
 */
class FluxRequestBudgetIT {
  private final KubernetesClient client;
  private final String ns;

  FluxRequestBudgetIT(KubernetesClient client, TestNamespace namespace) {
    this.client = client;
    this.ns = namespace.name();
  }

  @Test
  void kustomizationsAndTheirSourceAreReadFromTheInformers() throws Exception {
    FluxFixture.installCrds(client);
    try (GitFixture git = GitFixture.create()) {
      GitHttpServer http = git.startHttp();
      FixtureRepository repo = git.createRepository("count");
      var c = repo.commit();
      for (int i = 0; i < 10; i++) {
        c.add("units/u" + i + "/all.yaml", unit(i));
      }
      c.create();
      try (RecordingClient recording = new RecordingClient(client)) {
        KubernetesClient counted = recording.client();
        FluxController controller =
            FluxController.start(
                counted,
                FluxSettings.defaults(Files.createTempDirectory("count")).withNamespace(ns));
        try {
          FluxFixture flux = new FluxFixture(client, ns);
          flux.createSource("bench", http.url(repo), "10m", "");
          FluxFixture.eventually()
              .untilAsserted(() -> assertThat(flux.sourceStatus("bench").artifact()).isNotNull());
          recording.sent().clear();
          for (int i = 0; i < 10; i++) {
            // four of them depend on u0, on the same source: the dependency and the source's
            // revision are read from the informers too
            flux.createKustomization(
                "u" + i,
                "bench",
                "./units/u" + i,
                "  wait: true\n  timeout: 5m\n"
                    + (i >= 1 && i <= 4 ? "  dependsOn: [{name: u0}]\n" : ""));
          }
          for (int i = 0; i < 10; i++) {
            flux.awaitReady("u" + i);
          }
          List<String> sent = requests(recording);
          System.out.printf(
              "FluxRequestBudgetIT: %d requests for ten Kustomizations, %d of them discovery%n",
              sent.size(), sent.stream().filter(r -> r.matches("GET /apis?(/[^/]+){0,2}")).count());
          assertThat(sent)
              .as("no Kustomization read, not even of a dependency: the informer holds them")
              .noneMatch(
                  r -> r.startsWith("GET /apis/kustomize.toolkit.fluxcd.io/v1/kustomizations/"));
          assertThat(
                  sent.stream()
                      .filter(
                          r ->
                              r.startsWith(
                                  "GET /apis/source.toolkit.fluxcd.io/v1/gitrepositories/"))
                      .count())
              .as(
                  "GitRepository reads: its own reconciles only, none per Kustomization or"
                      + " dependency check")
              .isLessThanOrEqualTo(2);
          assertThat(sent.stream().filter(r -> r.startsWith("GET ") && r.endsWith("/NAME")))
              .as("object reads for 40 objects: the cache answers once it watches their kinds")
              .hasSizeLessThanOrEqualTo(20);
          assertThat(sent.stream().filter(r -> r.matches("GET /apis?(/[^/]+){0,2}")))
              .as("discovery: one request per group/version, however many reconciles ask at once")
              .hasSizeLessThanOrEqualTo(5);
          assertThat(sent.size())
              .as("requests for ten Kustomizations: %s", sent)
              .isLessThanOrEqualTo(150);
          // An object another controller manages, in another namespace, changes: this controller
          // (watching one namespace) neither reads nor reconciles that Kustomization.
          var foreign =
              new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                  .withNewMetadata()
                  .withName(ns + "-foreign")
                  .withNamespace("default")
                  .addToLabels("kustomize.toolkit.fluxcd.io/name", "elsewhere")
                  .addToLabels("kustomize.toolkit.fluxcd.io/namespace", "default")
                  .endMetadata()
                  .addToData("k", "v")
                  .build();
          int before = requests(recording).size();
          client.configMaps().inNamespace("default").resource(foreign).create();
          try {
            await()
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(
                    () ->
                        requests(recording).stream()
                            .skip(before)
                            .noneMatch(r -> r.contains("kustomizations/elsewhere")));
          } finally {
            client.configMaps().inNamespace("default").resource(foreign).delete();
          }
        } finally {
          controller.close();
        }
      }
    }
  }

  /**
   * A Kustomization created before its GitRepository has fetched anything is reconciled but left as
   * it is (no finalizer patch, no status write) until the artifact arrives, and then applied; one
   * whose source's first fetch fails reports that at once, long before its quiet wait of 30 s ends.
   */
  @Test
  void aNewKustomizationWaitsForItsSourcesFirstArtifactWithoutAWrite() throws Exception {
    FluxFixture.installCrds(client);
    try (GitFixture git = GitFixture.create()) {
      GitHttpServer http = git.startHttp();
      FixtureRepository repo = git.createRepository("quiet");
      repo.commit().add("cm.yaml", unit(0).split("---")[0]).create();
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      try (RecordingClient recording = new RecordingClient(client);
          FluxController controller =
              FluxController.start(
                  recording.client(),
                  FluxSettings.defaults(Files.createTempDirectory("quiet")).withNamespace(ns),
                  registry)) {
        FluxFixture flux = new FluxFixture(client, ns);
        flux.createSource("quiet", http.url(repo), "10m", "  suspend: true\n");
        flux.createKustomization("quiet", "quiet", "./", "");
        FluxFixture.eventually().until(() -> reconciles(registry, "quiet") > 0);
        await()
            .during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(5))
            .until(
                () ->
                    requests(recording).stream()
                        .noneMatch(r -> r.contains("/kustomizations/quiet")));
        Kustomization waiting = kustomization("quiet");
        assertThat(waiting.getMetadata().getFinalizers()).isEmpty();
        assertThat(
                java.util.Optional.ofNullable(waiting.getStatus())
                    .map(KustomizationStatus::conditions)
                    .orElse(List.of()))
            .isEmpty();

        client
            .resources(GitRepository.class)
            .inNamespace(ns)
            .withName("quiet")
            .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"suspend\":false}}");
        flux.awaitReady("quiet");
        assertThat(client.configMaps().inNamespace(ns).withName("u0").get()).isNotNull();
        assertThat(kustomization("quiet").getMetadata().getFinalizers()).isNotEmpty();

        flux.createSource(
            "broken",
            http.url(repo),
            "10m",
            "  suspend: true\n  secretRef: {name: no-such-secret}\n");
        flux.createKustomization("broken", "broken", "./", "");
        FluxFixture.eventually().until(() -> reconciles(registry, "broken") > 0);
        client
            .resources(GitRepository.class)
            .inNamespace(ns)
            .withName("broken")
            .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"suspend\":false}}");
        await()
            .atMost(Duration.ofSeconds(15))
            .untilAsserted(
                () ->
                    assertThat(
                            flux.kustomizationStatus("broken")
                                .condition("Ready")
                                .map(Condition::message))
                        .hasValueSatisfying(
                            m -> assertThat(m).contains("Source artifact not found")));
      }
    }
  }

  private Kustomization kustomization(String name) {
    return client.resources(Kustomization.class).inNamespace(ns).withName(name).get();
  }

  private static long reconciles(SimpleMeterRegistry registry, String name) {
    return registry
        .find("gotk.reconcile.duration")
        .tags("kind", "Kustomization", "name", name)
        .timers()
        .stream()
        .mapToLong(t -> t.count())
        .sum();
  }

  /**
   * The requests sent so far, watches left out, each as {@code METHOD path}: namespaces dropped and
   * the units' object names replaced by {@code NAME}, with {@code dryRun} marked.
   */
  private static List<String> requests(RecordingClient recording) {
    return recording.sent().stream()
        .filter(r -> !r.isWatch())
        .map(
            r ->
                r.method()
                    + " "
                    + r.path()
                        .replaceAll("/namespaces/[^/]+", "")
                        .replaceAll("/u\\d+(-\\w+)?$", "/NAME")
                    + (r.query().contains("dryRun") ? " dryRun" : ""))
        .toList();
  }

  private static String unit(int i) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: u%1$d}
        data: {k: v}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: u%1$d}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: u%1$d}
        spec: {selector: {app: u%1$d}, ports: [{port: 80}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: u%1$d}
        spec:
          replicas: 1
          selector: {matchLabels: {app: u%1$d}}
          template:
            metadata: {labels: {app: u%1$d}}
            spec:
              terminationGracePeriodSeconds: 1
              containers: [{name: web, image: registry.invalid/web:1}]
        """
        .formatted(i);
  }
}
