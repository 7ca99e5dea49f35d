package dev.capstan.engine.health.checks;

import dev.capstan.engine.health.Condition;
import dev.capstan.engine.health.HealthCheck;
import dev.capstan.engine.health.HealthResult;
import dev.capstan.engine.health.LiveObject;
import java.util.Optional;

/**
 * Health of {@code batch/Job}, as Argo CD assesses it: Progressing until a {@code Complete}, {@code
 * Failed} or {@code Suspended} condition appears; then {@code Failed} is Degraded, a true {@code
 * Suspended} is Suspended and otherwise the job is Healthy.
 */
public final class JobHealthCheck implements HealthCheck {

  @Override
  public Optional<HealthResult> assess(LiveObject live) {
    boolean finished = false;
    boolean failed = false;
    boolean suspended = false;
    String failMessage = "";
    String message = "";
    for (Condition c : live.conditions()) {
      switch (c.type()) {
        case "Failed" -> {
          finished = true;
          failed = true;
          failMessage = c.message();
        }
        case "Complete" -> {
          finished = true;
          message = c.message();
        }
        case "Suspended" -> {
          finished = true;
          message = c.message();
          suspended |= c.isTrue();
        }
        default -> {
          // other condition types do not decide a Job's health
        }
      }
    }
    if (!finished) {
      return Optional.of(HealthResult.progressing(message));
    }
    if (failed) {
      return Optional.of(HealthResult.degraded(failMessage));
    }
    if (suspended) {
      return Optional.of(HealthResult.suspended(message));
    }
    return Optional.of(HealthResult.healthy(message));
  }
}
