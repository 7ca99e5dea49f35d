package dev.capstan.engine.health.kstatus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.health.HealthCorpus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class KStatusComputerTest {

  private final KStatusComputer computer =
      new KStatusComputer(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

  @Test
  void deletionIsTerminating() {
    KStatusResult result =
        computer.compute(
            HealthCorpus.yamlText(
                "{apiVersion: v1, kind: Pod, metadata: {name: p, deletionTimestamp: '2025-01-01T00:00:00Z'}}"));

    assertThat(result.status()).isEqualTo(KStatus.TERMINATING);
  }

  @Test
  void stalledConditionOnACustomResourceIsFailed() {
    KStatusResult result =
        computer.compute(
            HealthCorpus.yamlText(
                """
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata: {name: app, generation: 2}
                status:
                  observedGeneration: 2
                  conditions:
                  - {type: Ready, status: "False", reason: BuildFailed, message: "kustomize build failed"}
                  - {type: Stalled, status: "True", reason: BuildFailed, message: "kustomize build failed"}
                """));

    assertThat(result.status()).isEqualTo(KStatus.FAILED);
    assertThat(result.message()).isEqualTo("kustomize build failed");
    assertThat(result.condition("Stalled").orElseThrow().reason()).isEqualTo("BuildFailed");
  }

  @Test
  void podUnschedulableForLongerThanTheWindowIsFailed() {
    KStatusResult result =
        computer.compute(
            HealthCorpus.yamlText(
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: p, creationTimestamp: "2025-12-31T23:59:00Z"}
                status:
                  phase: Pending
                  conditions: [{type: PodScheduled, status: "False", reason: Unschedulable}]
                """));

    assertThat(result.status()).isEqualTo(KStatus.FAILED);
    assertThat(result.condition("Stalled").orElseThrow().reason()).isEqualTo("PodUnschedulable");
  }

  @Test
  void missingObjectIsNotFound() {
    assertThat(KStatusComputer.notFound().status()).isEqualTo(KStatus.NOT_FOUND);
  }
}
