package dev.capstan.controller.argo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capstan.controller.api.argo.ApplicationStatus;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import dev.capstan.testsupport.git.GitHttpServer;
import dev.capstan.testsupport.git.HttpAuth;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A kustomization whose base is a git URL on a private server (HTTP basic auth): the controller
 * fetches it with the credentials of the Argo CD {@code repo-creds} Secret that covers its URL, as
 * Argo CD does, and follows a new commit of the base.
 */
@WithControlPlane
class RemoteBaseIT {

  private static final String PASSWORD = "remote-base-pw";

  private static GitFixture git;
  private static GitHttpServer http;
  private static ArgoController controller;

  private final KubernetesClient client;
  private final String ns;

  RemoteBaseIT(KubernetesClient client, TestNamespace namespace) {
    this.client = client;
    this.ns = namespace.name();
  }

  @BeforeAll
  static void start(KubernetesClient client, TestNamespace namespace) throws Exception {
    ArgoFixture.installCrds(client);
    ArgoFixture.createDefaultProject(client, namespace.name());
    git = GitFixture.create();
    http = git.startHttp(HttpAuth.basic("bot", PASSWORD));
    controller = ArgoFixture.startController(client, namespace.name());
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
  void remoteBaseIsFetchedWithTheRepositoryCredentials() {
    FixtureRepository base = git.createRepository("base");
    base.commit()
        .add("web/kustomization.yaml", "resources:\n- cm.yaml\n")
        .add("web/cm.yaml", configMap("one"))
        .create();
    FixtureRepository overlay = git.createRepository("overlay");
    overlay
        .commit()
        .add(
            "prod/kustomization.yaml",
            "namePrefix: prod-\nresources:\n- " + http.url(base) + "//web?ref=main\n")
        .create();
    ArgoFixture.create(
        client,
        ns,
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: remote
        spec:
          project: default
          source: {repoURL: "%s", targetRevision: main, path: prod}
          destination: {server: "https://kubernetes.default.svc", namespace: %s}
          syncPolicy:
            automated: {prune: true, selfHeal: true}
        """
            .formatted(http.url(overlay), ns));

    // Without credentials: a clear condition, nothing applied.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .untilAsserted(
            () ->
                assertThat(ArgoFixture.status(client, ns, "remote").orElseThrow().conditions())
                    .anySatisfy(c -> assertThat(c.type()).isEqualTo("ComparisonError")));

    // One repo-creds Secret for the server's URL prefix covers the overlay and its remote base.
    String prefix = http.url(overlay).substring(0, http.url(overlay).lastIndexOf('/') + 1);
    client
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("creds")
                .withLabels(Map.of("argocd.argoproj.io/secret-type", "repo-creds"))
                .endMetadata()
                .withStringData(Map.of("url", prefix, "username", "bot", "password", PASSWORD))
                .build())
        .create();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              ApplicationStatus s = ArgoFixture.status(client, ns, "remote").orElseThrow();
              assertThat(s.sync().status()).isEqualTo("Synced");
              assertThat(s.conditions()).isEmpty();
              assertThat(value()).isEqualTo("one");
            });

    // A new commit of the base (the overlay is unchanged) is followed at the next poll.
    base.commit().add("web/cm.yaml", configMap("two")).create();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(() -> "two".equals(value()));
    String statusJson =
        client
            .getKubernetesSerialization()
            .asJson(ArgoFixture.status(client, ns, "remote").orElseThrow());
    assertThat(statusJson).doesNotContain(PASSWORD);
  }

  private String value() {
    ConfigMap cm = client.configMaps().inNamespace(ns).withName("prod-web").get();
    return cm == null ? null : cm.getData().get("value");
  }

  private static String configMap(String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\ndata: {value: %s}\n"
        .formatted(value);
  }
}
