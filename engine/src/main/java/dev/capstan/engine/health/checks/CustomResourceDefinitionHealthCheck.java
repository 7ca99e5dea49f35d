package dev.capstan.engine.health.checks;

import dev.capstan.engine.health.Condition;
import dev.capstan.engine.health.HealthCheck;
import dev.capstan.engine.health.HealthResult;
import dev.capstan.engine.health.LiveObject;
import java.util.List;
import java.util.Optional;

/**
 * Health of {@code apiextensions.k8s.io/CustomResourceDefinition}, agreeing with Argo CD's bundled
 * CRD health customization: terminating is Progressing; names not accepted, not established (other
 * than while installing) or a non-structural schema is Degraded; otherwise Healthy.
 */
public final class CustomResourceDefinitionHealthCheck implements HealthCheck {

  @Override
  public Optional<HealthResult> assess(LiveObject live) {
    if (live.isBeingDeleted()) {
      return Optional.of(HealthResult.progressing("CRD is terminating"));
    }
    List<Condition> conditions = live.conditions();
    if (conditions.isEmpty()) {
      return Optional.of(HealthResult.progressing("Status conditions not found"));
    }
    Optional<Condition> terminating = find(conditions, "Terminating").filter(Condition::isTrue);
    if (terminating.isPresent()) {
      return Optional.of(
          HealthResult.progressing("CRD is terminating: " + terminating.get().message()));
    }
    Optional<Condition> names = find(conditions, "NamesAccepted").filter(Condition::isFalse);
    if (names.isPresent()) {
      return Optional.of(
          HealthResult.degraded("CRD names have not been accepted: " + names.get().message()));
    }
    Optional<Condition> established = find(conditions, "Established").filter(c -> !c.isTrue());
    if (established.isPresent()) {
      return Optional.of(
          "Installing".equals(established.get().reason())
              ? HealthResult.progressing("CRD is being installed")
              : HealthResult.degraded("CRD is not established"));
    }
    Optional<Condition> schema = find(conditions, "NonStructuralSchema").filter(Condition::isTrue);
    if (schema.isPresent()) {
      return Optional.of(
          HealthResult.degraded("Schema violations found: " + schema.get().message()));
    }
    return Optional.of(HealthResult.healthy("CRD is healthy"));
  }

  private static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
  }
}
