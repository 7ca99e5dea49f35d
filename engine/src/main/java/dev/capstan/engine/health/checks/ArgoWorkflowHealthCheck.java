package dev.capstan.engine.health.checks;

import dev.capstan.engine.health.HealthCheck;
import dev.capstan.engine.health.HealthResult;
import dev.capstan.engine.health.LiveObject;
import java.util.Optional;

/**
 * Health of {@code argoproj.io/Workflow}, which Argo CD treats as built-in: by {@code
 * status.phase}, none/Pending/Running is Progressing, Succeeded Healthy, Failed/Error Degraded,
 * anything else Unknown. The message is {@code status.message}.
 */
public final class ArgoWorkflowHealthCheck implements HealthCheck {

  @Override
  public Optional<HealthResult> assess(LiveObject live) {
    String message = live.string("status.message", "");
    return Optional.of(
        switch (live.string("status.phase", "")) {
          case "", "Pending", "Running" -> HealthResult.progressing(message);
          case "Succeeded" -> HealthResult.healthy(message);
          case "Failed", "Error" -> HealthResult.degraded(message);
          default -> HealthResult.unknown(message);
        });
  }
}
