package dev.capstan.engine.health.checks;

import dev.capstan.engine.health.HealthCheck;
import dev.capstan.engine.health.HealthResult;
import dev.capstan.engine.health.LiveObject;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Health of {@code apps/Deployment}, as Argo CD assesses it: paused is Suspended; until the
 * controller has observed the latest generation and every replica is updated and available it is
 * Progressing; an exceeded progress deadline is Degraded.
 */
public final class DeploymentHealthCheck implements HealthCheck {

  @Override
  public Optional<HealthResult> assess(LiveObject live) {
    if (live.bool("spec.paused").orElse(false)) {
      return Optional.of(HealthResult.suspended("Deployment is paused"));
    }
    if (live.integer("metadata.generation", 0) > live.integer("status.observedGeneration", 0)) {
      return Optional.of(
          HealthResult.progressing(
              "Waiting for rollout to finish: observed deployment generation less than desired"
                  + " generation"));
    }
    boolean deadlineExceeded =
        live.condition("Progressing")
            .filter(c -> "ProgressDeadlineExceeded".equals(c.reason()))
            .isPresent();
    if (deadlineExceeded) {
      return Optional.of(
          HealthResult.degraded(
              "Deployment \"" + live.name() + "\" exceeded its progress deadline"));
    }
    OptionalLong specReplicas = live.integer("spec.replicas");
    long replicas = live.integer("status.replicas", 0);
    long updated = live.integer("status.updatedReplicas", 0);
    long available = live.integer("status.availableReplicas", 0);
    if (specReplicas.isPresent() && updated < specReplicas.getAsLong()) {
      return Optional.of(
          HealthResult.progressing(
              "Waiting for rollout to finish: %d out of %d new replicas have been updated..."
                  .formatted(updated, specReplicas.getAsLong())));
    }
    if (replicas > updated) {
      return Optional.of(
          HealthResult.progressing(
              "Waiting for rollout to finish: %d old replicas are pending termination..."
                  .formatted(replicas - updated)));
    }
    if (available < updated) {
      return Optional.of(
          HealthResult.progressing(
              "Waiting for rollout to finish: %d of %d updated replicas are available..."
                  .formatted(available, updated)));
    }
    return Optional.of(HealthResult.healthy(""));
  }
}
