package dev.capstan.cli.app;

import dev.capstan.controller.argo.ApplicationPreview;
import dev.capstan.engine.diff.DiffResult;
import dev.capstan.engine.diff.ResourceDiff;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
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
    try (KubernetesClient client = cluster.connect()) {
      var app = cluster.require(client, name);
      DiffResult diff =
          new ApplicationPreview(client, cluster.namespaceOf(name), CliCache.gitCache()).diff(app);
      for (ResourceDiff d : diff.drifted()) {
        out.println(
            "===== "
                + (d.key().group().isEmpty() ? "" : d.key().group())
                + "/"
                + d.key().kind()
                + " "
                + d.key().namespace()
                + "/"
                + d.key().name()
                + " ("
                + d.status()
                + ") ======");
        out.print(d.unifiedDiff());
      }
      out.flush();
      return diff.inSync() ? 0 : 1;
    }
  }
}
