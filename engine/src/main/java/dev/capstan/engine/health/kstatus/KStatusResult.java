package dev.capstan.engine.health.kstatus;

import dev.capstan.engine.health.Condition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of kstatus computation.
 *
 * @param status the status
 * @param message why
 * @param conditions the standard conditions ({@code Reconciling} or {@code Stalled}) that belong on
 *     the object for this status; empty when it is Current
 */
public record KStatusResult(KStatus status, String message, List<Condition> conditions) {

  /** Copies the list and normalises a null message. */
  public KStatusResult {
    Objects.requireNonNull(status, "status");
    message = message == null ? "" : message;
    conditions = List.copyOf(conditions);
  }

  /** Current with a message and no conditions. */
  static KStatusResult current(String message) {
    return new KStatusResult(KStatus.CURRENT, message, List.of());
  }

  /** InProgress with a {@code Reconciling=True} condition carrying the reason. */
  static KStatusResult inProgress(String reason, String message) {
    return new KStatusResult(
        KStatus.IN_PROGRESS,
        message,
        List.of(new Condition(KStatusComputer.RECONCILING, "True", reason, message)));
  }

  /** Failed with a {@code Stalled=True} condition carrying the reason. */
  static KStatusResult failed(String reason, String message) {
    return new KStatusResult(
        KStatus.FAILED,
        message,
        List.of(new Condition(KStatusComputer.STALLED, "True", reason, message)));
  }

  /** The result's condition of a type. */
  public Optional<Condition> condition(String type) {
    return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
  }
}
