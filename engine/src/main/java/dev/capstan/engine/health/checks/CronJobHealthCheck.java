package dev.capstan.engine.health.checks;

import dev.capstan.engine.health.HealthCheck;
import dev.capstan.engine.health.HealthResult;
import dev.capstan.engine.health.LiveObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Health of {@code batch/CronJob}, agreeing with Argo CD's bundled {@code batch/CronJob} health
 * customization: a CronJob is always Healthy unless its last scheduled run has not succeeded since
 * (last successful time before last schedule time, with no job running), which is Degraded.
 * Suspended, running, never-scheduled and never-succeeded CronJobs are Healthy with a message
 * saying so.
 */
public final class CronJobHealthCheck implements HealthCheck {

  @Override
  public Optional<HealthResult> assess(LiveObject live) {
    if (live.bool("spec.suspend").orElse(false)) {
      return healthy("CronJob is Suspended");
    }
    if (!live.list("status.active").isEmpty()) {
      return healthy("The job is running. Its last execution may not have been successful");
    }
    Optional<Instant> lastSchedule = instant(live, "status.lastScheduleTime");
    if (lastSchedule.isEmpty()) {
      return healthy("CronJob has not been scheduled yet");
    }
    Optional<Instant> lastSuccess = instant(live, "status.lastSuccessfulTime");
    if (lastSuccess.isEmpty()) {
      return healthy("The CronJob never completed successfully. It may not be healthy");
    }
    if (lastSuccess.get().isBefore(lastSchedule.get())) {
      return Optional.of(
          HealthResult.degraded("CronJob has not completed its last execution successfully"));
    }
    return healthy("CronJob has completed its last execution successfully");
  }

  private static Optional<HealthResult> healthy(String message) {
    return Optional.of(HealthResult.healthy(message));
  }

  private static Optional<Instant> instant(LiveObject live, String path) {
    try {
      return live.string(path).filter(s -> !s.isEmpty()).map(Instant::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
