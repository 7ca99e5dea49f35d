package dev.capstan.engine.health.checks;

import dev.capstan.engine.health.HealthCheck;
import dev.capstan.engine.health.HealthResult;
import dev.capstan.engine.health.LiveObject;
import java.util.Optional;

/**
 * Health of core {@code PersistentVolumeClaim} by phase: {@code Bound} is Healthy, {@code Pending}
 * Progressing, {@code Lost} Degraded, anything else Unknown.
 */
public final class PersistentVolumeClaimHealthCheck implements HealthCheck {

  @Override
  public Optional<HealthResult> assess(LiveObject live) {
    return Optional.of(
        switch (live.string("status.phase", "")) {
          case "Bound" -> HealthResult.healthy("");
          case "Pending" -> HealthResult.progressing("");
          case "Lost" -> HealthResult.degraded("");
          default -> HealthResult.unknown("");
        });
  }
}
