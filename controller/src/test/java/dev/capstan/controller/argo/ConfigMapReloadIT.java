package dev.capstan.controller.argo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capstan.controller.api.argo.ApplicationStatus;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import dev.capstan.testsupport.git.GitHttpServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code capstan-cm} changed while the controller runs: a health script, a system-wide ignore rule
 * and the Git poll interval take effect without a restart. The controller polls Git every 600 s, so
 * only the changed poll interval can explain a commit being picked up within seconds.
 */
@WithControlPlane
class ConfigMapReloadIT {

  private static GitFixture git;
  private static GitHttpServer http;

  private final KubernetesClient client;
  private final String ns;

  ConfigMapReloadIT(KubernetesClient client, TestNamespace namespace) {
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

  @Test
  void healthScriptsIgnoreRulesAndPollIntervalApplyWithoutARestart() throws Exception {
    FixtureRepository repo = git.createRepository("reload");
    repo.commit().add("app/settings.yaml", settings("one")).create();
    ArgoFixture.create(
        client,
        ns,
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: reload
        spec:
          project: default
          source: {repoURL: "%s", targetRevision: main, path: app}
          destination: {server: "https://kubernetes.default.svc", namespace: %s}
          syncPolicy:
            automated: {prune: true, selfHeal: true}
        """
            .formatted(http.url(repo), ns));
    try (ArgoController controller =
        ArgoController.start(
            client,
            ControllerSettings.defaults(ns, Files.createTempDirectory("capstan-reload"))
                .withReconciliation(Duration.ofSeconds(600), Duration.ZERO)
                .withWorkers(2)
                .withMetricsPort(-1))) {
      await().atMost(Duration.ofSeconds(60)).until(controller::isLeading);
      awaitStatus("Synced", "Healthy");

      // Without a rule, a field Git sets and someone changed by hand is taken back (self-heal).
      editFree("by-hand-1");
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> "from-git".equals(live().getData().get("free")));

      // A health script and an ignore rule appear in capstan-cm.
      client
          .configMaps()
          .inNamespace(ns)
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName(ArgoController.CONFIG_MAP)
                  .endMetadata()
                  .addToData(
                      "resource.customizations.health.ConfigMap",
                      """
                      hs = {}
                      if obj.data ~= nil and obj.data.state == "broken" then
                        hs.status = "Degraded"
                        hs.message = "state is broken"
                      else
                        hs.status = "Healthy"
                        hs.message = "state is fine"
                      end
                      return hs
                      """)
                  .addToData(
                      "resource.customizations.ignoreDifferences._ConfigMap",
                      "jsonPointers:\n- /data/free\n")
                  .build())
          .create();
      awaitStatus("Synced", "Degraded");
      ApplicationStatus degraded = ArgoFixture.status(client, ns, "reload").orElseThrow();
      assertThat(degraded.resources())
          .singleElement()
          .satisfies(r -> assertThat(r.health().message()).isEqualTo("state is broken"));

      // The ignore rule holds now: the hand edit stays, and the Application stays Synced.
      editFree("by-hand-2");
      await()
          .during(Duration.ofSeconds(5))
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () ->
                  "by-hand-2".equals(live().getData().get("free"))
                      && "Synced"
                          .equals(
                              ArgoFixture.status(client, ns, "reload")
                                  .orElseThrow()
                                  .sync()
                                  .status()));

      // The poll interval drops from 600 s to 1 s: the next commit is picked up within seconds.
      client
          .configMaps()
          .inNamespace(ns)
          .withName(ArgoController.CONFIG_MAP)
          .edit(
              cm -> {
                cm.getData().put("timeout.reconciliation", "1s");
                cm.getData().put("timeout.reconciliation.jitter", "0s");
                return cm;
              });
      repo.commit().add("app/settings.yaml", settings("two")).create();
      await()
          .atMost(Duration.ofSeconds(45))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> "two".equals(live().getData().get("value")));
      awaitStatus("Synced", "Degraded");
    }
  }

  private void awaitStatus(String sync, String health) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              ApplicationStatus s = ArgoFixture.status(client, ns, "reload").orElseThrow();
              assertThat(s.sync().status()).isEqualTo(sync);
              assertThat(s.health().status()).isEqualTo(health);
            });
  }

  private ConfigMap live() {
    return client.configMaps().inNamespace(ns).withName("settings").get();
  }

  private void editFree(String value) {
    client
        .configMaps()
        .inNamespace(ns)
        .withName("settings")
        .edit(
            cm -> {
              cm.getData().put("free", value);
              return cm;
            });
  }

  private static String settings(String value) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings}
        data: {state: broken, free: from-git, value: %s}
        """
        .formatted(value);
  }
}
