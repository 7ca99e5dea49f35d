package dev.capstan.kustomize.patch;

import dev.capstan.kustomize.KustomizeException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * kyaml's list-item primitives, on content trees: matching items by merge-key values, its
 * ElementSetter (replace, remove or append an item by key values) and the combination of partial
 * multi-key tuples. Kept separate from {@link StrategicMerge} because their quirks are the point:
 * they are reproduced as kyaml behaves, not as a clean design would.
 */
final class KeyedItems {
  private KeyedItems() {}

  /** Tuples that agree wherever both have a value stand for the same item (kyaml's mergeValues). */
  static void combineTuples(List<List<String>> values) {
    for (int i = 0; i < values.size(); i++) {
      // As in kyaml, the outer tuple is read once per outer step, the inner one on every step.
      List<String> outer = values.get(i);
      for (int j = 0; j < values.size(); j++) {
        List<String> combined = combine(outer, values.get(j));
        if (combined != null) {
          values.set(i, combined);
          values.set(j, combined);
        }
      }
    }
  }

  static List<String> combine(List<String> a, List<String> b) {
    if (a.size() != b.size()) {
      return null;
    }
    boolean common = false;
    List<String> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      String x = a.get(i);
      String y = b.get(i);
      if (x.equals(y)) {
        common = true;
        out.add(x);
      } else if (!x.isEmpty() && !y.isEmpty()) {
        return null;
      } else {
        out.add(x.isEmpty() ? y : x);
      }
    }
    return common ? out : null;
  }

  /** kyaml's validateKeys: keep the keys that any item has a value for. */
  static List<List<String>> validKeys(
      List<List<String>> all, List<String> values, List<String> keys) {
    Set<String> valid = new LinkedHashSet<>();
    for (List<String> vs : all) {
      for (int i = 0; i < vs.size(); i++) {
        if (!vs.get(i).isEmpty()) {
          valid.add(keys.get(i));
        }
      }
    }
    if (valid.isEmpty()) {
      return List.of(keys, values);
    }
    List<String> k = new ArrayList<>();
    for (String key : keys) {
      if (valid.contains(key)) {
        k.add(key);
      }
    }
    List<String> v = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      if (!values.get(i).isEmpty() || valid.contains(keys.get(i))) {
        v.add(values.get(i));
      }
    }
    return List.of(k, v);
  }

  /** The first item whose fields equal the values (a scalar item when the key is empty). */
  static Object findItem(List<Object> list, List<String> keys, List<String> values) {
    if (keys.isEmpty() || keys.get(0).isEmpty()) {
      String want = values.isEmpty() ? "" : values.get(0);
      for (Object o : list) {
        if (nodeValue(o).equals(want)) {
          return o;
        }
      }
      return StrategicMerge.MISSING;
    }
    outer:
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> m)) {
        continue;
      }
      for (int i = 0; i < keys.size(); i++) {
        if (!m.containsKey(keys.get(i)) || !nodeValue(m.get(keys.get(i))).equals(values.get(i))) {
          continue outer;
        }
      }
      return o;
    }
    return StrategicMerge.MISSING;
  }

  /**
   * kyaml's ElementSetter: drops empty items, replaces every item matching the key values with
   * {@code element} (or removes them when it is null), and appends it when nothing matched.
   */
  static void setItem(List<Object> list, Object element, List<String> keys, List<String> values) {
    boolean mappingSetter =
        !keys.isEmpty() && !keys.get(0).isEmpty() && !values.isEmpty() && !values.get(0).isEmpty();
    List<Object> out = new ArrayList<>(list.size() + 1);
    boolean matched = false;
    for (Object item : list) {
      if (item == null || (item instanceof Map<?, ?> m && m.isEmpty())) {
        continue;
      }
      if (!(item instanceof Map<?, ?>) && mappingSetter) {
        out.add(item);
        continue;
      }
      boolean found = true;
      boolean any = false;
      for (int j = 0; j < keys.size() && found; j++) {
        if (j >= values.size()) {
          continue;
        }
        any = true;
        found = fieldMatches(item, keys.get(j), values.get(j));
      }
      if (!any) {
        found = false;
      }
      if (!found) {
        if (!values.isEmpty()) {
          out.add(item);
        }
        continue;
      }
      matched = true;
      if (element != null) {
        out.add(element);
      }
    }
    if (element != null && !matched) {
      out.add(element);
    }
    list.clear();
    list.addAll(out);
  }

  /** kyaml's FieldMatcher with a string value: an empty value matches any present field. */
  static boolean fieldMatches(Object item, String key, String value) {
    if (key.isEmpty()) {
      if (item instanceof Map<?, ?> || item instanceof List<?>) {
        throw new KustomizeException(
            "wrong node kind: expected ScalarNode but got "
                + (item instanceof Map<?, ?> ? "MappingNode" : "SequenceNode"));
      }
      return nodeValue(item).equals(value);
    }
    if (!(item instanceof Map<?, ?> m)) {
      throw new KustomizeException("wrong node kind: expected MappingNode but got ScalarNode");
    }
    if (!m.containsKey(key)) {
      return false;
    }
    return value.isEmpty() || nodeValue(m.get(key)).equals(value);
  }

  static String nodeValue(Object o) {
    return StrategicMerge.nodeValue(o);
  }
}
