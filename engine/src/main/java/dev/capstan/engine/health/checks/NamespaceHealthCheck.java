package dev.capstan.engine.health.checks;

import dev.capstan.engine.health.HealthCheck;
import dev.capstan.engine.health.HealthResult;
import dev.capstan.engine.health.LiveObject;
import java.util.Optional;

/**
 * Health of core {@code Namespace}: {@code Active} (or no phase yet, as on a freshly created
 * object) is Healthy; {@code Terminating} is Progressing, since the namespace is going away and may
 * hang on finalizers. A true {@code NamespaceDeletion*Failure} condition makes a terminating
 * namespace Degraded. Argo CD has no built-in Namespace check; this follows what the API reports.
 */
public final class NamespaceHealthCheck implements HealthCheck {

  @Override
  public Optional<HealthResult> assess(LiveObject live) {
    String phase = live.string("status.phase", "Active");
    if ("Terminating".equals(phase)) {
      Optional<String> failure =
          live.conditions().stream()
              .filter(c -> c.type().startsWith("NamespaceDeletion") && c.type().endsWith("Failure"))
              .filter(c -> c.isTrue())
              .map(c -> c.message())
              .findFirst();
      return Optional.of(
          failure.isPresent()
              ? HealthResult.degraded(failure.get())
              : HealthResult.progressing("Namespace is terminating"));
    }
    return Optional.of(HealthResult.healthy(""));
  }
}
