package dev.capstan.engine.health.kstatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep copies of JSON-like trees into mutable maps and lists. */
final class TreeCopy {

  private TreeCopy() {}

  static Map<String, Object> deepCopy(Map<String, Object> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, copyNode(v)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object copyNode(Object node) {
    if (node instanceof Map<?, ?> m) {
      return deepCopy((Map<String, Object>) m);
    }
    if (node instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(item -> out.add(copyNode(item)));
      return out;
    }
    return node;
  }
}
