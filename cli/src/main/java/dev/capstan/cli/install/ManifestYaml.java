package dev.capstan.cli.install;

import java.io.PrintWriter;

/**
 * Writes an {@link InstallPlan} as one multi-document YAML stream, each manifest as written in the
 * controller's resources (comments included), so it can be reviewed or applied with {@code kubectl
 * apply --server-side -f -}.
 */
public final class ManifestYaml {
  private ManifestYaml() {}

  /** Writes every planned manifest, CRDs first, separated by {@code ---}. */
  public static void write(InstallPlan plan, PrintWriter out) {
    boolean first = true;
    for (PlannedObject object : plan.all()) {
      if (!first) {
        out.println("---");
      }
      first = false;
      String text = object.manifest();
      out.print(text.endsWith("\n") ? text : text + "\n");
    }
    out.flush();
  }
}
