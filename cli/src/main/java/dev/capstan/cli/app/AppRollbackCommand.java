package dev.capstan.cli.app;

import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.api.argo.ApplicationStatus;
import dev.capstan.controller.api.argo.OperationState;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code capstan app rollback NAME [ID]}: syncs to the revision and source of a history entry (by
 * default the one before the last), as Argo CD does. Refused while automated sync is on, because
 * the controller would sync straight back to the target revision.
 */
@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description = "Roll an Application back to a history id.")
public final class AppRollbackCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClusterOptions cluster;

  @Parameters(index = "0", description = "Application name (or NAMESPACE/NAME).")
  String name;

  @Parameters(
      index = "1",
      arity = "0..1",
      description = "History id (default: the previous deployment).")
  Long id;

  @Option(names = "--prune", description = "Delete resources that are not in the earlier revision.")
  boolean prune;

  @Option(
      names = "--timeout",
      defaultValue = "300",
      description = "Seconds to wait (default: ${DEFAULT-VALUE}).")
  long timeout;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (AppBackend backend = cluster.open()) {
      Application app = backend.get(name);
      if (app.getSpec().syncPolicy() != null && app.getSpec().syncPolicy().automatedSyncEnabled()) {
        throw new IllegalArgumentException(
            "rollback cannot be initiated when auto-sync is enabled");
      }
      var history = AppViews.status(app).history();
      ApplicationStatus.RevisionHistory entry;
      if (id == null) {
        if (history.size() < 2) {
          throw new IllegalArgumentException(
              "application "
                  + app.getMetadata().getName()
                  + " has no earlier deployment to roll back to");
        }
        entry = history.get(history.size() - 2);
      } else {
        entry =
            history.stream()
                .filter(h -> h.id() == id)
                .findFirst()
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "application "
                                + app.getMetadata().getName()
                                + " has no history id "
                                + id));
      }
      Instant requested = backend.requestRollback(app, entry, prune);
      OperationState state =
          AppOperations.await(backend, app, requested, Duration.ofSeconds(timeout));
      AppViews.operationResult(state, out);
      out.flush();
      return OperationState.SUCCEEDED.equals(state.phase()) ? 0 : 1;
    }
  }
}
