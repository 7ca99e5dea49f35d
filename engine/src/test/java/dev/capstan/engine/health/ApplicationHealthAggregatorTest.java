package dev.capstan.engine.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApplicationHealthAggregatorTest {

  private final HealthAssessor assessor = HealthAssessor.withDefaults();

  private static LiveObject object(String yaml) {
    return LiveObject.of(HealthCorpus.yamlText(yaml));
  }

  private static LiveObject pod(String name, String phase, String annotations) {
    return object(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: %s, namespace: prod, annotations: %s}
        spec: {restartPolicy: Always}
        status: {phase: %s}
        """
            .formatted(name, annotations, phase));
  }

  private static final LiveObject CONFIG_MAP =
      object("{apiVersion: v1, kind: ConfigMap, metadata: {name: cfg, namespace: prod}}");

  @Test
  void noResourcesIsHealthy() {
    assertThat(assessor.assessApplication(List.of()).status()).isEqualTo(HealthStatus.HEALTHY);
  }

  @Test
  void worstCountedResourceWins() {
    ApplicationHealth health =
        assessor.assessApplication(
            List.of(
                ManagedResource.live(pod("ok", "Succeeded", "{}")),
                ManagedResource.live(pod("bad", "Failed", "{}")),
                ManagedResource.live(pod("new", "Pending", "{}")),
                ManagedResource.live(CONFIG_MAP)));

    assertThat(health.status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(health.resources())
        .extracting(e -> e.health().identity())
        .containsExactly("Pod/prod/ok", "Pod/prod/bad", "Pod/prod/new", "ConfigMap/prod/cfg");
    assertThat(health.resources().get(3).counted()).isFalse();
    assertThat(health.resources().get(3).reason()).isEqualTo("no health check for this kind");
  }

  @Test
  void hooksAndIgnoredResourcesDoNotCount() {
    ApplicationHealth health =
        assessor.assessApplication(
            List.of(
                ManagedResource.live(pod("hook", "Failed", "{argocd.argoproj.io/hook: PreSync}")),
                ManagedResource.live(pod("helm", "Failed", "{helm.sh/hook: pre-install}")),
                ManagedResource.live(
                    pod("ignored", "Failed", "{argocd.argoproj.io/ignore-healthcheck: \"true\"}")),
                ManagedResource.live(pod("fine", "Succeeded", "{}"))));

    assertThat(health.status()).isEqualTo(HealthStatus.HEALTHY);
    assertThat(health.resources())
        .extracting(ApplicationHealth.Entry::reason)
        .containsExactly("hook", "hook", "annotated argocd.argoproj.io/ignore-healthcheck", "");
  }

  @Test
  void missingResourceCountsOnlyWhenItsKindHasACheck() {
    LiveObject deployment =
        object("{apiVersion: apps/v1, kind: Deployment, metadata: {name: web, namespace: prod}}");

    ApplicationHealth withMissingDeployment =
        assessor.assessApplication(
            List.of(ManagedResource.missing(deployment), ManagedResource.missing(CONFIG_MAP)));

    assertThat(withMissingDeployment.status()).isEqualTo(HealthStatus.MISSING);
    assertThat(withMissingDeployment.resources().get(0).health().source())
        .isEqualTo(ResourceHealth.Source.ABSENT);
    assertThat(withMissingDeployment.resources().get(1).counted()).isFalse();

    ApplicationHealth onlyMissingConfigMap =
        assessor.assessApplication(List.of(ManagedResource.missing(CONFIG_MAP)));
    assertThat(onlyMissingConfigMap.status()).isEqualTo(HealthStatus.HEALTHY);
  }

  @Test
  void childApplicationThatIsUnknownOrMissingDoesNotCount() {
    HealthAssessor withAppScript =
        new HealthAssessor(
            HealthOptions.defaults()
                .withArgoConfigMap(
                    Map.of(
                        "resource.customizations.health.argoproj.io_Application",
                        "return {status = obj.status.health.status}")));
    LiveObject unknownChild =
        object(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: child, namespace: argocd}
            status: {health: {status: Unknown}}
            """);
    LiveObject degradedChild =
        object(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: child2, namespace: argocd}
            status: {health: {status: Degraded}}
            """);

    assertThat(
            withAppScript.assessApplication(List.of(ManagedResource.live(unknownChild))).status())
        .isEqualTo(HealthStatus.HEALTHY);
    assertThat(
            withAppScript.assessApplication(List.of(ManagedResource.live(degradedChild))).status())
        .isEqualTo(HealthStatus.DEGRADED);
  }

  @Test
  void targetMarkedSkipHookIsLeftOut() {
    LiveObject target = pod("skipped", "Failed", "{argocd.argoproj.io/hook: Skip}");
    ManagedResource resource =
        new ManagedResource(
            target.groupKind(),
            "prod",
            "skipped",
            Optional.of(target),
            Optional.of(pod("skipped", "Failed", "{}")));

    ApplicationHealth health = assessor.assessApplication(List.of(resource));

    assertThat(health.status()).isEqualTo(HealthStatus.HEALTHY);
    assertThat(health.resources().get(0).reason()).isEqualTo("hook of type Skip");
  }
}
