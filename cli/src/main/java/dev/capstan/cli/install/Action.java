package dev.capstan.cli.install;

/** What an install did, or in a dry run would do, to one object. */
public enum Action {
  /** The object did not exist and was created. */
  CREATED("created", "would create"),

  /** The object existed and the apply changed it. */
  CONFIGURED("configured", "would configure"),

  /** The object existed and was left as it was. */
  UNCHANGED("unchanged", "unchanged");

  private final String done;
  private final String planned;

  Action(String done, String planned) {
    this.done = done;
    this.planned = planned;
  }

  /** How the action reads in a report: past tense, or conditional in a dry run. */
  public String describe(boolean dryRun) {
    return dryRun ? planned : done;
  }
}
