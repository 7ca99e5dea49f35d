package dev.capstan.engine.health.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.health.HealthCorpus;
import dev.capstan.engine.health.HealthResult;
import dev.capstan.engine.health.LiveObject;
import org.junit.jupiter.api.Test;

class NamespaceHealthCheckTest {

  private static HealthResult assess(String yaml) {
    return new NamespaceHealthCheck()
        .assess(LiveObject.of(HealthCorpus.yamlText(yaml)))
        .orElseThrow();
  }

  @Test
  void activeOrFreshNamespaceIsHealthy() {
    assertThat(
            assess(
                "{apiVersion: v1, kind: Namespace, metadata: {name: a}, status: {phase: Active}}"))
        .isEqualTo(HealthResult.healthy(""));
    assertThat(assess("{apiVersion: v1, kind: Namespace, metadata: {name: a}}"))
        .isEqualTo(HealthResult.healthy(""));
  }

  @Test
  void terminatingNamespaceIsProgressingOrDegradedWhenDeletionFails() {
    assertThat(
            assess(
                "{apiVersion: v1, kind: Namespace, metadata: {name: a}, status: {phase: Terminating}}"))
        .isEqualTo(HealthResult.progressing("Namespace is terminating"));
    assertThat(
            assess(
                """
                apiVersion: v1
                kind: Namespace
                metadata: {name: a}
                status:
                  phase: Terminating
                  conditions:
                  - {type: NamespaceDeletionContentFailure, status: "True", message: "failed to delete pods"}
                """))
        .isEqualTo(HealthResult.degraded("failed to delete pods"));
  }
}
