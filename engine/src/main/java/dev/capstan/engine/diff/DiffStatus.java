package dev.capstan.engine.diff;

/** How one object compares with what Git says it should be. */
public enum DiffStatus {
  /** Applying the desired object would change nothing that is compared. */
  IN_SYNC("InSync"),
  /** Applying the desired object would change the live one. */
  OUT_OF_SYNC("OutOfSync"),
  /** The object is desired but does not exist. */
  MISSING("Missing"),
  /** The object exists and is ours, but is no longer desired: a prune candidate. */
  EXTRA("Extra");

  private final String label;

  DiffStatus(String label) {
    this.label = label;
  }

  /** The PascalCase name used in status, events and CLI output. */
  @Override
  public String toString() {
    return label;
  }
}
