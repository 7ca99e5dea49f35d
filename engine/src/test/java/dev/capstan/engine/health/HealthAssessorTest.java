package dev.capstan.engine.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthAssessorTest {

  private static LiveObject object(String yaml) {
    return LiveObject.of(HealthCorpus.yamlText(yaml));
  }

  private static final LiveObject PAUSED_DEPLOYMENT =
      object(
          """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web, namespace: prod}
          spec: {paused: true}
          """);

  @Test
  void builtInCheckByDefault() {
    ResourceHealth health = HealthAssessor.withDefaults().assess(PAUSED_DEPLOYMENT);

    assertThat(health.identity()).isEqualTo("Deployment/prod/web");
    assertThat(health.result()).contains(HealthResult.suspended("Deployment is paused"));
    assertThat(health.source()).isEqualTo(ResourceHealth.Source.BUILT_IN);
  }

  @Test
  void customScriptWinsOverBuiltIn() {
    HealthOptions options =
        HealthOptions.defaults()
            .withArgoConfigMap(
                Map.of(
                    "resource.customizations.health.apps_Deployment",
                    "return {status = 'Degraded', message = 'scripted ' .. obj.metadata.name}",
                    "resource.customizations.ignoreDifferences.apps_Deployment",
                    "not a health key"));

    ResourceHealth health = new HealthAssessor(options).assess(PAUSED_DEPLOYMENT);

    assertThat(health.result()).contains(HealthResult.degraded("scripted web"));
    assertThat(health.source()).isEqualTo(ResourceHealth.Source.SCRIPT);
  }

  @Test
  void overrideWinsOverScriptAndEmptyOverrideFallsThrough() {
    GroupKind deployment = new GroupKind("apps", "Deployment");
    HealthOptions options =
        HealthOptions.defaults()
            .withArgoConfigMap(
                Map.of(
                    "resource.customizations.health.apps_Deployment",
                    "return {status = 'Degraded'}"))
            .withOverride(deployment, live -> Optional.of(HealthResult.healthy("override")));

    assertThat(new HealthAssessor(options).assess(PAUSED_DEPLOYMENT).result())
        .contains(HealthResult.healthy("override"));

    HealthOptions silent = options.withOverride(deployment, live -> Optional.empty());
    assertThat(new HealthAssessor(silent).assess(PAUSED_DEPLOYMENT).source())
        .isEqualTo(ResourceHealth.Source.SCRIPT);
  }

  @Test
  void scriptWithoutOpinionFallsBackToBuiltIn() {
    HealthOptions options =
        HealthOptions.defaults()
            .withArgoConfigMap(
                Map.of("resource.customizations.health.apps_Deployment", "return nil"));

    assertThat(new HealthAssessor(options).assess(PAUSED_DEPLOYMENT).source())
        .isEqualTo(ResourceHealth.Source.BUILT_IN);
  }

  @Test
  void objectBeingDeletedIsProgressingUnlessHeldByHookFinalizer() {
    LiveObject deleting =
        object(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: n, deletionTimestamp: "2024-01-01T00:00:00Z"}
            status: {phase: Succeeded}
            """);
    LiveObject hook =
        object(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              namespace: n
              deletionTimestamp: "2024-01-01T00:00:00Z"
              finalizers: [argocd.argoproj.io/hook-finalizer]
            status: {phase: Succeeded}
            """);

    assertThat(HealthAssessor.withDefaults().assess(deleting).result())
        .contains(HealthResult.progressing("Pending deletion"));
    assertThat(HealthAssessor.withDefaults().assess(hook).result())
        .contains(HealthResult.healthy(""));
  }

  @Test
  void loopingCustomScriptIsStoppedAndTheObjectIsUnknown() {
    HealthOptions options =
        HealthOptions.defaults()
            .withLuaLimits(
                dev.capstan.engine.health.lua.LuaLimits.defaults()
                    .withTimeout(java.time.Duration.ofMillis(300))
                    .withMaxInstructions(Long.MAX_VALUE))
            .withArgoConfigMap(
                Map.of("resource.customizations.health.apps_Deployment", "while true do end"));

    ResourceHealth health = new HealthAssessor(options).assess(PAUSED_DEPLOYMENT);

    assertThat(health.source()).isEqualTo(ResourceHealth.Source.SCRIPT);
    assertThat(health.result())
        .contains(
            HealthResult.unknown(
                "Deployment/prod/web health script resource.customizations.health.apps_Deployment"
                    + " stopped (LimitExceeded): exceeded the time limit of 300 ms"));
  }

  @Test
  void kindWithoutCheckHasNoOpinion() {
    ResourceHealth health =
        HealthAssessor.withDefaults()
            .assess(
                Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "c")));

    assertThat(health.result()).isEmpty();
    assertThat(health.source()).isEqualTo(ResourceHealth.Source.NONE);
  }

  @Test
  void brokenScriptMakesMatchingObjectsUnknownAndIsReported() {
    HealthOptions options =
        HealthOptions.defaults()
            .withArgoConfigMap(
                Map.of("resource.customizations.health.apps_Deployment", "return {"));

    ResourceHealth health = new HealthAssessor(options).assess(PAUSED_DEPLOYMENT);

    assertThat(options.scripts().problems()).hasSize(1);
    assertThat(health.status()).contains(HealthStatus.UNKNOWN);
    assertThat(health.result().orElseThrow().message())
        .startsWith(
            "Deployment/prod/web resource.customizations.health.apps_Deployment compile failed"
                + " (SyntaxError): ");
  }
}
