package dev.capstan.kustomize.fieldspec;

import dev.capstan.kustomize.KustomizeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Visits the fields a {@link FieldSpec} path names inside one content tree, as kustomize's
 * field-spec filter does: sequences met on the way are walked item by item; a missing mapping on
 * the way is created only when the spec says {@code create}; a missing sequence never is.
 *
 * <p>Stateless.
 */
public final class FieldWalker {
  private FieldWalker() {}

  /** What to do with one field: receives the current value (null when absent). */
  @FunctionalInterface
  public interface FieldVisitor {
    /** Returns the new value, or {@link #KEEP} to leave the field as it is (and not create it). */
    Object visit(Object current, boolean present);
  }

  /** Returned by a visitor to leave the field unchanged. */
  public static final Object KEEP = new Object();

  /** Walks {@code spec.path()} in {@code root} and lets the visitor rewrite each field found. */
  public static void walk(Map<String, Object> root, FieldSpec spec, FieldVisitor visitor) {
    if (spec.path().isEmpty()) {
      // kubectl: "considering field '' of object ...: cannot set or create an empty field name"
      throw new KustomizeException(
          "considering field '' (field spec "
              + spec
              + "): cannot set or create an empty field name");
    }
    walk(root, spec.path(), 0, spec.create(), visitor, spec);
  }

  @SuppressWarnings("unchecked")
  private static void walk(
      Object node, List<String> path, int i, boolean create, FieldVisitor v, FieldSpec spec) {
    if (node instanceof List<?> list) {
      for (Object item : list) {
        walk(item, path, i, create, v, spec);
      }
      return;
    }
    if (!(node instanceof Map<?, ?> raw)) {
      return;
    }
    Map<String, Object> map = (Map<String, Object>) raw;
    String seg = path.get(i);
    boolean seq = seg.endsWith("[]");
    String key = seq ? seg.substring(0, seg.length() - 2) : seg;
    if (key.startsWith("[") && key.endsWith("]")) {
      // a "[name=value]" selector is only meaningful in replacement paths; skip here.
      return;
    }
    boolean last = i == path.size() - 1;
    Object child = map.get(key);
    boolean present = map.containsKey(key);
    if (last) {
      if (seq) {
        if (child == null && present && create) {
          map.put(key, new java.util.ArrayList<Object>());
          return;
        }
        if (child instanceof List<?> items) {
          List<Object> l = (List<Object>) items;
          for (int k = 0; k < l.size(); k++) {
            Object nv = v.visit(l.get(k), true);
            if (nv != KEEP) {
              l.set(k, nv);
            }
          }
        }
        return;
      }
      if (child instanceof List<?> items && !(v instanceof ListAware)) {
        List<Object> l = (List<Object>) items;
        for (int k = 0; k < l.size(); k++) {
          Object nv = v.visit(l.get(k), true);
          if (nv != KEEP) {
            l.set(k, nv);
          }
        }
        return;
      }
      if ((child == null) && !create) {
        if (present) {
          Object nv = v.visit(null, true);
          if (nv != KEEP && nv != null) {
            map.put(key, nv);
          }
        }
        return;
      }
      Object nv = v.visit(child, present);
      if (nv != KEEP) {
        map.put(key, nv);
      }
      return;
    }
    if (child == null && present && seq && create) {
      // an explicit null sequence becomes an empty one, as in kustomize
      map.put(key, new java.util.ArrayList<Object>());
      return;
    }
    if (child == null) {
      if (!create || seq || sequenceAhead(path, i + 1)) {
        // a missing sequence is never created, so neither is the way to it
        return;
      }
      child = new LinkedHashMap<String, Object>();
      map.put(key, child);
    }
    if (seq && !(child instanceof List<?>)) {
      throw new KustomizeException("field spec " + spec + ": expected a sequence at '" + key + "'");
    }
    walk(child, path, i + 1, create, v, spec);
  }

  private static boolean sequenceAhead(List<String> path, int from) {
    for (int k = from; k < path.size(); k++) {
      if (path.get(k).endsWith("[]")) {
        return true;
      }
    }
    return false;
  }

  /** Marker for visitors that handle a sequence-valued final field themselves. */
  public interface ListAware extends FieldVisitor {}
}
