package dev.capstan.cli.app;

import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.api.argo.Operation;
import dev.capstan.controller.api.argo.OperationState;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Requests an operation the way Argo CD's CLI does — by setting the Application's {@code operation}
 * — and waits for the controller to report it in {@code status.operationState}.
 */
final class AppOperations {

  private AppOperations() {}

  /** Sets {@code operation} and returns when it was requested. */
  static Instant request(KubernetesClient client, Application app, Operation.SyncOperation sync) {
    Instant requested = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    if (app.operation().isPresent()) {
      throw new IllegalArgumentException(
          "another operation is already in progress on " + app.getMetadata().getName());
    }
    Operation operation =
        new Operation(
            sync,
            new Operation.InitiatedBy(System.getProperty("user.name", "capstan"), false),
            null,
            null);
    // A merge patch without resourceVersion: the controller writes status all the time.
    String body = "{\"operation\":" + client.getKubernetesSerialization().asJson(operation) + "}";
    client
        .resources(Application.class)
        .inNamespace(app.getMetadata().getNamespace())
        .withName(app.getMetadata().getName())
        .patch(PatchContext.of(PatchType.JSON_MERGE), body);
    return requested;
  }

  /** Waits until the operation requested at {@code requested} finished; its state. */
  static OperationState await(
      AppBackend backend, Application app, Instant requested, Duration timeout) {
    try {
      Application done =
          backend
              .await(app, a -> a.isEmpty() || finished(a.get(), requested), timeout)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "application " + app.getMetadata().getName() + " was deleted"));
      return done.getStatus().operationState();
    } catch (AppBackend.TimeoutException e) {
      throw new IllegalArgumentException(
          "the operation did not finish within "
              + timeout.toSeconds()
              + "s (is the controller running? `capstan controller`)");
    }
  }

  private static boolean finished(Application a, Instant requested) {
    if (a.operation().isPresent()
        || a.getStatus() == null
        || a.getStatus().operationState() == null) {
      return false;
    }
    OperationState s = a.getStatus().operationState();
    try {
      return !s.finishedAt().isEmpty() && !Instant.parse(s.startedAt()).isBefore(requested);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
