package dev.capstan.engine.health.kstatus;

/**
 * The status vocabulary of kstatus ({@code sigs.k8s.io/cli-utils/pkg/kstatus}), which Flux uses to
 * decide whether applied objects are ready.
 */
public enum KStatus {
  /** The object is still being reconciled towards its desired state. */
  IN_PROGRESS("InProgress"),
  /** Reconciliation failed and will not progress without a change. */
  FAILED("Failed"),
  /** The object has reached its desired state. */
  CURRENT("Current"),
  /** The object is being deleted. */
  TERMINATING("Terminating"),
  /** The object does not exist. */
  NOT_FOUND("NotFound"),
  /** The status could not be determined. */
  UNKNOWN("Unknown");

  private final String wireName;

  KStatus(String wireName) {
    this.wireName = wireName;
  }

  /** The name kstatus prints, e.g. {@code InProgress}. */
  public String wireName() {
    return wireName;
  }

  @Override
  public String toString() {
    return wireName;
  }
}
