package dev.capstan.kustomize.replace;

import dev.capstan.kustomize.KustomizeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A kustomize field path as replacements use it: dot-separated fields, where a part may be a list
 * index ({@code 0}), every element ({@code *}) or an element selector {@code [name=value]} (the
 * value is an unanchored regular expression, as in kyaml; {@code [=value]} matches primitive
 * items). Dots inside brackets do not split.
 *
 * <p>Immutable and thread-safe.
 */
public final class FieldPath {
  /** A matched location: the container and the key (String) or index (Integer) in it. */
  public record Slot(Object container, Object key, boolean created, String path) {

    public Object get() {
      return container instanceof Map<?, ?> m
          ? m.get(key)
          : ((List<?>) container).get((Integer) key);
    }

    @SuppressWarnings("unchecked")
    public void set(Object value) {
      if (container instanceof Map<?, ?> m) {
        ((Map<String, Object>) m).put((String) key, value);
      } else {
        ((List<Object>) container).set((Integer) key, value);
      }
    }
  }

  private final String text;
  private final List<String> parts;

  private FieldPath(String text, List<String> parts) {
    this.text = text;
    this.parts = List.copyOf(parts);
  }

  public static FieldPath parse(String text) {
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int depth = 0;
    for (char c : text.toCharArray()) {
      if (c == '[') {
        if (depth == 0 && cur.length() > 0) {
          parts.add(cur.toString());
          cur.setLength(0);
        }
        depth++;
      } else if (c == ']') {
        depth--;
      }
      if (c == '.' && depth == 0) {
        if (cur.length() > 0) {
          parts.add(cur.toString());
        }
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (cur.length() > 0) {
      parts.add(cur.toString());
    }
    return new FieldPath(text, parts);
  }

  @Override
  public String toString() {
    return text;
  }

  /**
   * Every location the path matches in {@code root}. With {@code create}, missing fields and
   * selected list items are created on the way and the last field is created holding {@code null},
   * to be set by the caller.
   */
  public List<Slot> find(Map<String, Object> root, boolean create) {
    List<Slot> out = new ArrayList<>();
    walk(root, 0, create, out, null);
    return out;
  }

  @SuppressWarnings("unchecked")
  private void walk(Object node, int i, boolean create, List<Slot> out, Slot here) {
    if (i == parts.size()) {
      if (here != null) {
        out.add(here);
      }
      return;
    }
    String part = parts.get(i);
    if (part.matches("[0-9]+")) {
      walkIndex(node, part, i, create, out, here);
      return;
    }
    walkNamed(node, part, i, create, out, here);
  }

  @SuppressWarnings("unchecked")
  private void walkIndex(
      Object node, String part, int i, boolean create, List<Slot> out, Slot here) {
    {
      if (!(node instanceof List<?> l)) {
        return;
      }
      int idx = Integer.parseInt(part);
      List<Object> list = (List<Object>) l;
      if (idx == list.size() && create) {
        list.add(container(i + 1));
      }
      if (idx >= list.size()) {
        throw new KustomizeException(
            "index " + idx + " specified but only " + list.size() + " elements found");
      }
      walk(list.get(idx), i + 1, create, out, slot(here, list, idx, false));
    }
  }

  @SuppressWarnings("unchecked")
  private void walkNamed(
      Object node, String part, int i, boolean create, List<Slot> out, Slot here) {
    if (part.equals("*")) {
      if (node instanceof List<?> l) {
        for (int k = 0; k < l.size(); k++) {
          walk(l.get(k), i + 1, create, out, slot(here, l, k, false));
        }
      }
      return;
    }
    if (part.matches("\\[[0-9]+\\]")) {
      walkIndex(node, part.substring(1, part.length() - 1), i, create, out, here);
      return;
    }
    if (part.startsWith("[") && part.endsWith("]")) {
      String inner = part.substring(1, part.length() - 1);
      int eq = inner.indexOf('=');
      if (eq < 0) {
        throw new KustomizeException(
            "list path element must contain fieldName=fieldValue for element to match");
      }
      String field = inner.substring(0, eq);
      String value = inner.substring(eq + 1);
      Pattern p;
      try {
        p = Pattern.compile(value);
      } catch (PatternSyntaxException e) {
        throw new KustomizeException(
            "invalid element selector " + part + ": " + e.getDescription());
      }
      if (!(node instanceof List<?> l)) {
        return;
      }
      List<Object> list = (List<Object>) l;
      boolean matched = false;
      for (int k = 0; k < list.size(); k++) {
        Object item = list.get(k);
        String text =
            field.isEmpty()
                ? scalarText(item)
                : item instanceof Map<?, ?> m && m.containsKey(field)
                    ? scalarText(m.get(field))
                    : null;
        if (text != null && p.matcher(text.strip()).find()) {
          matched = true;
          walk(item, i + 1, create, out, slot(here, list, k, false));
        }
      }
      if (!matched && create) {
        Object item;
        if (field.isEmpty()) {
          item = value;
        } else {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put(field, value);
          item = m;
        }
        list.add(item);
        walk(item, i + 1, create, out, slot(here, list, list.size() - 1, false));
      }
      return;
    }
    if (!(node instanceof Map<?, ?> m)) {
      return;
    }
    Map<String, Object> map = (Map<String, Object>) m;
    boolean created = false;
    if (!map.containsKey(part)) {
      if (!create) {
        return;
      }
      map.put(part, i + 1 == parts.size() ? null : container(i + 1));
      created = true;
    } else if (map.get(part) == null && create && i + 1 < parts.size()) {
      map.put(part, container(i + 1));
    }
    walk(map.get(part), i + 1, create, out, slot(here, map, part, created));
  }

  /** A slot whose path extends the parent's: keys and {@code #index} joined by slashes. */
  private static Slot slot(Slot parent, Object container, Object key, boolean created) {
    String step = key instanceof Integer idx ? "#" + idx : ((String) key).replace("/", "//");
    return new Slot(container, key, created, (parent == null ? "" : parent.path()) + "/" + step);
  }

  private Object container(int next) {
    if (next >= parts.size()) {
      return null;
    }
    String p = parts.get(next);
    return p.matches("[0-9]+") || p.startsWith("[") || p.equals("*")
        ? new ArrayList<>()
        : new LinkedHashMap<String, Object>();
  }

  static String scalarText(Object o) {
    if (o == null) {
      return "null";
    }
    if (o instanceof Map<?, ?> || o instanceof List<?>) {
      return "";
    }
    return o.toString();
  }
}
