package dev.capstan.cli.app;

import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.api.argo.ApplicationStatus;
import dev.capstan.controller.api.argo.Operation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where {@code capstan app} commands get and change Applications: straight in the cluster ({@link
 * ClusterBackend}, like {@code argocd --core}) or through the Capstan API server ({@link
 * ServerBackend}, after {@code capstan login}). The commands render the same values either way.
 * Names are {@code NAME} or {@code NAMESPACE/NAME}.
 */
sealed interface AppBackend extends AutoCloseable permits ClusterBackend, ServerBackend {

  /** Applications of the default namespace, or of every namespace the backend sees. */
  List<Application> list(boolean allNamespaces);

  /** The Application, or a user error naming it. */
  Application get(String name);

  /**
   * Asks the controller to compare {@code app} with Git now ({@code normal} or {@code hard}); the
   * Application as the request left it, whose version a later answer must exceed.
   */
  Application requestRefresh(Application app, String kind);

  /** Requests a sync; returns when it was requested. */
  Instant requestSync(Application app, Operation.SyncOperation sync);

  /** Requests a rollback to the history entry; returns when it was requested. */
  Instant requestRollback(Application app, ApplicationStatus.RevisionHistory entry, boolean prune);

  /** Deletes {@code app}; with {@code cascade}, its resources too (the resources finalizer). */
  void delete(Application app, boolean cascade);

  /** Replaces the spec of the Application {@code app} names with {@code spec}; the result. */
  Application setSpec(Application app, Map<String, Object> spec);

  /** Creates {@code app}; with {@code upsert}, replaces the spec of an existing one. */
  Application create(Application app, boolean upsert);

  /**
   * Waits until {@code test} holds for the Application (it is given empty once the Application is
   * gone); the last state seen, or empty when it is gone. Throws {@link TimeoutException} after
   * {@code timeout}.
   */
  Optional<Application> await(
      Application app, Predicate<Optional<Application>> test, Duration timeout);

  /** The difference between Git and the cluster, per object. */
  List<ResourceChange> diff(Application app);

  /** The objects rendered from Git. */
  List<GenericKubernetesResource> manifests(Application app);

  @Override
  void close();

  /** {@link #await} gave up. */
  final class TimeoutException extends RuntimeException {
    TimeoutException() {
      super("timed out");
    }
  }

  /**
   * One object's difference between Git and the cluster.
   *
   * @param group API group ("" for core)
   * @param kind kind
   * @param namespace namespace ("" for cluster-scoped)
   * @param name name
   * @param status the engine's comparison status
   * @param modified whether the object differs
   * @param diff unified diff (Secret values masked)
   */
  record ResourceChange(
      String group,
      String kind,
      String namespace,
      String name,
      String status,
      boolean modified,
      String diff) {}
}
