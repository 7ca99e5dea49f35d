package dev.capstan.engine.health.checks;

import dev.capstan.engine.health.HealthCheck;
import dev.capstan.engine.health.HealthResult;
import dev.capstan.engine.health.LiveObject;
import java.util.Optional;

/**
 * Health of {@code apps/DaemonSet}, as Argo CD assesses it: Progressing until the latest generation
 * is observed and every desired pod is updated and available. With the {@code OnDelete} update
 * strategy pods are replaced only by hand, so an observed DaemonSet is Healthy.
 */
public final class DaemonSetHealthCheck implements HealthCheck {

  @Override
  public Optional<HealthResult> assess(LiveObject live) {
    if (live.integer("metadata.generation", 0) > live.integer("status.observedGeneration", 0)) {
      return Optional.of(
          HealthResult.progressing(
              "Waiting for rollout to finish: observed daemon set generation less than desired"
                  + " generation"));
    }
    long desired = live.integer("status.desiredNumberScheduled", 0);
    long updated = live.integer("status.updatedNumberScheduled", 0);
    long available = live.integer("status.numberAvailable", 0);
    if ("OnDelete".equals(live.string("spec.updateStrategy.type", ""))) {
      return Optional.of(
          HealthResult.healthy(
              "daemon set %d out of %d new pods have been updated".formatted(updated, desired)));
    }
    if (updated < desired) {
      return Optional.of(
          HealthResult.progressing(
              ("Waiting for daemon set \"%s\" rollout to finish: %d out of %d new pods have been"
                      + " updated...")
                  .formatted(live.name(), updated, desired)));
    }
    if (available < desired) {
      return Optional.of(
          HealthResult.progressing(
              "Waiting for daemon set \"%s\" rollout to finish: %d of %d updated pods are available..."
                  .formatted(live.name(), available, desired)));
    }
    return Optional.of(HealthResult.healthy(""));
  }
}
