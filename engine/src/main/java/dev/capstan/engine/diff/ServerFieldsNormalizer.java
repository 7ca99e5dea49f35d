package dev.capstan.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Removes what the server maintains and Git never says: {@code status}, and in {@code metadata} the
 * fields {@code managedFields}, {@code resourceVersion}, {@code uid}, {@code generation}, {@code
 * creationTimestamp}, {@code selfLink} and the {@code
 * kubectl.kubernetes.io/last-applied-configuration} annotation. Empty {@code labels} and {@code
 * annotations} maps are removed so that "no labels" and "empty labels" compare equal.
 *
 * <p>Server defaults need no rule here: both sides of a comparison come from the server (the live
 * object and the server-side apply dry run), so both carry the same defaults.
 */
final class ServerFieldsNormalizer {

  private static final List<String> METADATA_FIELDS =
      List.of(
          "managedFields", "resourceVersion", "uid", "generation", "creationTimestamp", "selfLink");

  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private ServerFieldsNormalizer() {}

  /** Normalises {@code object} in place and returns it. */
  static ObjectNode normalize(ObjectNode object) {
    object.remove("status");
    JsonNode metadata = object.get("metadata");
    if (metadata instanceof ObjectNode meta) {
      METADATA_FIELDS.forEach(meta::remove);
      if (meta.get("annotations") instanceof ObjectNode annotations) {
        annotations.remove(LAST_APPLIED);
      }
      for (String map : List.of("labels", "annotations")) {
        JsonNode m = meta.get(map);
        if (m != null && (m.isNull() || (m.isObject() && m.isEmpty()))) {
          meta.remove(map);
        }
      }
    }
    return object;
  }
}
