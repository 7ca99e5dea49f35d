package dev.capstan.engine.render;

import dev.capstan.engine.cluster.ObjectTrees;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns parsed documents into desired objects, checking each is a Kubernetes object. */
final class ManifestObjects {

  private ManifestObjects() {}

  /**
   * The objects of the documents of one file; a {@code v1 List} is unwrapped into its items.
   *
   * @throws IllegalArgumentException naming the file and document when one is not an object
   */
  @SuppressWarnings("unchecked")
  static List<GenericKubernetesResource> of(List<Object> documents, String file) {
    List<GenericKubernetesResource> out = new ArrayList<>();
    int index = 0;
    for (Object doc : documents) {
      index++;
      if (!(doc instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException(
            file + ": document " + index + " is not a Kubernetes object (not a mapping)");
      }
      Map<String, Object> tree = (Map<String, Object>) map;
      if ("List".equals(tree.get("kind")) && tree.get("items") instanceof List<?> items) {
        out.addAll(of(new ArrayList<>(items), file + " (List)"));
        continue;
      }
      out.add(object(tree, file, index));
    }
    return out;
  }

  static GenericKubernetesResource object(Map<String, Object> tree, String file, int index) {
    String where = file + ": document " + index;
    if (!(tree.get("apiVersion") instanceof String a) || a.isBlank()) {
      throw new IllegalArgumentException(where + " has no apiVersion");
    }
    if (!(tree.get("kind") instanceof String k) || k.isBlank()) {
      throw new IllegalArgumentException(where + " has no kind");
    }
    if (!(tree.get("metadata") instanceof Map<?, ?> meta)
        || !(meta.get("name") instanceof String n)
        || n.isBlank()) {
      throw new IllegalArgumentException(where + " (" + k + ") has no metadata.name");
    }
    try {
      return ObjectTrees.fromMap(tree);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          where + " (" + k + "/" + n + ") is malformed: " + e.getMessage());
    }
  }
}
