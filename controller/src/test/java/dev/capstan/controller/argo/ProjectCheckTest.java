package dev.capstan.controller.argo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.controller.api.argo.AppProject;
import dev.capstan.controller.api.argo.AppProjectSpec;
import dev.capstan.controller.api.argo.ApplicationDestination;
import dev.capstan.controller.api.argo.ApplicationSource;
import dev.capstan.controller.api.argo.ApplicationSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProjectCheckTest {

  private static ApplicationSpec spec(String repo, String namespace) {
    return new ApplicationSpec(
        "team",
        ApplicationSource.git(repo, "main", "app"),
        null,
        new ApplicationDestination(ApplicationDestination.IN_CLUSTER, "", namespace),
        null,
        null,
        null,
        null,
        null);
  }

  private static Optional<AppProject> project(
      List<String> repos,
      List<ApplicationDestination> destinations,
      List<String> sourceNamespaces) {
    AppProject p = new AppProject();
    AppProjectSpec permissive = AppProjectSpec.permissive("");
    p.setSpec(
        new AppProjectSpec(
            "",
            repos,
            sourceNamespaces,
            destinations,
            permissive.clusterResourceWhitelist(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of(),
            List.of(),
            false,
            List.of()));
    return Optional.of(p);
  }

  @Test
  void aMissingProjectIsRefusedAsArgoCdSaysIt() {
    assertThat(
            ProjectCheck.violation(
                "team", Optional.empty(), "argocd", "argocd", spec("https://git/x", "prod")))
        .contains("Application referencing project team which does not exist");
  }

  @Test
  void repositoriesAndDestinationsMustMatchTheProjectsGlobs() {
    var p =
        project(
            List.of("https://git.example/team/*", "!https://git.example/team/secret"),
            List.of(new ApplicationDestination("https://kubernetes.default.svc", "", "team-*")),
            List.of());

    assertThat(
            ProjectCheck.violation(
                "team", p, "argocd", "argocd", spec("https://git.example/team/app", "team-a")))
        .isEmpty();
    assertThat(
            ProjectCheck.violation(
                "team", p, "argocd", "argocd", spec("https://git.example/other/app", "team-a")))
        .contains(
            "application repo https://git.example/other/app is not permitted in project 'team'");
    assertThat(
            ProjectCheck.violation(
                "team", p, "argocd", "argocd", spec("https://git.example/team/secret", "team-a")))
        .isPresent();
    assertThat(
            ProjectCheck.violation(
                "team", p, "argocd", "argocd", spec("https://git.example/team/app", "prod")))
        .hasValueSatisfying(
            m -> assertThat(m).contains("do not match any of the allowed destinations"));
  }

  @Test
  void applicationsOutsideTheControllerNamespaceNeedSourceNamespaces() {
    var closed =
        project(List.of("*"), List.of(new ApplicationDestination("*", "", "*")), List.of());
    var open =
        project(List.of("*"), List.of(new ApplicationDestination("*", "", "*")), List.of("team-*"));

    assertThat(ProjectCheck.violation("team", closed, "team-a", "argocd", spec("https://x", "a")))
        .isPresent();
    assertThat(ProjectCheck.violation("team", open, "team-a", "argocd", spec("https://x", "a")))
        .isEmpty();
  }
}
