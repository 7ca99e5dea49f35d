package dev.capstan.cli.app;

import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.api.argo.Operation;
import dev.capstan.controller.api.argo.OperationState;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code capstan app sync NAME}: asks the controller for a sync (sets {@code operation.sync}) and
 * prints the result. Exit code 1 when the sync failed.
 */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = "Sync an Application to its target revision (or --revision).")
public final class AppSyncCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClusterOptions cluster;

  @Parameters(index = "0", description = "Application name (or NAMESPACE/NAME).")
  String name;

  @Option(
      names = "--revision",
      description = "Sync to this revision instead of the target revision.")
  String revision;

  @Option(names = "--prune", description = "Delete resources that left Git.")
  boolean prune;

  @Option(names = "--dry-run", description = "Report what would change; change nothing.")
  boolean dryRun;

  @Option(
      names = "--resource",
      description = "Sync only GROUP:KIND:NAME (repeatable; partial syncs never prune).")
  List<String> resources = new ArrayList<>();

  @Option(names = "--async", description = "Do not wait for the sync to finish.")
  boolean async;

  @Option(
      names = "--timeout",
      defaultValue = "300",
      description = "Seconds to wait (default: ${DEFAULT-VALUE}).")
  long timeout;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Operation.SyncOperationResource> selected = new ArrayList<>();
    for (String r : resources) {
      String[] p = r.split(":", -1);
      if (p.length != 3) {
        throw new IllegalArgumentException("--resource " + r + ": expected GROUP:KIND:NAME");
      }
      selected.add(new Operation.SyncOperationResource(p[0], p[1], p[2], ""));
    }
    try (AppBackend backend = cluster.open()) {
      Application app = backend.get(name);
      Operation.SyncOperation sync =
          new Operation.SyncOperation(
              revision, null, prune, dryRun, null, selected, null, null, null, null, 0);
      Instant requested = backend.requestSync(app, sync);
      if (async) {
        out.println(
            "sync of "
                + app.getMetadata().getNamespace()
                + "/"
                + app.getMetadata().getName()
                + " requested");
        out.flush();
        return 0;
      }
      OperationState state =
          AppOperations.await(backend, app, requested, Duration.ofSeconds(timeout));
      AppViews.operationResult(state, out);
      out.flush();
      return OperationState.SUCCEEDED.equals(state.phase()) ? 0 : 1;
    }
  }
}
