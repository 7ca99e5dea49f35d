package dev.capstan.kustomize.resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Operations on the JSON-like content trees described in this package's documentation. */
public final class Tree {
  private Tree() {}

  /** Returns a deep copy of a tree node; scalars are immutable and returned as they are. */
  @SuppressWarnings("unchecked")
  public static <T> T deepCopy(T node) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>(map.size() * 2);
      for (Map.Entry<?, ?> e : map.entrySet()) {
        copy.put((String) e.getKey(), deepCopy(e.getValue()));
      }
      return (T) copy;
    }
    if (node instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object o : list) {
        copy.add(deepCopy(o));
      }
      return (T) copy;
    }
    return node;
  }

  /** Returns the mapping at {@code key} in {@code map}, or null when absent or not a mapping. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Map<String, Object> map, String key) {
    return map.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }

  /** Returns the string at {@code key}, or the empty string when absent or not a string. */
  public static String string(Map<String, Object> map, String key) {
    return map.get(key) instanceof String s ? s : "";
  }
}
