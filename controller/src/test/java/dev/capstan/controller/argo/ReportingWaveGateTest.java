package dev.capstan.controller.argo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.cluster.ResourceKey;
import dev.capstan.engine.sync.Wave;
import dev.capstan.engine.sync.WaveGate;
import dev.capstan.engine.sync.WaveGate.NotReady;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportingWaveGateTest {

  private static final ResourceKey GATE = new ResourceKey("capstan.test", "Gate", "apps", "gate");
  private static final Wave WAVE = new Wave(-1, List.of(), List.of());

  @Test
  void reportsWhatTheWaveWaitsForUntilItIsHealthy() {
    ReportingWaveGate gate =
        new ReportingWaveGate(
            scripted(
                notReady("Progressing: starting (not healthy within 2s)"),
                notReady("Progressing: starting (not healthy within 2s)"),
                Optional.empty()),
            Duration.ofMinutes(5));
    List<String> heard = new ArrayList<>();
    Optional<NotReady> result =
        ReportingWaveGate.reporting(
            (wave, reason) -> heard.add(wave.number() + " " + reason), () -> gate.await(WAVE));
    assertThat(result).isEmpty();
    assertThat(heard)
        .containsExactly(
            "-1 Gate/apps/gate is Progressing: starting",
            "-1 Gate/apps/gate is Progressing: starting");
  }

  @Test
  void anApiServerThatDoesNotAnswerStopsTheWaveAtOnce() {
    ReportingWaveGate gate =
        new ReportingWaveGate(
            scripted(
                notReady(
                    "Unknown: Gate/apps/gate get failed (no response): Connection refused"
                        + " (not healthy within 2s)")),
            Duration.ofMinutes(5));
    Optional<NotReady> result = gate.await(WAVE);
    assertThat(result).get().extracting(NotReady::reason).asString().endsWith("Connection refused");
    assertThat(ReportingWaveGate.apiServerUnavailable(result.get().reason())).isTrue();
    assertThat(ReportingWaveGate.apiServerUnavailable("ConfigMap/a/b apply failed (HTTP 422): x"))
        .isFalse();
  }

  @Test
  void degradedStopsAtOnceAndTheTimeoutStillHolds() {
    assertThat(
            new ReportingWaveGate(scripted(notReady("Degraded: crash loop")), Duration.ofMinutes(5))
                .await(WAVE))
        .get()
        .extracting(NotReady::reason)
        .isEqualTo("Degraded: crash loop");
    assertThat(
            new ReportingWaveGate(scripted(notReady("Progressing: slow")), Duration.ZERO)
                .await(WAVE))
        .get()
        .extracting(NotReady::reason)
        .isEqualTo("Progressing: slow (not healthy within 0s)");
  }

  private static Optional<NotReady> notReady(String reason) {
    return Optional.of(new NotReady(GATE, reason));
  }

  @SafeVarargs
  private static java.util.function.Supplier<WaveGate> scripted(Optional<NotReady>... answers) {
    Deque<Optional<NotReady>> queue = new ArrayDeque<>(List.of(answers));
    return () -> wave -> queue.size() > 1 ? queue.poll() : queue.peek();
  }
}
