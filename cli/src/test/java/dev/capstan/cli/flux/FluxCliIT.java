package dev.capstan.cli.flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capstan.cli.CapstanCommand;
import dev.capstan.controller.api.CrdInstaller;
import dev.capstan.controller.api.flux.GitRepository;
import dev.capstan.controller.api.flux.Kustomization;
import dev.capstan.controller.flux.FluxController;
import dev.capstan.controller.flux.FluxSettings;
import dev.capstan.controller.flux.KustomizationPreview;
import dev.capstan.testsupport.cluster.ControlPlane;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import dev.capstan.testsupport.git.GitHttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flux commands against a real control plane, a real Git server and an in-process controller.
 */
@WithControlPlane
class FluxCliIT {

  private static GitFixture git;
  private static FluxController controller;
  private static ObjectId commit;

  private final KubernetesClient client;
  private final String ns;
  private final String kubeconfig;

  FluxCliIT(KubernetesClient client, TestNamespace namespace, ControlPlane plane) {
    this.client = client;
    this.ns = namespace.name();
    this.kubeconfig = plane.kubeconfig().toString();
  }

  record Run(int code, String out, String err) {}

  @BeforeAll
  static void start(KubernetesClient client, TestNamespace namespace) throws Exception {
    new CrdInstaller(client).installCapstanCrds();
    git = GitFixture.create();
    FixtureRepository repo = git.createRepository("cli");
    commit =
        repo.commit()
            .add(
                "app/cm.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cli-cm\ndata:\n  value: ${value:=one}\n")
            .add(
                "app/deploy.yaml",
                """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: cli-web}
            spec:
              replicas: 1
              selector: {matchLabels: {app: cli-web}}
              template:
                metadata: {labels: {app: cli-web}}
                spec: {containers: [{name: web, image: registry.invalid/web:1}]}
            """)
            .message("app")
            .create();
    GitHttpServer http = git.startHttp();
    String ns = namespace.name();
    client
        .resource(
            client
                .getKubernetesSerialization()
                .unmarshal(
                    """
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: GitRepository
        metadata: {name: cli, namespace: %s}
        spec: {interval: 1m, url: "%s", ref: {branch: main}}
        """
                        .formatted(ns, http.url(repo)),
                    GitRepository.class))
        .create();
    client
        .resource(
            client
                .getKubernetesSerialization()
                .unmarshal(
                    """
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata: {name: cli, namespace: %s}
        spec:
          interval: 1m
          sourceRef: {kind: GitRepository, name: cli}
          path: ./app
          prune: true
          wait: true
          targetNamespace: %s
          postBuild: {substitute: {value: two}}
        """
                        .formatted(ns, ns),
                    Kustomization.class))
        .create();
    controller =
        FluxController.start(
            client,
            FluxSettings.defaults(Files.createTempDirectory("capstan-flux-cli"))
                .withNamespace(ns)
                .withHealthPoll(Duration.ofMillis(500)));
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                KustomizationPreview.isReady(
                    client.resources(Kustomization.class).inNamespace(ns).withName("cli").get()));
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

