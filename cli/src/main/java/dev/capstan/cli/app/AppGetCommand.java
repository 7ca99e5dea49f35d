package dev.capstan.cli.app;

import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.argo.ApplicationReconciler;
import dev.capstan.controller.runtime.ResourceVersions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capstan app get NAME}: an Application's details and resources. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Show an Application.")
public final class AppGetCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClusterOptions cluster;

  @Parameters(index = "0", description = "Application name (or NAMESPACE/NAME).")
  String name;

  @Option(
      names = "--refresh",
      description = "Ask the controller to compare with Git now, and wait for it.")
  boolean refresh;

  @Option(
      names = "--hard-refresh",
      description = "Like --refresh (Capstan keeps no manifest cache to drop).")
  boolean hardRefresh;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      description = "table, wide, json or yaml.")
  String output;

  @Option(
      names = "--timeout",
      defaultValue = "60",
      description = "Seconds to wait for a refresh (default: ${DEFAULT-VALUE}).")
  long timeout;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (AppBackend backend = cluster.open()) {
      Application app = backend.get(name);
      if (refresh || hardRefresh) {
        app = refresh(backend, app, hardRefresh ? "hard" : "normal");
      }
      switch (output) {
        case "json" -> out.println(AppViews.json(app));
        case "yaml" -> out.print(AppViews.yaml(app));
        case "table", "wide" -> AppViews.get(app, out);
        default ->
            throw new IllegalArgumentException(
                "unknown output format " + output + " (table, wide, json, yaml)");
      }
    }
    out.flush();
    return 0;
  }

  private Application refresh(AppBackend backend, Application app, String kind) {
    Application requested = backend.requestRefresh(app, kind);
    try {
      // The answer must be a later version than the request's own: a copy from a cache that has
      // not seen the request yet also lacks the annotation.
      return backend
          .await(
              app,
              o ->
                  o.isEmpty()
                      || ResourceVersions.newer(o.get().getMetadata(), requested.getMetadata())
                          && !ApplicationReconciler.refreshRequested(o.get()),
              Duration.ofSeconds(timeout))
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "application " + app.getMetadata().getName() + " was deleted"));
    } catch (AppBackend.TimeoutException e) {
      throw new IllegalArgumentException(
          "the refresh was not done within "
              + timeout
              + "s (is the controller running? `capstan controller`)");
    }
  }
}
