package dev.capstan.controller.argo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.api.argo.ApplicationStatus;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import dev.capstan.testsupport.git.GitHttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared example repository ({@code shared/examples/gitops-repo}) served by the git fixture,
 * with its Argo CD Applications {@code web-app}, {@code dev-cluster} and {@code prod-cluster}
 * (repository URL replaced, created in the controller's namespace): all become Synced and Healthy.
 * The Applications get the resources finalizer so the namespaces they create are removed again
 * afterwards.
 */
@WithControlPlane
class ExampleRepositoryIT {

  private static final List<String> APPS = List.of("web-app", "dev-cluster", "prod-cluster");

  @Test
  void exampleApplicationsBecomeSyncedAndHealthy(KubernetesClient client, TestNamespace namespace)
      throws Exception {
    String ns = namespace.name();
    ArgoFixture.installCrds(client);
    ArgoFixture.createDefaultProject(client, ns);
    Path examples = examples();
    try (GitFixture git = GitFixture.create();
        ArgoController controller = ArgoFixture.startController(client, ns)) {
      FixtureRepository repo = git.createRepository("gitops-repo");
      repo.commit().addFolder(examples).message("examples").create();
      GitHttpServer http = git.startHttp();
      try {
        for (String app : APPS) {
          String yaml =
              Files.readString(examples.resolve("deploy/argocd/" + app + ".yaml"))
                  .replace("https://github.com/your-org/gitops-repo", http.url(repo))
                  .replace(
                      "namespace: argocd",
                      "namespace: "
                          + ns
                          + "\n  finalizers: [resources-finalizer.argocd.argoproj.io]");
          ArgoFixture.create(client, ns, yaml);
        }

        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(500))
            .untilAsserted(
                () -> {
                  for (String app : APPS) {
                    ApplicationStatus s =
                        ArgoFixture.status(client, ns, app).orElse(ApplicationStatus.empty());
                    assertThat(s.sync()).as(app + " sync").isNotNull();
                    assertThat(s.sync().status())
                        .as(app + " sync " + s.conditions())
                        .isEqualTo("Synced");
                    assertThat(s.health().status())
                        .as(app + " health " + s.resources())
                        .isEqualTo("Healthy");
                  }
                });
        assertThat(
                client
                    .apps()
                    .deployments()
                    .inNamespace("production")
                    .withName("web-app")
                    .get()
                    .getSpec()
                    .getReplicas())
            .isEqualTo(3);
        assertThat(client.apps().deployments().inNamespace("dev").withName("web-app").get())
            .isNotNull();
        assertThat(ArgoFixture.status(client, ns, "dev-cluster").orElseThrow().sourceType())
            .isEqualTo("Kustomize");
      } finally {
        for (String app : APPS) {
          client.resources(Application.class).inNamespace(ns).withName(app).delete();
        }
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    client
                        .resources(Application.class)
                        .inNamespace(ns)
                        .list()
                        .getItems()
                        .isEmpty());
      }
    }
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
