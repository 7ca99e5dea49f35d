package dev.capstan.kustomize.patch;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.openapi.SchemaSet;
import dev.capstan.kustomize.resource.ResId;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import dev.capstan.kustomize.resource.Tree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies strategic merge patch documents to resources the way kustomize's resource map does: by
 * target selection (the patch is copied per target, takes the target's apiVersion, and its labels
 * and annotations are read as strings) or by the id the patch names. Name, kind and namespace
 * survive a patch unless the patch options allow a name or kind change; a patch that deletes a
 * document removes the resource.
 */
final class ResourcePatcher {
  private ResourcePatcher() {}

  /** A strategic merge patch document with its options. */
  record SmPatch(Map<String, Object> doc, boolean allowNameChange, boolean allowKindChange) {
    ResId id() {
      return new Resource(doc).id();
    }
  }

  /** Applies one patch to every selected resource (kustomize's ResMap.ApplySmPatch). */
  static void applyToSelected(
      ResourceList resources, List<Resource> selected, SmPatch patch, SchemaSet schemas) {
    StrategicMerge merge = new StrategicMerge(schemas);
    List<Resource> removed = new ArrayList<>();
    for (Resource r : selected) {
      Map<String, Object> copy = Tree.deepCopy(patch.doc());
      stringifyMetadataMap(copy, "labels");
      stringifyMetadataMap(copy, "annotations");
      copy.put("apiVersion", r.apiVersion());
      if (!applyTo(r, copy, patch, merge)) {
        removed.add(r);
      }
    }
    removed.forEach(resources::remove);
  }

  /** Applies one patch to the single resource whose (any) id equals the patch's id. */
  static Resource findById(ResourceList resources, ResId id, SchemaSet schemas, String what) {
    List<Resource> found = new ArrayList<>();
    for (Resource r : resources) {
      List<ResId> ids = new ArrayList<>(r.previousIds());
      ids.add(r.id());
      for (ResId candidate : ids) {
        if (Selector.sameObject(candidate, id, schemas)) {
          found.add(r);
          break;
        }
      }
    }
    if (found.size() == 1) {
      return found.get(0);
    }
    throw new KustomizeException(
        what
            + " \""
            + id
            + "\": "
            + (found.isEmpty() ? "no matches for Id " : "multiple matches for Id ")
            + id
            + "; failed to find unique target for patch "
            + id);
  }

  /**
   * Merges a patch into one resource in place.
   *
   * @return false when the patch deleted the resource
   */
  static boolean applyTo(
      Resource r, Map<String, Object> patchDoc, SmPatch options, StrategicMerge merge) {
    String name = r.name();
    String namespace = r.namespace();
    String kind = r.kind();
    if (options.allowNameChange() || options.allowKindChange()) {
      r.previousIds().add(r.id());
    }
    Optional<Map<String, Object>> out = merge.apply(r.content(), patchDoc);
    if (out.isEmpty() || out.get().isEmpty()) {
      return false;
    }
    if (out.get() != r.content()) {
      r.content().clear();
      r.content().putAll(out.get());
    }
    if (!options.allowKindChange()) {
      r.content().put("kind", kind);
    }
    if (!options.allowNameChange()) {
      r.metadata().put("name", name);
    }
    if (namespace.isEmpty()) {
      Map<String, Object> md = Tree.map(r.content(), "metadata");
      if (md != null) {
        md.remove("namespace");
      }
    } else {
      r.metadata().put("namespace", namespace);
    }
    return true;
  }

  /** kustomize rewrites a patch copy's labels/annotations as a sorted map of strings. */
  private static void stringifyMetadataMap(Map<String, Object> doc, String field) {
    Map<String, Object> md = Tree.map(doc, "metadata");
    if (md == null || !md.containsKey(field)) {
      return;
    }
    Map<String, Object> m = Tree.map(md, field);
    if (m == null || m.isEmpty()) {
      md.remove(field);
      return;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, v == null ? "null" : StrategicMerge.scalarText(v)));
    md.put(field, out);
  }
}
