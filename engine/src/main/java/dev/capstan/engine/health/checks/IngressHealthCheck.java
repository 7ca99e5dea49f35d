package dev.capstan.engine.health.checks;

import dev.capstan.engine.health.HealthCheck;
import dev.capstan.engine.health.HealthResult;
import dev.capstan.engine.health.LiveObject;
import java.util.Optional;

/**
 * Health of {@code Ingress} ({@code networking.k8s.io} and {@code extensions}): Healthy once the
 * controller has published at least one load-balancer ingress point, Progressing before.
 */
public final class IngressHealthCheck implements HealthCheck {

  @Override
  public Optional<HealthResult> assess(LiveObject live) {
    if (live.list("status.loadBalancer.ingress").isEmpty()) {
      return Optional.of(HealthResult.progressing(""));
    }
    return Optional.of(HealthResult.healthy(""));
  }
}
