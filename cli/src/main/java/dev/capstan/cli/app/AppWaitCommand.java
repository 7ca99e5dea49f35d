package dev.capstan.cli.app;

import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.api.argo.OperationState;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code capstan app wait NAME}: waits until the Application is Synced and Healthy with no
 * operation running (or only what {@code --sync}/{@code --health}/{@code --operation} ask for).
 * Exit code 1 on timeout.
 */
@Command(
    name = "wait",
    mixinStandardHelpOptions = true,
    description = "Wait for an Application to be synced and healthy.")
public final class AppWaitCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClusterOptions cluster;

  @Parameters(index = "0", description = "Application name (or NAMESPACE/NAME).")
  String name;

  @Option(names = "--sync", description = "Wait for Synced.")
  boolean sync;

  @Option(names = "--health", description = "Wait for Healthy.")
  boolean health;

  @Option(names = "--operation", description = "Wait for no operation to be pending.")
  boolean operation;

  @Option(
      names = "--timeout",
      defaultValue = "300",
      description = "Seconds to wait (default: ${DEFAULT-VALUE}).")
  long timeout;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean all = !sync && !health && !operation;
    try (AppBackend backend = cluster.open()) {
      Application app = backend.get(name);
      try {
        Optional<Application> done =
            backend.await(
                app, a -> a.isEmpty() || ready(a.get(), all), Duration.ofSeconds(timeout));
        if (done.isEmpty()) {
          throw new IllegalArgumentException(
              "application " + app.getMetadata().getName() + " was deleted");
        }
        AppViews.get(done.get(), out);
        out.flush();
        return 0;
      } catch (AppBackend.TimeoutException e) {
        Application now = backend.get(name);
        spec.commandLine()
            .getErr()
            .println(
                "Error: timed out after "
                    + timeout
                    + "s: "
                    + app.getMetadata().getName()
                    + " is "
                    + AppViews.sync(AppViews.status(now))
                    + " and "
                    + AppViews.health(AppViews.status(now)));
        spec.commandLine().getErr().flush();
        return 1;
      }
    }
  }

  private boolean ready(Application a, boolean all) {
    var s = AppViews.status(a);
    boolean noOperation =
        a.operation().isEmpty()
            && (s.operationState() == null
                || !OperationState.RUNNING.equals(s.operationState().phase()));
    return ((!sync && !all) || AppViews.sync(s).equals("Synced"))
        && ((!health && !all) || AppViews.health(s).equals("Healthy"))
        && ((!operation && !all) || noOperation);
  }
}
