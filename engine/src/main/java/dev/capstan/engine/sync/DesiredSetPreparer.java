package dev.capstan.engine.sync;

import dev.capstan.engine.cluster.ApiResource;
import dev.capstan.engine.cluster.ObjectTrees;
import dev.capstan.engine.cluster.ResourceKey;
import dev.capstan.engine.cluster.ResourceTypes;
import dev.capstan.engine.inventory.Ownership;
import dev.capstan.kustomize.resource.Gvk;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the rendered objects into {@link DesiredObject}s: resolves each kind (or finds the CRD in
 * the same set that will serve it), gives namespaced objects without a namespace the target
 * namespace ({@code default} when there is none), drops the namespace of cluster-scoped objects,
 * and adds the owner's mark. Objects that cannot be applied (kind not served, duplicate identity)
 * become {@link Action#FAILED} changes.
 */
final class DesiredSetPreparer {

  /** The prepared objects and the changes of those that could not be prepared. */
  record Prepared(List<DesiredObject> objects, List<Change> failures) {}

  private DesiredSetPreparer() {}

  /**
   * Prepares {@code desired}.
   *
   * @throws IllegalArgumentException when an object has no apiVersion, kind or name
   */
  static Prepared prepare(
      List<GenericKubernetesResource> desired,
      Ownership ownership,
      SyncOptions options,
      ResourceTypes types) {
    Map<String, Boolean> crdScopes = new HashMap<>();
    for (GenericKubernetesResource o : desired) {
      validate(o);
      if (ApplyPlanner.isCrd(ResourceKey.of(o))) {
        crdScopes.put(ApplyPlanner.definedGroupKind(o), "Namespaced".equals(scope(o)));
      }
    }
    String defaultNamespace =
        options.targetNamespace().isEmpty() ? "default" : options.targetNamespace();
    List<DesiredObject> objects = new ArrayList<>();
    List<Change> failures = new ArrayList<>();
    Set<ResourceKey> seen = new HashSet<>();
    for (GenericKubernetesResource original : desired) {
      Gvk gvk = Gvk.of(original.getApiVersion(), original.getKind());
      Optional<ApiResource> type = types.find(gvk);
      Boolean namespaced =
          type.map(ApiResource::namespaced).orElse(crdScopes.get(gvk.group() + "/" + gvk.kind()));
      GenericKubernetesResource o = ObjectTrees.copy(original);
      if (namespaced == null) {
        failures.add(
            new Change(
                ResourceKey.of(o), Action.FAILED, "kind " + gvk + " is not served by the cluster"));
        continue;
      }
      String ns = o.getMetadata().getNamespace();
      if (namespaced && (ns == null || ns.isEmpty())) {
        o.getMetadata().setNamespace(defaultNamespace);
      } else if (!namespaced && ns != null) {
        o.getMetadata().setNamespace(null);
      }
      ResourceKey key = ResourceKey.of(o);
      if (!seen.add(key)) {
        failures.add(new Change(key, Action.FAILED, "appears more than once in the desired set"));
        continue;
      }
      objects.add(new DesiredObject(key, ownership.mark(o), type));
    }
    return new Prepared(objects, failures);
  }

  private static void validate(GenericKubernetesResource o) {
    if (o.getApiVersion() == null
        || o.getApiVersion().isEmpty()
        || o.getKind() == null
        || o.getKind().isEmpty()
        || o.getMetadata() == null
        || o.getMetadata().getName() == null
        || o.getMetadata().getName().isEmpty()) {
      throw new IllegalArgumentException(
          "desired object without apiVersion, kind or metadata.name: "
              + o.getApiVersion()
              + " "
              + o.getKind());
    }
  }

  private static String scope(GenericKubernetesResource crd) {
    Object spec = crd.getAdditionalProperties().get("spec");
    return spec instanceof Map<?, ?> s && s.get("scope") instanceof String str ? str : "";
  }
}
