package dev.capstan.controller.argo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.api.argo.ApplicationStatus;
import dev.capstan.controller.api.argo.Operation;
import dev.capstan.controller.runtime.ResourceVersions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads Applications and writes the parts the controller owns: {@code status} (replaced whole
 * through the status subresource), and the removal of {@code operation}, the refresh annotation and
 * the finalizer. Every write is a JSON patch that touches only its own field, so concurrent edits
 * of the spec are never lost. Thread-safe.
 *
 * <p>Reads come from the controller's Application informers when it has them ({@link #readFrom}),
 * so a reconcile costs no GET. An informer lags behind the controller's own writes by a moment; the
 * object each write returned is kept until the informer has caught up with it (compared by
 * resourceVersion), so a reconcile right after a write never sees the status or the {@code
 * operation} from before it — which would, for instance, run a finished operation again.
 */
final class ApplicationStore {

  private final KubernetesClient client;
  private final ObjectMapper mapper;
  private final Map<AppKey, Application> written = new ConcurrentHashMap<>();
  private volatile Function<AppKey, Optional<Application>> cached = key -> Optional.empty();

  ApplicationStore(KubernetesClient client) {
    this.client = client;
    this.mapper = new ObjectMapper();
  }

  /**
   * Reads Applications from {@code lookup} (the informers' stores) from now on; an Application it
   * does not hold is read from the API server.
   */
  void readFrom(Function<AppKey, Optional<Application>> lookup) {
    this.cached = lookup;
  }

  /** The Application, or empty when it does not exist. The object is shared: do not change it. */
  Optional<Application> get(AppKey key) {
    Optional<Application> informed = cached.apply(key);
    if (informed.isEmpty()) {
      written.remove(key);
      return Optional.ofNullable(
          client
              .resources(Application.class)
              .inNamespace(key.namespace())
              .withName(key.name())
              .get());
    }
    Application mine = written.get(key);
    if (mine != null) {
      if (ResourceVersions.newer(mine.getMetadata(), informed.get().getMetadata())) {
        return Optional.of(mine);
      }
      written.remove(key, mine);
    }
    return informed;
  }

  /** Drops a kept copy once the informer holds {@code informed} or something newer. */
  void seen(Application informed) {
    AppKey key =
        new AppKey(informed.getMetadata().getNamespace(), informed.getMetadata().getName());
    written.computeIfPresent(
        key,
        (k, mine) ->
            ResourceVersions.newer(mine.getMetadata(), informed.getMetadata()) ? mine : null);
  }

  /** Forgets what was written for a deleted Application. */
  void forget(AppKey key) {
    written.remove(key);
  }

  /** Replaces {@code status}; a vanished Application is ignored. */
  void writeStatus(AppKey key, ApplicationStatus status) {
    ArrayNode patch = mapper.createArrayNode();
    ObjectNode op = patch.addObject();
    op.put("op", "add");
    op.put("path", "/status");
    op.set(
        "value",
        mapper.valueToTree(
            client.getKubernetesSerialization().convertValue(status, java.util.Map.class)));
    patch(key, patch, true);
  }

  /**
   * Replaces only {@code status.operationState} (the progress of a running operation), leaving the
   * rest of the status as the last reconcile wrote it; {@code hasStatus} says whether the
   * Application has a status at all yet.
   */
  void writeOperationState(
      AppKey key, dev.capstan.controller.api.argo.OperationState state, boolean hasStatus) {
    ArrayNode patch = mapper.createArrayNode();
    ObjectNode op = patch.addObject();
    op.put("op", "add");
    ObjectNode value =
        mapper.valueToTree(
            client.getKubernetesSerialization().convertValue(state, java.util.Map.class));
    if (hasStatus) {
      op.put("path", "/status/operationState");
      op.set("value", value);
    } else {
      op.put("path", "/status");
      op.set("value", mapper.createObjectNode().set("operationState", value));
    }
    patch(key, patch, true);
  }

  /** Removes {@code operation} if it is still {@code expected} (a newer request stays). */
  void removeOperation(AppKey key, Operation expected) {
    ArrayNode patch = mapper.createArrayNode();
    ObjectNode test = patch.addObject();
    test.put("op", "test");
    test.put("path", "/operation");
    test.set(
        "value",
        mapper.valueToTree(
            client.getKubernetesSerialization().convertValue(expected, java.util.Map.class)));
    patch.addObject().put("op", "remove").put("path", "/operation");
    patch(key, patch, false);
  }

  /** Removes the refresh annotation. */
  void removeAnnotation(AppKey key, String annotation) {
    ArrayNode patch = mapper.createArrayNode();
    patch
        .addObject()
        .put("op", "remove")
        .put("path", "/metadata/annotations/" + annotation.replace("~", "~0").replace("/", "~1"));
    patch(key, patch, false);
  }

  /**
   * Removes {@code finalizers} from the Application, if its finalizers are still {@code current} (a
   * concurrent change wins; it queues another reconcile).
   */
  void removeFinalizers(AppKey key, List<String> current, List<String> finalizers) {
    ArrayNode patch = mapper.createArrayNode();
    ObjectNode test = patch.addObject();
    test.put("op", "test");
    test.put("path", "/metadata/finalizers");
    test.set("value", mapper.valueToTree(current));
    ObjectNode replace = patch.addObject();
    replace.put("op", "replace");
    replace.put("path", "/metadata/finalizers");
    replace.set(
        "value",
        mapper.valueToTree(current.stream().filter(f -> !finalizers.contains(f)).toList()));
    patch(key, patch, false);
  }

  private void patch(AppKey key, ArrayNode patch, boolean status) {
    try {
      // Handed an object, fabric8 patches it by name; without one it would GET it first.
      Application target = new Application();
      target.setMetadata(
          new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
              .withName(key.name())
              .withNamespace(key.namespace())
              .build());
      var resource =
          client.resources(Application.class).inNamespace(key.namespace()).resource(target);
      String body = patch.toString();
      Application after =
          status
              ? resource.subresource("status").patch(PatchContext.of(PatchType.JSON), body)
              : resource.patch(PatchContext.of(PatchType.JSON), body);
      if (after != null && after.getMetadata() != null) {
        written.merge(
            key,
            after,
            (old, fresh) ->
                ResourceVersions.newer(old.getMetadata(), fresh.getMetadata()) ? old : fresh);
      }
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404 || e.getCode() == 422) {
        return; // gone, or the tested value changed (a newer operation, annotation already removed)
      }
      throw e;
    }
  }
}
