package dev.capstan.engine.sync;

/** What a sync did (or, in a dry run, would do) to one object. */
public enum Action {
  /** The object did not exist and was created. */
  CREATED("Created"),
  /** The object existed and was changed. */
  CONFIGURED("Configured"),
  /** The object already matched; nothing was sent. */
  UNCHANGED("Unchanged"),
  /** The object was pruned. */
  DELETED("Deleted"),
  /** The object was deliberately left alone; the message says why. */
  SKIPPED("Skipped"),
  /** The operation failed; the message says why. */
  FAILED("Failed");

  private final String label;

  Action(String label) {
    this.label = label;
  }

  /** True for the actions that changed (or would change) the cluster. */
  public boolean changes() {
    return this == CREATED || this == CONFIGURED || this == DELETED;
  }

  /** The PascalCase name used in status, events and CLI output. */
  @Override
  public String toString() {
    return label;
  }
}
