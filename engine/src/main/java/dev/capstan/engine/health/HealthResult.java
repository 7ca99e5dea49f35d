package dev.capstan.engine.health;

import java.util.Objects;

/**
 * The outcome of one health assessment: a status and a human-readable message.
 *
 * @param status the health status, never null
 * @param message why the resource has that status; empty when the check gave no reason
 */
public record HealthResult(HealthStatus status, String message) {

  /** Normalises a null message to the empty string. */
  public HealthResult {
    Objects.requireNonNull(status, "status");
    message = message == null ? "" : message;
  }

  /** A result with no message. */
  public static HealthResult of(HealthStatus status) {
    return new HealthResult(status, "");
  }

  /** Shorthand for {@code new HealthResult(HEALTHY, message)}. */
  public static HealthResult healthy(String message) {
    return new HealthResult(HealthStatus.HEALTHY, message);
  }

  /** Shorthand for {@code new HealthResult(PROGRESSING, message)}. */
  public static HealthResult progressing(String message) {
    return new HealthResult(HealthStatus.PROGRESSING, message);
  }

  /** Shorthand for {@code new HealthResult(DEGRADED, message)}. */
  public static HealthResult degraded(String message) {
    return new HealthResult(HealthStatus.DEGRADED, message);
  }

  /** Shorthand for {@code new HealthResult(SUSPENDED, message)}. */
  public static HealthResult suspended(String message) {
    return new HealthResult(HealthStatus.SUSPENDED, message);
  }

  /** Shorthand for {@code new HealthResult(UNKNOWN, message)}. */
  public static HealthResult unknown(String message) {
    return new HealthResult(HealthStatus.UNKNOWN, message);
  }
}
