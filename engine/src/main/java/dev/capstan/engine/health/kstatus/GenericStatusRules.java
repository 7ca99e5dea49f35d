package dev.capstan.engine.health.kstatus;

import dev.capstan.engine.health.Condition;
import dev.capstan.engine.health.LiveObject;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The kstatus rules that apply to every object before any kind-specific rule: deletion, an
 * unobserved generation, and the standard {@code Reconciling} / {@code Stalled} conditions
 * ("abnormal-true" polarity: their absence means all is well).
 */
final class GenericStatusRules {

  private GenericStatusRules() {}

  /** A decision from the generic properties, or empty to go on to the kind's rules. */
  static Optional<KStatusResult> decide(LiveObject live) {
    if (live.isBeingDeleted()) {
      return Optional.of(
          new KStatusResult(KStatus.TERMINATING, "Resource scheduled for deletion", List.of()));
    }
    Optional<KStatusResult> generation = unobservedGeneration(live);
    if (generation.isPresent()) {
      return generation;
    }
    for (Condition c : live.conditions()) {
      if (KStatusComputer.RECONCILING.equals(c.type()) && c.isTrue()) {
        return Optional.of(KStatusResult.inProgress(c.reason(), c.message()));
      }
      if (KStatusComputer.STALLED.equals(c.type()) && c.isTrue()) {
        return Optional.of(KStatusResult.failed(c.reason(), c.message()));
      }
    }
    return Optional.empty();
  }

  /**
   * For kinds without rules of their own: a {@code Ready} condition that is not {@code True} means
   * the object is still InProgress; otherwise it is Current.
   */
  static KStatusResult readyOrCurrent(LiveObject live) {
    Optional<Condition> ready = live.condition("Ready");
    if (ready.isPresent() && !ready.get().isTrue()) {
      String reason = ready.get().reason().isEmpty() ? "NotReady" : ready.get().reason();
      return KStatusResult.inProgress(reason, ready.get().message());
    }
    return KStatusResult.current("Resource is current");
  }

  private static Optional<KStatusResult> unobservedGeneration(LiveObject live) {
    OptionalLong generation = live.integer("metadata.generation");
    OptionalLong observed = live.integer("status.observedGeneration");
    if (generation.isEmpty() || observed.isEmpty()) {
      return Optional.empty();
    }
    if (generation.getAsLong() != observed.getAsLong()) {
      String message =
          "%s generation is %d, but latest observed generation is %d"
              .formatted(live.kind(), generation.getAsLong(), observed.getAsLong());
      return Optional.of(KStatusResult.inProgress("LatestGenerationNotObserved", message));
    }
    return Optional.empty();
  }
}
