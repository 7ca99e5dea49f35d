package dev.capstan.engine.health;

/**
 * One entry of {@code status.conditions} as Kubernetes objects carry it. Missing fields read as
 * empty strings.
 *
 * @param type condition type, e.g. {@code Ready}
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param reason one-word PascalCase reason
 * @param message human-readable detail
 */
public record Condition(String type, String status, String reason, String message) {

  /** Normalises nulls to empty strings. */
  public Condition {
    type = type == null ? "" : type;
    status = status == null ? "" : status;
    reason = reason == null ? "" : reason;
    message = message == null ? "" : message;
  }

  /** True when the status is {@code True}. */
  public boolean isTrue() {
    return "True".equals(status);
  }

  /** True when the status is {@code False}. */
  public boolean isFalse() {
    return "False".equals(status);
  }
}
