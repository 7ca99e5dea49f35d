package dev.capstan.cli.app;

import dev.capstan.controller.api.argo.Application;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code capstan app list}: one line per Application. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List Applications.")
public final class AppListCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClusterOptions cluster;

  @Option(
      names = {"-A", "--all-namespaces"},
      description = "Applications of every namespace.")
  boolean all;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      description = "table, wide, json, yaml or name.")
  String output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (AppBackend backend = cluster.open()) {
      List<Application> items = backend.list(all);
      switch (output) {
        case "json" -> out.println(AppViews.json(items));
        case "yaml" -> out.print(AppViews.yaml(items));
        case "name" ->
            items.forEach(
                a -> out.println(a.getMetadata().getNamespace() + "/" + a.getMetadata().getName()));
        case "wide" -> AppViews.list(items, true, out);
        case "table" -> AppViews.list(items, false, out);
        default ->
            throw new IllegalArgumentException(
                "unknown output format " + output + " (table, wide, json, yaml, name)");
      }
    }
    out.flush();
    return 0;
  }
}
