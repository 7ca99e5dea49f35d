package dev.capstan.controller.flux;

import static dev.capstan.controller.flux.FluxFixture.configMapYaml;
import static dev.capstan.controller.flux.FluxFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capstan.controller.api.Condition;
import dev.capstan.controller.api.flux.GitRepository;
import dev.capstan.controller.api.flux.GitRepositoryStatus;
import dev.capstan.controller.api.flux.Kustomization;
import dev.capstan.controller.api.flux.KustomizationStatus;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import dev.capstan.testsupport.git.GitHttpServer;
import dev.capstan.testsupport.git.HttpAuth;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Flux dialect end to end: a real control plane, a real Git server with basic auth, one {@link
 * FluxController} for the class' namespace. Each test has its own repository and Kustomization
 * names.
 */
@WithControlPlane
class FluxKustomizationIT {

  private static GitFixture git;
  private static GitHttpServer http;
  private static FluxController controller;
  private static Path cache;
  private static final io.micrometer.prometheusmetrics.PrometheusMeterRegistry REGISTRY =
      new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
          io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);

  private final KubernetesClient client;
  private final String ns;
  private final FluxFixture flux;

  FluxKustomizationIT(KubernetesClient client, TestNamespace namespace) {
    this.client = client;
    this.ns = namespace.name();
    this.flux = new FluxFixture(client, ns);
  }

  @BeforeAll
  static void start(KubernetesClient client, TestNamespace namespace) throws Exception {
    FluxFixture.installCrds(client);
    git = GitFixture.create();
    http = git.startHttp(HttpAuth.basic("flux", "s3cret"));
    new FluxFixture(client, namespace.name())
        .createSecret("git-credentials", Map.of("username", "flux", "password", "s3cret"));
    cache = Files.createTempDirectory("capstan-flux-it");
    controller =
        FluxController.start(
            client,
            FluxSettings.defaults(cache)
                .withNamespace(namespace.name())
                .withDependencyRequeue(Duration.ofSeconds(2))
                .withHealthPoll(Duration.ofMillis(500)),
            REGISTRY);
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

  @Test
  void exampleGitRepositoryAndKustomizationBecomeReadyWithInventory() throws Exception {
    Path examples = examples();
    FixtureRepository repo = git.createRepository("gitops-repo");
    ObjectId commit = repo.commit().addFolder(examples).message("examples").create();
    String gitYaml =
        Files.readString(examples.resolve("deploy/flux/gitops-repo.yaml"))
            .replace("https://github.com/your-org/gitops-repo", http.url(repo))
            .replace("namespace: flux-system", "namespace: " + ns);
    // the example overlay deploys into "production", which other tests use too: target ours
    String ksYaml =
        Files.readString(examples.resolve("deploy/flux/web-app.yaml"))
            .replace("namespace: flux-system", "namespace: " + ns)
            .replace("prune: true", "prune: true\n  targetNamespace: " + ns);
    client
        .resource(client.getKubernetesSerialization().unmarshal(gitYaml, GitRepository.class))
        .create();
    client
        .resource(client.getKubernetesSerialization().unmarshal(ksYaml, Kustomization.class))
        .create();

    eventually()
        .untilAsserted(
            () -> {
              GitRepositoryStatus s = flux.sourceStatus("gitops-repo");
              assertThat(s).isNotNull();
              assertThat(s.condition("Ready").map(Condition::reason))
                  .as(s.conditions().toString())
                  .contains("Succeeded");
              assertThat(s.artifact().revision()).isEqualTo("main@sha1:" + commit.name());
              assertThat(s.artifact().digest()).startsWith("sha256:");
              assertThat(s.artifact().lastUpdateTime()).isNotEmpty();
            });
    eventually()
        .untilAsserted(
            () -> {
              KustomizationStatus s = flux.kustomizationStatus("web-app");
              assertThat(s.condition("Ready").map(Condition::reason))
                  .as(s.conditions().toString())
                  .contains("ReconciliationSucceeded");
              assertThat(s.condition("Healthy").map(Condition::status)).contains("True");
              assertThat(s.lastAppliedRevision()).isEqualTo("main@sha1:" + commit.name());
              assertThat(s.inventory().entries())
                  .extracting(KustomizationStatus.InventoryEntry::id)
                  .containsExactlyInAnyOrder(
                      ns + "_web-app_apps_Deployment", ns + "_web-app_" + "_Service");
            });
    eventually()
        .untilAsserted(
            () -> {
              String scrape = REGISTRY.scrape();
              assertThat(scrape)
                  .contains(
                      "gotk_reconcile_duration_seconds_count{kind=\"Kustomization\",name=\"web-app\",namespace=\""
                          + ns
                          + "\"}");
              assertThat(
                      scrape
                          .lines()
                          .filter(
                              l ->
                                  l.startsWith("gotk_reconcile_condition{")
                                      && l.contains("name=\"web-app\"")
                                      && l.contains("type=\"Ready\"")
                                      && l.contains("status=\"True\"")
                                      && l.contains("kind=\"Kustomization\""))
                          .toList())
                  .singleElement()
                  .asString()
                  .endsWith(" 1.0");
            });
    var deployment = client.apps().deployments().inNamespace(ns).withName("web-app").get();
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
    assertThat(deployment.getMetadata().getLabels())
        .containsEntry("kustomize.toolkit.fluxcd.io/name", "web-app")
        .containsEntry("kustomize.toolkit.fluxcd.io/namespace", ns);
  }

  @Test
  void removedFileIsPrunedDriftIsCorrectedAndABrokenCommitKeepsTheLastGoodState() throws Exception {
    FixtureRepository repo = git.createRepository("prune");
    repo.commit()
        .add("app/kustomization.yaml", "resources: [a.yaml, b.yaml]\n")
        .add("app/a.yaml", configMapYaml("prune-a", "one"))
        .add("app/b.yaml", configMapYaml("prune-b", "two"))
        .message("two maps")
        .create();
    createSource("prune", repo);
    flux.createKustomization("prune", "prune", "./app", "");
    flux.awaitReady("prune");
    // an object that was never in the inventory is not ours to delete, even with our labels copied
    // onto it
    flux.createForeignConfigMap(
        "prune-foreign",
        Map.of(
            "kustomize.toolkit.fluxcd.io/name",
            "prune",
            "kustomize.toolkit.fluxcd.io/namespace",
            ns));

    // drift: an edit is taken back within seconds
    client
        .configMaps()
        .inNamespace(ns)
        .withName("prune-a")
        .edit(
            c -> {
              c.getData().put("value", "edited");
              return c;
            });
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> "one".equals(cm("prune-a").getData().get("value")));

    ObjectId second =
        repo.commit()
            .add("app/kustomization.yaml", "resources: [a.yaml]\n")
            .delete("app/b.yaml")
            .message("drop b")
            .create();
    eventually().until(() -> cm("prune-b") == null);
    eventually()
        .until(
            () -> flux.kustomizationStatus("prune").lastAppliedRevision().endsWith(second.name()));
    assertThat(flux.kustomizationStatus("prune").inventory().entries())
        .extracting(KustomizationStatus.InventoryEntry::id)
        .containsExactly(ns + "_prune-a__ConfigMap");
    assertThat(cm("prune-foreign")).isNotNull();

    ObjectId broken =
        repo.commit()
            .add("app/kustomization.yaml", "resources: [a.yaml\n  - : :\n")
            .message("broken")
            .create();
    eventually()
        .untilAsserted(
            () -> {
              KustomizationStatus s = flux.kustomizationStatus("prune");
              assertThat(s.condition("Ready").map(Condition::reason)).contains("BuildFailed");
              assertThat(s.lastAttemptedRevision()).endsWith(broken.name());
              assertThat(s.lastAppliedRevision()).endsWith(second.name());
              assertThat(s.inventory().entries()).hasSize(1);
            });
    assertThat(cm("prune-a")).isNotNull();
  }

  @Test
  void dependsOnWaitsForTheDependencyAndPostBuildSubstitutes() throws Exception {
    FixtureRepository repo = git.createRepository("deps");
    repo.commit()
        .add("base/cm.yaml", configMapYaml("deps-base", "base"))
        .add(
            "app/cm.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: deps-${suffix}
            data:
              greeting: ${greeting:=hello}
              region: ${region}
              escaped: $${kept}
              script: echo $HOME
            """)
        .add(
            "app/raw.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: deps-raw
              annotations:
                kustomize.toolkit.fluxcd.io/substitute: disabled
            data:
              text: ${region}
            """)
        .message("deps")
        .create();
    createSource("deps", repo);
    client
        .configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("deps-vars")
                .endMetadata()
                .withData(Map.of("region", "eu-west", "suffix", "from-configmap"))
                .build())
        .create();
    flux.createKustomization("deps-base", "deps", "./base", "  suspend: true\n");
    flux.createKustomization(
        "deps-app",
        "deps",
        "./app",
        """
          dependsOn:
          - name: deps-base
          postBuild:
            substitute:
              suffix: app
            substituteFrom:
            - kind: ConfigMap
              name: deps-vars
            - kind: Secret
              name: not-there
              optional: true
        """);
    eventually()
        .untilAsserted(
            () ->
                assertThat(
                        flux.kustomizationStatus("deps-app")
                            .condition("Ready")
                            .map(Condition::reason))
                    .as(
                        () ->
                            client
                                    .getKubernetesSerialization()
                                    .asYaml(
                                        client
                                            .resources(Kustomization.class)
                                            .inNamespace(ns)
                                            .withName("deps-app")
                                            .get())
                                + client
                                    .getKubernetesSerialization()
                                    .asYaml(client.v1().events().inNamespace(ns).list().getItems()))
                    .contains("DependencyNotReady"));
    assertThat(cm("deps-app")).isNull();

    setSuspend("deps-base", false);
    flux.awaitReady("deps-app");
    assertThat(
            KustomizationReconciler.isReady(
                client.resources(Kustomization.class).inNamespace(ns).withName("deps-base").get()))
        .isTrue();
    ConfigMap app = cm("deps-app");
    assertThat(app.getData())
        .containsEntry("greeting", "hello")
        .containsEntry("region", "eu-west")
        .containsEntry("escaped", "${kept}")
        .containsEntry("script", "echo $HOME");
    assertThat(cm("deps-raw").getData()).containsEntry("text", "${region}");
  }

  @Test
  void unhealthyDeploymentFailsTheHealthCheckAndRecoversWhenFixedInGit() throws Exception {
    FixtureRepository repo = git.createRepository("health");
    repo.commit()
        .add(
            "app/deploy.yaml",
            deployment("health-web", "nodeSelector: {capstan.dev/none: \"true\"}"))
        .message("unschedulable")
        .create();
    createSource("health", repo);
    flux.createKustomization(
        "health", "health", "./app", "  wait: true\n  timeout: 5s\n  retryInterval: 2s\n");
    eventually()
        .untilAsserted(
            () -> {
              KustomizationStatus s = flux.kustomizationStatus("health");
              assertThat(s.condition("Ready").map(Condition::reason))
                  .as(s.conditions().toString())
                  .contains("HealthCheckFailed");
              assertThat(s.condition("Healthy").map(Condition::status)).contains("False");
              assertThat(s.condition("Ready").map(Condition::message).orElse(""))
                  .contains("Deployment/" + ns + "/health-web");
            });
    ObjectId fixed =
        repo.commit()
            .add("app/deploy.yaml", deployment("health-web", ""))
            .message("schedulable")
            .create();
    eventually()
        .untilAsserted(
            () -> {
              KustomizationStatus s = flux.kustomizationStatus("health");
              assertThat(s.condition("Ready").map(Condition::reason))
                  .as(s.conditions().toString())
                  .contains("ReconciliationSucceeded");
              assertThat(s.lastAppliedRevision()).endsWith(fixed.name());
              assertThat(s.condition("Healthy").map(Condition::status)).contains("True");
            });
  }

  @Test
  void aNewRevisionCancelsAPendingHealthWaitAndIsApplied() throws Exception {
    FixtureRepository repo = git.createRepository("cancel");
    repo.commit()
        .add("deploy.yaml", deployment("cancel-web", "nodeSelector: {capstan.dev/none: \"true\"}"))
        .message("stuck")
        .create();
    createSource("cancel", repo);
    flux.createKustomization("cancel", "cancel", "./", "  wait: true\n  timeout: 5m\n");
    eventually()
        .untilAsserted(
            () -> {
              KustomizationStatus s = flux.kustomizationStatus("cancel");
              assertThat(s.condition("Ready").map(Condition::status))
                  .as(s.conditions().toString())
                  .contains("Unknown");
              assertThat(s.condition("Reconciling").map(Condition::status)).contains("True");
            });
    ObjectId fixed =
        repo.commit().add("deploy.yaml", deployment("cancel-web", "")).message("fixed").create();
    // well within the 5 minute wait of the first revision
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              KustomizationStatus s = flux.kustomizationStatus("cancel");
              assertThat(s.condition("Ready").map(Condition::reason))
                  .contains("ReconciliationSucceeded");
              assertThat(s.lastAppliedRevision()).endsWith(fixed.name());
            });
  }

  @Test
  void forceRecreatesAnObjectWhoseImmutableFieldChanged() throws Exception {
    FixtureRepository repo = git.createRepository("force");
    String cm =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: force-cm\nimmutable: true\ndata:\n  value: %s\n";
    repo.commit().add("cm.yaml", cm.formatted("one")).message("one").create();
    createSource("force", repo);
    flux.createKustomization("force", "force", "./", "  force: true\n");
    flux.awaitReady("force");
    String uid = cm("force-cm").getMetadata().getUid();
    ObjectId two = repo.commit().add("cm.yaml", cm.formatted("two")).message("two").create();
    eventually()
        .untilAsserted(
            () -> {
              assertThat(flux.kustomizationStatus("force").lastAppliedRevision())
                  .endsWith(two.name());
              assertThat(cm("force-cm").getData()).containsEntry("value", "two");
            });
    assertThat(cm("force-cm").getMetadata().getUid()).isNotEqualTo(uid);
  }

  @Test
  void kubeConfigSecretRefAppliesThroughThatKubeconfig(
      dev.capstan.testsupport.cluster.ControlPlane plane) throws Exception {
    FixtureRepository repo = git.createRepository("remote");
    repo.commit().add("cm.yaml", configMapYaml("remote-cm", "v1")).message("v1").create();
    flux.createSecret("remote-kubeconfig", Map.of("value", Files.readString(plane.kubeconfig())));
    createSource("remote", repo);
    flux.createKustomization(
        "remote", "remote", "./", "  kubeConfig:\n    secretRef: {name: remote-kubeconfig}\n");
    flux.awaitReady("remote");
    assertThat(cm("remote-cm").getMetadata().getLabels())
        .containsEntry("kustomize.toolkit.fluxcd.io/name", "remote");

    flux.createKustomization(
        "remote-missing",
        "remote",
        "./",
        "  kubeConfig:\n    secretRef: {name: no-such-kubeconfig}\n");
    eventually()
        .untilAsserted(
            () ->
                assertThat(
                        flux.kustomizationStatus("remote-missing")
                            .condition("Ready")
                            .map(Condition::message)
                            .orElse(""))
                    .contains("no-such-kubeconfig")
                    .contains("not found"));
  }

  @Test
  void suspendedKustomizationIsLeftAloneUntilResumed() throws Exception {
    FixtureRepository repo = git.createRepository("suspend");
    repo.commit().add("cm.yaml", configMapYaml("suspend-cm", "v1")).message("v1").create();
    createSource("suspend", repo);
    flux.createKustomization("suspend", "suspend", "./", "");
    flux.awaitReady("suspend");
    setSuspend("suspend", true);
    ObjectId v2 =
        repo.commit().add("cm.yaml", configMapYaml("suspend-cm", "v2")).message("v2").create();
    eventually()
        .until(() -> flux.sourceStatus("suspend").artifact().revision().endsWith(v2.name()));
    // the source moved on (which wakes its Kustomizations); the suspended one stays where it was
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> "v1".equals(cm("suspend-cm").getData().get("value")));
    setSuspend("suspend", false);
    eventually().until(() -> "v2".equals(cm("suspend-cm").getData().get("value")));
  }

  @Test
  void badSecretRefAndWrongPasswordAreAuthenticationFailures() throws Exception {
    FixtureRepository repo = git.createRepository("auth");
    repo.commit().add("cm.yaml", configMapYaml("auth-cm", "v1")).message("v1").create();
    flux.createSource(
        "auth-missing", http.url(repo), "1m", "  secretRef: {name: no-such-secret}\n");
    flux.createSecret("wrong-password", Map.of("username", "flux", "password", "nope"));
    flux.createSource("auth-wrong", http.url(repo), "1m", "  secretRef: {name: wrong-password}\n");
    eventually()
        .untilAsserted(
            () -> {
              GitRepositoryStatus s = flux.sourceStatus("auth-missing");
              assertThat(s).isNotNull();
              assertThat(s.condition("Ready").map(Condition::status)).contains("False");
              assertThat(s.condition("Ready").map(Condition::reason))
                  .contains("AuthenticationFailed");
              assertThat(s.condition("FetchFailed").map(Condition::message).orElse(""))
                  .contains("no-such-secret")
                  .contains("not found");
              assertThat(s.artifact()).isNull();
            });
    eventually()
        .untilAsserted(
            () -> {
              GitRepositoryStatus s = flux.sourceStatus("auth-wrong");
              assertThat(s).isNotNull();
              assertThat(s.condition("Ready").map(Condition::reason))
                  .contains("AuthenticationFailed");
              assertThat(s.condition("Ready").map(Condition::message).orElse(""))
                  .doesNotContain("nope");
            });
  }

  @Test
  void sshIdentityWithKnownHostsAndBearerTokenSecretsAreRead() throws Exception {
    FixtureRepository repo = git.createRepository("other-auth");
    ObjectId c =
        repo.commit().add("cm.yaml", configMapYaml("other-auth-cm", "v1")).message("v1").create();
    dev.capstan.testsupport.git.SshKeyPair key = dev.capstan.testsupport.git.SshKeyPair.generate();
    var ssh = git.startSsh(key);
    flux.createSecret(
        "ssh-auth",
        Map.of("identity", key.privateKeyOpenSsh(), "known_hosts", ssh.knownHostsLine()));
    GitHttpServer bearer = git.startHttp(HttpAuth.bearer("t0ken"));
    flux.createSecret("bearer-auth", Map.of("bearerToken", "t0ken"));
    for (String[] spec :
        new String[][] {
          {"via-ssh", ssh.url(repo), "ssh-auth"}, {"via-bearer", bearer.url(repo), "bearer-auth"}
        }) {
      flux.createSource(spec[0], spec[1], "1m", "  secretRef: {name: %s}\n".formatted(spec[2]));
    }
    for (String name : new String[] {"via-ssh", "via-bearer"}) {
      eventually()
          .untilAsserted(
              () -> {
                GitRepositoryStatus s = flux.sourceStatus(name);
                assertThat(s.condition("Ready").map(Condition::reason))
                    .as(name + " " + s.conditions())
                    .contains("Succeeded");
                assertThat(s.artifact().revision()).isEqualTo("main@sha1:" + c.name());
              });
    }
  }

  @Test
  void impersonationDeniedByRbacIsAClearFailure() throws Exception {
    FixtureRepository repo = git.createRepository("imp");
    repo.commit().add("cm.yaml", configMapYaml("imp-cm", "v1")).message("v1").create();
    client
        .serviceAccounts()
        .inNamespace(ns)
        .resource(
            new io.fabric8.kubernetes.api.model.ServiceAccountBuilder()
                .withNewMetadata()
                .withName("robot")
                .endMetadata()
                .build())
        .create();
    createSource("imp", repo);
    flux.createKustomization("imp", "imp", "./", "  serviceAccountName: robot\n");
    eventually()
        .untilAsserted(
            () -> {
              KustomizationStatus s = flux.kustomizationStatus("imp");
              assertThat(s.condition("Ready").map(Condition::reason))
                  .as(s.conditions().toString())
                  .contains("ReconciliationFailed");
              assertThat(s.condition("Ready").map(Condition::message).orElse(""))
                  .contains("ConfigMap/" + ns + "/imp-cm")
                  .contains("system:serviceaccount:" + ns + ":robot");
            });
    assertThat(cm("imp-cm")).isNull();
  }

  // --- helpers

  private ConfigMap cm(String name) {
    return client.configMaps().inNamespace(ns).withName(name).get();
  }

  private void setSuspend(String name, boolean value) {
    client
        .resources(Kustomization.class)
        .inNamespace(ns)
        .withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"suspend\":" + value + "}}");
  }

  private void createSource(String name, FixtureRepository repo) {
    flux.createSource(name, http.url(repo), "2s", "  secretRef: {name: git-credentials}\n");
  }

  private static String deployment(String name, String nodeSelector) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %1$s
        spec:
          replicas: 1
          selector: {matchLabels: {app: %1$s}}
          template:
            metadata: {labels: {app: %1$s}}
            spec:
              %2$s
              containers:
              - {name: web, image: registry.invalid/web:1}
        """
        .formatted(
            name, nodeSelector.isEmpty() ? "terminationGracePeriodSeconds: 1" : nodeSelector);
  }

  private static Path examples() {
    for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        dir != null;
        dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/examples/gitops-repo");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared/examples/gitops-repo not found above " + System.getProperty("user.dir"));
  }
}
