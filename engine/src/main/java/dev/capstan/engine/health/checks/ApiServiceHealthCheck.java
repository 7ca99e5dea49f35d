package dev.capstan.engine.health.checks;

import dev.capstan.engine.health.Condition;
import dev.capstan.engine.health.HealthCheck;
import dev.capstan.engine.health.HealthResult;
import dev.capstan.engine.health.LiveObject;
import java.util.Optional;

/**
 * Health of {@code apiregistration.k8s.io/APIService} (v1 and v1beta1): Healthy when the {@code
 * Available} condition is true, Progressing otherwise or before it is reported.
 */
public final class ApiServiceHealthCheck implements HealthCheck {

  @Override
  public Optional<HealthResult> assess(LiveObject live) {
    Optional<Condition> available = live.condition("Available");
    if (available.isEmpty()) {
      return Optional.of(HealthResult.progressing("Waiting to be processed"));
    }
    Condition c = available.get();
    String message = c.reason() + ": " + c.message();
    return Optional.of(
        c.isTrue() ? HealthResult.healthy(message) : HealthResult.progressing(message));
  }
}
