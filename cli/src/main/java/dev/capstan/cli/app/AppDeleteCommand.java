package dev.capstan.cli.app;

import dev.capstan.controller.api.argo.Application;
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
 * {@code capstan app delete NAME}: deletes an Application; with {@code --cascade} (the default, as
 * in Argo CD) the resources finalizer makes the controller delete its resources first.
 */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = "Delete an Application (and, with --cascade, its resources).")
public final class AppDeleteCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClusterOptions cluster;

  @Parameters(index = "0", description = "Application name (or NAMESPACE/NAME).")
  String name;

  @Option(
      names = "--cascade",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Delete the Application's resources too (default: ${DEFAULT-VALUE}).")
  boolean cascade;

  @Option(names = "--wait", description = "Wait until the Application is gone.")
  boolean waitForDeletion;

  @Option(
      names = "--timeout",
      defaultValue = "300",
      description = "Seconds to wait with --wait (default: ${DEFAULT-VALUE}).")
  long timeout;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (AppBackend backend = cluster.open()) {
      Application app = backend.get(name);
      backend.delete(app, cascade);
      if (waitForDeletion) {
        try {
          backend.await(app, Optional::isEmpty, Duration.ofSeconds(timeout));
        } catch (AppBackend.TimeoutException e) {
          throw new IllegalArgumentException(
              "application "
                  + app.getMetadata().getName()
                  + " still exists after "
                  + timeout
                  + "s (is the controller running?)");
        }
      }
      out.println(
          "application '"
              + app.getMetadata().getName()
              + "' deleted"
              + (cascade ? " (with its resources)" : ""));
      out.flush();
      return 0;
    }
  }
}
