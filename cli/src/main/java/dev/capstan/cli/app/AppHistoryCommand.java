package dev.capstan.cli.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capstan app history NAME}: the deployment history (ids for rollback). */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "Show an Application's deployment history.")
public final class AppHistoryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClusterOptions cluster;

  @Parameters(index = "0", description = "Application name (or NAMESPACE/NAME).")
  String name;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      description = "table, json or yaml.")
  String output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (AppBackend backend = cluster.open()) {
      var app = backend.get(name);
      switch (output) {
        case "json" -> out.println(AppViews.json(AppViews.status(app).history()));
        case "yaml" -> out.print(AppViews.yaml(AppViews.status(app).history()));
        case "table", "wide" -> AppViews.history(app, out);
        default ->
            throw new IllegalArgumentException(
                "unknown output format " + output + " (table, json, yaml)");
      }
    }
    out.flush();
    return 0;
  }
}
