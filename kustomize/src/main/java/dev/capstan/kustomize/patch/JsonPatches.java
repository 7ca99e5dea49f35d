package dev.capstan.kustomize.patch;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.resource.Resource;
import java.util.Map;

/** Applies a JSON patch to a resource's content, keeping the resource object. */
final class JsonPatches {
  private JsonPatches() {}

  @SuppressWarnings("unchecked")
  static void applyTo(Resource r, JsonPatch patch) {
    Object out;
    try {
      out = patch.apply(r.content());
    } catch (KustomizeException e) {
      throw new KustomizeException(
          "failed to apply json patch to " + r.id() + ": " + e.getMessage(), e);
    }
    if (!(out instanceof Map<?, ?> m)) {
      throw new KustomizeException("json patch made " + r.id() + " something other than an object");
    }
    if (out != r.content()) {
      Map<String, Object> copy = new java.util.LinkedHashMap<>((Map<String, Object>) m);
      r.content().clear();
      r.content().putAll(copy);
    }
  }
}
