package dev.capstan.engine.health.checks;

import dev.capstan.engine.health.Condition;
import dev.capstan.engine.health.HealthCheck;
import dev.capstan.engine.health.HealthResult;
import dev.capstan.engine.health.LiveObject;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Health of {@code apps/ReplicaSet}, as Argo CD assesses it: a true {@code ReplicaFailure}
 * condition is Degraded; fewer available replicas than desired, or an unobserved generation, is
 * Progressing.
 */
public final class ReplicaSetHealthCheck implements HealthCheck {

  @Override
  public Optional<HealthResult> assess(LiveObject live) {
    if (live.integer("metadata.generation", 0) > live.integer("status.observedGeneration", 0)) {
      return Optional.of(
          HealthResult.progressing(
              "Waiting for rollout to finish: observed replica set generation less than desired"
                  + " generation"));
    }
    Optional<Condition> failure = live.condition("ReplicaFailure").filter(Condition::isTrue);
    if (failure.isPresent()) {
      return Optional.of(HealthResult.degraded(failure.get().message()));
    }
    OptionalLong specReplicas = live.integer("spec.replicas");
    long available = live.integer("status.availableReplicas", 0);
    if (specReplicas.isPresent() && available < specReplicas.getAsLong()) {
      return Optional.of(
          HealthResult.progressing(
              "Waiting for rollout to finish: %d out of %d new replicas are available..."
                  .formatted(available, specReplicas.getAsLong())));
    }
    return Optional.of(HealthResult.healthy(""));
  }
}