  private Run capstan(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--kubeconfig=" + kubeconfig);
    int code =
        CapstanCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void getListsKustomizationsAndSourcesLikeFlux() {
    Run ks = capstan("get", "kustomizations", "-n", ns);
    assertThat(ks.code()).as(ks.err()).isZero();
    assertThat(ks.out().lines().toList().getFirst())
        .matches("NAME\\s+REVISION\\s+SUSPENDED\\s+READY\\s+MESSAGE");
    assertThat(ks.out())
        .containsPattern(
            "cli\\s+main@sha1:"
                + commit.name()
                + "\\s+false\\s+True\\s+Applied revision: main@sha1:"
                + commit.name());

    Run all = capstan("get", "kustomizations", "-A");
    assertThat(all.out().lines().toList().getFirst()).startsWith("NAMESPACE");
    assertThat(all.out()).contains(ns);

    Run src = capstan("get", "sources", "git", "-n", ns);
    assertThat(src.code()).isZero();
    assertThat(src.out())
        .containsPattern(
            "cli\\s+main@sha1:"
                + commit.name()
                + "\\s+false\\s+True\\s+stored artifact for revision");
  }

  @Test
  void reconcileWithSourceSuspendAndResume() {
    Run r =
        capstan("reconcile", "kustomization", "cli", "--with-source", "-n", ns, "--timeout=60s");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("► annotating GitRepository cli in " + ns + " namespace")
        .contains("✔ fetched revision main@sha1:" + commit.name())
        .contains("✔ applied revision main@sha1:" + commit.name());

    Run s = capstan("suspend", "kustomization", "cli", "-n", ns);
    assertThat(s.code()).isZero();
    assertThat(
            client
                .resources(Kustomization.class)
                .inNamespace(ns)
                .withName("cli")
                .get()
                .getSpec()
                .suspend())
        .isTrue();
    assertThat(capstan("get", "ks", "cli", "-n", ns).out()).containsPattern("cli\\s+\\S+\\s+true");
    Run refused = capstan("reconcile", "kustomization", "cli", "-n", ns);
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.out()).contains("suspended");

    Run resume = capstan("resume", "kustomization", "cli", "-n", ns, "--timeout=60s");
    assertThat(resume.code()).as(resume.out() + resume.err()).isZero();
    assertThat(resume.out()).contains("✔ applied revision");
    assertThat(
            client
                .resources(Kustomization.class)
                .inNamespace(ns)
                .withName("cli")
                .get()
                .getSpec()
                .suspend())
        .isFalse();

    Run src = capstan("reconcile", "source", "git", "cli", "-n", ns, "--timeout=60s");
    assertThat(src.code()).isZero();
  }

  @Test
  void buildAndDiffFromALocalFolder(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cli-cm\ndata:\n  value: ${value:=one}\n");
    Run build = capstan("build", "kustomization", "cli", "--path", dir.toString(), "-n", ns);
    assertThat(build.code()).as(build.err()).isZero();
    assertThat(build.out())
        .contains("name: \"cli-cm\"")
        .contains("namespace: \"" + ns + "\"")
        .contains("value: \"two\"")
        .contains("kustomize.toolkit.fluxcd.io/name: \"cli\"");

    // same ConfigMap, and the Deployment would be pruned: a difference
    Run diff = capstan("diff", "kustomization", "cli", "--path", dir.toString(), "-n", ns);
    assertThat(diff.code()).as(diff.err()).isEqualTo(1);
    assertThat(diff.out())
        .contains("► Deployment/" + ns + "/cli-web deleted")
        .doesNotContain("ConfigMap/" + ns + "/cli-cm drifted");

    Files.writeString(
        dir.resolve("cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cli-cm\ndata:\n  value: three\n");
    Run drift = capstan("diff", "kustomization", "cli", "--path", dir.toString(), "-n", ns);
    assertThat(drift.out())
        .contains("► ConfigMap/" + ns + "/cli-cm drifted")
        .contains("+  value: three");

    // plain 'capstan build DIR' is unchanged
    Files.writeString(dir.resolve("kustomization.yaml"), "resources: [cm.yaml]\n");
    StringWriter out = new StringWriter();
    int code =
        CapstanCommand.newCommandLine(
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
            .execute("build", dir.toString());
    assertThat(code).isZero();
    assertThat(out.toString()).contains("name: cli-cm");
  }

  @Test
  void eventsTreeAndLogs() {
    Run events = capstan("events", "-n", ns);
    assertThat(events.code()).isZero();
    assertThat(events.out())
        .contains("NewArtifact")
        .contains("GitRepository/cli")
        .contains("Kustomization/cli");

    Run tree = capstan("tree", "kustomization", "cli", "-n", ns);
    assertThat(tree.out())
        .contains("Kustomization/" + ns + "/cli")
        .contains("── ConfigMap/" + ns + "/cli-cm")
        .contains("── Deployment/" + ns + "/cli-web");

    Run logs = capstan("logs", "-n", ns, "--kind", "Kustomization", "--name", "cli");
    assertThat(logs.code()).isZero();
    assertThat(logs.out())
        .contains("info Kustomization/cli." + ns + " - ReconciliationSucceeded: Applied revision")
        .doesNotContain("GitRepository/");
  }
}
