package dev.capstan.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/** JSON comparison and rendering shared by the diff's classes. */
final class DiffJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Numbers compare by value, so {@code 1}, {@code 1L} and {@code 1.0} are equal. */
  private static final Comparator<JsonNode> NUMERIC =
      (a, b) -> {
        if (a.equals(b)) {
          return 0;
        }
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue());
        }
        return 1;
      };

  private DiffJson() {}

  /** Deep equality where numbers compare by value. */
  static boolean sameValue(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.equals(NUMERIC, b);
  }

  /** The node as plain Java collections with map keys sorted, for stable YAML rendering. */
  static Object sorted(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      Map<String, Object> out = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        out.put(e.getKey(), sorted(e.getValue()));
      }
      return out;
    }
    if (node.isArray()) {
      java.util.List<Object> out = new java.util.ArrayList<>();
      node.forEach(n -> out.add(sorted(n)));
      return out;
    }
    return MAPPER.convertValue(node, Object.class);
  }

  /** A deep copy, or null for null. */
  static ObjectNode copy(ObjectNode node) {
    return node == null ? null : node.deepCopy();
  }
}
