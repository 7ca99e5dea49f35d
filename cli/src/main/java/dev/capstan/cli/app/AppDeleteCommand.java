package dev.capstan.cli.app;

import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.argo.ApplicationReconciler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
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
    try (KubernetesClient client = cluster.connect()) {
      Application app = cluster.require(client, name);
      var resource =
          client
              .resources(Application.class)
              .inNamespace(app.getMetadata().getNamespace())
              .withName(app.getMetadata().getName());
      List<String> finalizers =
          new ArrayList<>(
              app.getMetadata().getFinalizers() == null
                  ? List.of()
                  : app.getMetadata().getFinalizers());
      finalizers.removeIf(f -> f.startsWith(ApplicationReconciler.FINALIZER));
      if (cascade) {
        finalizers.add(ApplicationReconciler.FINALIZER);
      }
      // A merge patch without resourceVersion: the controller writes status all the time.
      resource.patch(
          PatchContext.of(PatchType.JSON_MERGE),
          "{\"metadata\":{\"finalizers\":"
              + client.getKubernetesSerialization().asJson(finalizers)
              + "}}");
      resource.delete();
      if (waitForDeletion) {
        try {
          resource.waitUntilCondition(a -> a == null, timeout * 1000, TimeUnit.MILLISECONDS);
        } catch (KubernetesClientTimeoutException e) {
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
