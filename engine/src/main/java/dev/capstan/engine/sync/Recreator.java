package dev.capstan.engine.sync;

import dev.capstan.engine.cluster.ApiResource;
import dev.capstan.engine.cluster.ResourceKey;
import dev.capstan.engine.cluster.ResourceOperationException;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Deletes and re-creates an object whose change the API server refuses because a field is immutable
 * (a Deployment's selector, a Job's template, a Service's clusterIP): Flux's {@code spec.force},
 * Argo CD's {@code Replace=true}/{@code Force=true} in spirit. Used only when {@link
 * SyncOptions#recreateOnImmutable()} is on.
 */
final class Recreator {

  private static final List<String> IMMUTABLE_MESSAGES =
      List.of(
          "field is immutable",
          "may not change once set",
          "updates to statefulset spec for fields other than");

  private final KubernetesClient client;
  private final ObjectApplier applier;

  Recreator(KubernetesClient client, ObjectApplier applier) {
    this.client = client;
    this.applier = applier;
  }

  /** True when the server refused an apply or dry run because of an immutable field. */
  static boolean isImmutableFieldError(ResourceOperationException e) {
    if (e.httpStatus() != 422) {
      return false;
    }
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return IMMUTABLE_MESSAGES.stream().anyMatch(message::contains);
  }

  /**
   * Deletes the live object, waits until it is gone ({@code timeout}), and applies {@code desired}.
   *
   * @throws ResourceOperationException when a step fails or the object is not gone in time
   */
  void recreate(
      GenericKubernetesResource desired, ApiResource type, SyncOptions options, Duration timeout) {
    ResourceKey key = ResourceKey.of(desired);
    var op = client.genericKubernetesResources(type.context());
    var target =
        type.namespaced()
            ? op.inNamespace(key.namespace()).withName(key.name())
            : op.withName(key.name());
    try {
      target.withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
      target.waitUntilCondition(Objects::isNull, timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (KubernetesClientException e) {
      throw ResourceOperationException.of(key, "delete for re-creation", e);
    }
    applier.serverSideApply(desired, type, options);
  }
}
