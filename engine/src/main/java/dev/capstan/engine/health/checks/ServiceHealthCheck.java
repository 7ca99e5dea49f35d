package dev.capstan.engine.health.checks;

import dev.capstan.engine.health.HealthCheck;
import dev.capstan.engine.health.HealthResult;
import dev.capstan.engine.health.LiveObject;
import java.util.Optional;

/**
 * Health of core {@code Service}: Healthy, except a {@code LoadBalancer} service, which is
 * Progressing until the load balancer reports at least one ingress point.
 */
public final class ServiceHealthCheck implements HealthCheck {

  @Override
  public Optional<HealthResult> assess(LiveObject live) {
    if ("LoadBalancer".equals(live.string("spec.type", ""))
        && live.list("status.loadBalancer.ingress").isEmpty()) {
      return Optional.of(HealthResult.progressing(""));
    }
    return Optional.of(HealthResult.healthy(""));
  }
}
