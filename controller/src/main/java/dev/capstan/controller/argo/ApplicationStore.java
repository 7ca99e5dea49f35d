package dev.capstan.controller.argo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.api.argo.ApplicationStatus;
import dev.capstan.controller.api.argo.Operation;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Optional;

/**
 * Reads Applications and writes the parts the controller owns: {@code status} (replaced whole
 * through the status subresource), and the removal of {@code operation}, the refresh annotation and
 * the finalizer. Every write is a JSON patch that touches only its own field, so concurrent edits
 * of the spec are never lost. Thread-safe.
 */
final class ApplicationStore {

  private final KubernetesClient client;
  private final ObjectMapper mapper;

  ApplicationStore(KubernetesClient client) {
    this.client = client;
    this.mapper = new ObjectMapper();
  }

  Optional<Application> get(AppKey key) {
    return Optional.ofNullable(
        client
            .resources(Application.class)
            .inNamespace(key.namespace())
            .withName(key.name())
            .get());
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
      var resource =
          client.resources(Application.class).inNamespace(key.namespace()).withName(key.name());
      String body = patch.toString();
      if (status) {
        resource.subresource("status").patch(PatchContext.of(PatchType.JSON), body);
      } else {
        resource.patch(PatchContext.of(PatchType.JSON), body);
      }
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404 || e.getCode() == 422) {
        return; // gone, or the tested value changed (a newer operation, annotation already removed)
      }
      throw e;
    }
  }
}
