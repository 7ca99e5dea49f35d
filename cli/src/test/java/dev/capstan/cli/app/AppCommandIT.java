package dev.capstan.cli.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capstan.cli.CapstanCommand;
import dev.capstan.controller.api.CrdInstaller;
import dev.capstan.controller.api.argo.AppProject;
import dev.capstan.controller.api.argo.AppProjectSpec;
import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.argo.ArgoController;
import dev.capstan.controller.argo.ControllerSettings;
import dev.capstan.testsupport.cluster.ControlPlane;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import dev.capstan.testsupport.git.GitHttpServer;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code capstan app ...} in-process against a real control plane and a controller for the test
 * namespace: list, diff (exit codes), manifests, sync, refresh, history, rollback, wait, JSON
 * output, delete with cascade, and the error for a missing Application.
 */
@WithControlPlane
class AppCommandIT {

  private static GitFixture git;
  private static ArgoController controller;

  record Run(int code, String out, String err) {}

  @BeforeAll
  static void start(KubernetesClient client, TestNamespace ns) throws Exception {
    new CrdInstaller(client).installCapstanCrds();
    AppProject project = new AppProject();
    project.setMetadata(
        new ObjectMetaBuilder().withName("default").withNamespace(ns.name()).build());
    project.setSpec(AppProjectSpec.permissive("default"));
    client.resource(project).serverSideApply();
    git = GitFixture.create();
    controller =
        ArgoController.start(
            client,
            ControllerSettings.defaults(ns.name(), Files.createTempDirectory("capstan-cli-it"))
                .withReconciliation(Duration.ofSeconds(30), Duration.ZERO)
                .withLeaderElection(false)
                .withMetricsPort(-1));
    await().atMost(Duration.ofSeconds(30)).until(controller::isLeading);
  }

  @AfterAll
  static void stop() {
    if (controller != null) {
      controller.close();
    }
    if (git != null) {
      git.close();
    }
  }

  private static Run capstan(ControlPlane plane, TestNamespace ns, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--kubeconfig", plane.kubeconfig().toString(), "-N", ns.name()));
    int code =
        CapstanCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  private static String cm(String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cli-cm\ndata:\n  key: "
        + value
        + "\n";
  }

  private static String value(KubernetesClient client, TestNamespace ns) {
    var c = client.configMaps().inNamespace(ns.name()).withName("cli-cm").get();
    return c == null ? "<none>" : c.getData().get("key");
  }

  @Test
  void theApplicationLifecycleThroughTheCli(KubernetesClient client, TestNamespace ns) {
    ControlPlane plane = ControlPlane.shared();
    FixtureRepository repo = git.createRepository("cli");
    repo.commit().add("app/cm.yaml", cm("v1")).create();
    GitHttpServer http = git.startHttp();
    Application app =
        client
            .getKubernetesSerialization()
            .unmarshal(
                """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: cli-app
        spec:
          project: default
          source: {repoURL: %s, targetRevision: main, path: app}
          destination: {server: https://kubernetes.default.svc, namespace: %s}
        """
                    .formatted(http.url(repo), ns.name()),
                Application.class);
    app.getMetadata().setNamespace(ns.name());
    client.resource(app).create();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              Application a =
                  client
                      .resources(Application.class)
                      .inNamespace(ns.name())
                      .withName("cli-app")
                      .get();
              return a.getStatus() != null
                  && a.getStatus().sync() != null
                  && a.getStatus().sync().status().equals("OutOfSync");
            });

    Run list = capstan(plane, ns, "app", "list");
    assertThat(list.code()).isZero();
    assertThat(list.out())
        .startsWith("NAME")
        .contains(ns.name() + "/cli-app")
        .contains("OutOfSync")
        .contains("Manual");

    Run diff = capstan(plane, ns, "app", "diff", "cli-app");
    assertThat(diff.code()).as(diff.err()).isEqualTo(1);
    assertThat(diff.out())
        .contains("/ConfigMap " + ns.name() + "/cli-cm (Missing)")
        .contains("+  key: v1");

    Run manifests = capstan(plane, ns, "app", "manifests", "cli-app");
    assertThat(manifests.code()).as(manifests.err()).isZero();
    assertThat(manifests.out()).contains("name: \"cli-cm\"").contains("key: \"v1\"");

    Run sync = capstan(plane, ns, "app", "sync", "cli-app", "--timeout", "60");
    assertThat(sync.code()).as(sync.err()).isZero();
    assertThat(sync.out())
        .contains("ConfigMap")
        .contains("Synced")
        .contains("Phase:")
        .contains("Succeeded");
    assertThat(value(client, ns)).isEqualTo("v1");
    assertThat(capstan(plane, ns, "app", "diff", "cli-app").code()).isZero();

    repo.commit().add("app/cm.yaml", cm("v2")).create();
    Run refreshed = capstan(plane, ns, "app", "get", "cli-app", "--refresh");
    assertThat(refreshed.code()).as(refreshed.err()).isZero();
    assertThat(refreshed.out())
        .contains("Sync Status:        OutOfSync")
        .contains("Health Status:");
    assertThat(capstan(plane, ns, "app", "sync", "cli-app").code()).isZero();
    assertThat(value(client, ns)).isEqualTo("v2");

    Run history = capstan(plane, ns, "app", "history", "cli-app");
    assertThat(history.out())
        .containsPattern("(?m)^ID\\s+DATE\\s+REVISION")
        .containsPattern("(?m)^0\\s")
        .containsPattern("(?m)^1\\s");

    Run rollback = capstan(plane, ns, "app", "rollback", "cli-app", "0");
    assertThat(rollback.code()).as(rollback.err()).isZero();
    assertThat(value(client, ns)).isEqualTo("v1");

    Run wait = capstan(plane, ns, "app", "wait", "cli-app", "--health", "--timeout", "30");
    assertThat(wait.code()).as(wait.err()).isZero();

    Run json = capstan(plane, ns, "app", "get", "cli-app", "-o", "json");
    assertThat(json.out()).contains("\"kind\" : \"Application\"").contains("\"history\"");

    Run delete = capstan(plane, ns, "app", "delete", "cli-app", "--wait", "--timeout", "60");
    assertThat(delete.code()).as(delete.err()).isZero();
    assertThat(value(client, ns)).isEqualTo("<none>");
  }

  @Test
  void aMissingApplicationIsOneLineAndExitCodeOne(TestNamespace ns) {
    Run get = capstan(ControlPlane.shared(), ns, "app", "get", "nope");

    assertThat(get.code()).isEqualTo(1);
    assertThat(get.err().strip()).isEqualTo("Error: application " + ns.name() + "/nope not found");
  }

  @Test
  void rollbackIsRefusedWhileAutoSyncIsOn(KubernetesClient client, TestNamespace ns) {
    Application app =
        client
            .getKubernetesSerialization()
            .unmarshal(
                """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: cli-auto
        spec:
          project: default
          source: {repoURL: http://127.0.0.1:1/x.git, path: app}
          destination: {server: https://kubernetes.default.svc, namespace: default}
          syncPolicy: {automated: {}}
        """,
                Application.class);
    app.getMetadata().setNamespace(ns.name());
    client.resource(app).create();

    Run rollback = capstan(ControlPlane.shared(), ns, "app", "rollback", "cli-auto", "0");

    assertThat(rollback.code()).isEqualTo(1);
    assertThat(rollback.err()).contains("rollback cannot be initiated when auto-sync is enabled");
  }
}
