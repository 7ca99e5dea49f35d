package dev.capstan.controller.argo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capstan.controller.api.argo.AppProject;
import dev.capstan.controller.api.argo.AppProjectSpec;
import dev.capstan.controller.api.argo.ApplicationStatus;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Applications outside the controller's namespace ({@code --application-namespaces}): reconciled
 * when the namespace is listed and the project's {@code sourceNamespaces} allows it, tracked as
 * {@code <namespace>_<name>}; refused by the project otherwise; ignored when not listed.
 */
@WithControlPlane
class ApplicationNamespacesIT {

  @Test
  void applicationsInListedNamespacesAreReconciledUnderTheirProjectsRules(
      KubernetesClient client, TestNamespace controllerNs) throws Exception {
    String ns = controllerNs.name();
    String team = ns + "-team";
    String other = ns + "-other";
    ArgoFixture.installCrds(client);
    for (String n : List.of(team, other)) {
      client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(n).endMetadata().build())
          .create();
    }
    AppProject project = new AppProject();
    project.setMetadata(new ObjectMetaBuilder().withName("team").withNamespace(ns).build());
    AppProjectSpec p = AppProjectSpec.permissive("team");
    project.setSpec(
        new AppProjectSpec(
            "team",
            p.sourceRepos(),
            List.of(team),
            p.destinations(),
            p.clusterResourceWhitelist(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of(),
            List.of(),
            false,
            List.of()));
    client.resource(project).serverSideApply();
    ArgoFixture.createDefaultProject(client, ns);

    try (GitFixture git = GitFixture.create();
        ArgoController controller =
            ArgoController.start(
                client,
                ControllerSettings.defaults(ns, Files.createTempDirectory("capstan-appns"))
                    .withApplicationNamespaces(List.of(team))
                    .withReconciliation(Duration.ofSeconds(2), Duration.ZERO)
                    .withLeaderElection(false)
                    .withMetricsPort(-1))) {
      FixtureRepository repo = git.createRepository("appns");
      repo.commit()
          .add(
              "app/cm.yaml",
              "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: appns-cm\ndata: {k: v}\n")
          .create();
      String url = git.startHttp().url(repo);
      String yaml =
          """
          apiVersion: argoproj.io/v1alpha1
          kind: Application
          metadata:
            name: web
          spec:
            project: %s
            source: {repoURL: %s, targetRevision: main, path: app}
            destination: {server: https://kubernetes.default.svc, namespace: %s}
            syncPolicy: {automated: {prune: true}}
          """;
      ArgoFixture.create(client, team, yaml.formatted("team", url, team));
      ArgoFixture.create(
          client, team, yaml.formatted("default", url, team).replace("name: web", "name: refused"));
      ArgoFixture.create(client, other, yaml.formatted("team", url, other));

      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                ApplicationStatus s =
                    ArgoFixture.status(client, team, "web").orElse(ApplicationStatus.empty());
                assertThat(s.sync()).isNotNull();
                assertThat(s.sync().status()).isEqualTo("Synced");
                assertThat(
                        ArgoFixture.status(client, team, "refused")
                            .orElse(ApplicationStatus.empty())
                            .conditions())
                    .anySatisfy(
                        c ->
                            assertThat(c.message())
                                .contains(
                                    "application namespace "
                                        + team
                                        + " is not permitted in project 'default'"));
              });
      assertThat(
              client
                  .configMaps()
                  .inNamespace(team)
                  .withName("appns-cm")
                  .get()
                  .getMetadata()
                  .getAnnotations())
          .containsEntry(
              "argocd.argoproj.io/tracking-id", team + "_web:/ConfigMap:" + team + "/appns-cm");
      assertThat(ArgoFixture.status(client, other, "web")).isEmpty();
      assertThat(client.configMaps().inNamespace(other).withName("appns-cm").get()).isNull();
    } finally {
      for (String n : List.of(team, other)) {
        client.namespaces().withName(n).delete();
      }
    }
  }
}
