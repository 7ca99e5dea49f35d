package dev.capstan.cli.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code capstan app diff NAME}: the difference between Git and the cluster, computed with a
 * server-side dry run exactly as a sync would; exit code 1 when they differ, 0 when not (as {@code
 * argocd app diff}). Secret values are masked.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = "Show what a sync would change (exit 1 when different).")
public final class AppDiffCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClusterOptions cluster;

  @Parameters(index = "0", description = "Application name (or NAMESPACE/NAME).")
  String name;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (AppBackend backend = cluster.open()) {
      var app = backend.get(name);
      List<AppBackend.ResourceChange> drifted =
          backend.diff(app).stream().filter(AppBackend.ResourceChange::modified).toList();
      for (AppBackend.ResourceChange d : drifted) {
        out.println(
            "===== "
                + d.group()
                + "/"
                + d.kind()
                + " "
                + d.namespace()
                + "/"
                + d.name()
                + " ("
                + d.status()
                + ") ======");
        out.print(d.diff());
      }
      out.flush();
      return drifted.isEmpty() ? 0 : 1;
    }
  }
}
