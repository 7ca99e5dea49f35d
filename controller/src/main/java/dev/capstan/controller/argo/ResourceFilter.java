package dev.capstan.controller.argo;

import dev.capstan.controller.api.argo.Operation.SyncOperationResource;
import dev.capstan.engine.cluster.ResourceKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;

/** Selects the objects a partial sync ({@code operation.sync.resources}) names. Pure. */
final class ResourceFilter {

  private ResourceFilter() {}

  static List<GenericKubernetesResource> select(
      List<GenericKubernetesResource> objects, List<SyncOperationResource> selected) {
    if (selected.isEmpty()) {
      return objects;
    }
    return objects.stream()
        .filter(
            o -> {
              ResourceKey k = ResourceKey.of(o);
              return selected.stream()
                  .anyMatch(
                      s ->
                          s.group().equals(k.group())
                              && s.kind().equals(k.kind())
                              && s.name().equals(k.name())
                              && (s.namespace().isEmpty()
                                  || k.namespace().isEmpty()
                                  || s.namespace().equals(k.namespace())));
            })
        .toList();
  }
}
