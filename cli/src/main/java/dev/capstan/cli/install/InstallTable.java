package dev.capstan.cli.install;

import java.io.PrintWriter;

/** Renders an {@link InstallResult} as the short table {@code capstan install} prints. */
public final class InstallTable {
  private InstallTable() {}

  /** Writes the table and a one-line summary. */
  public static void render(InstallResult result, PrintWriter out) {
    int width = "RESOURCE".length();
    for (InstallResult.Entry e : result.entries()) {
      width = Math.max(width, e.id().length());
    }
    String format = "%-" + width + "s  %s%n";
    out.printf(format, "RESOURCE", "ACTION");
    for (InstallResult.Entry e : result.entries()) {
      String action = e.action().describe(result.dryRun());
      out.printf(format, e.id(), e.note().isEmpty() ? action : action + " (" + e.note() + ")");
    }
    out.println();
    out.println(summary(result));
    out.flush();
  }

  /** The last line of the report. */
  static String summary(InstallResult result) {
    String where = "namespace " + result.namespace();
    if (!result.changedAnything()) {
      return "Nothing to change: Capstan is already installed in " + where + ".";
    }
    if (result.dryRun()) {
      return "Dry run, nothing was changed: installing in "
          + where
          + " would create "
          + result.count(Action.CREATED)
          + ", configure "
          + result.count(Action.CONFIGURED)
          + " and leave "
          + result.count(Action.UNCHANGED)
          + " unchanged.";
    }
    return "Capstan installed in "
        + where
        + ": "
        + result.count(Action.CREATED)
        + " created, "
        + result.count(Action.CONFIGURED)
        + " configured, "
        + result.count(Action.UNCHANGED)
        + " unchanged.";
  }
}
