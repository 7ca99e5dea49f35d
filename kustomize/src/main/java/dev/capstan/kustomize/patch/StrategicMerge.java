package dev.capstan.kustomize.patch;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.openapi.Schema;
import dev.capstan.kustomize.openapi.SchemaSet;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A strategic merge patch with kustomize v5.5.0's semantics (kyaml's two-way merge with patch list
 * items prepended), applied to content trees.
 *
 * <p>What that means in practice, and what this class reproduces:
 *
 * <ul>
 *   <li>mappings merge field by field; a {@code null} in the patch removes the field;
 *   <li>a list merges by key only when the schema declares {@code x-kubernetes-patch-strategy:
 *       merge} for it (merge keys from {@code x-kubernetes-list-map-keys}, else {@code
 *       x-kubernetes-patch-merge-key}); every other list, and every list of a kind the schema does
 *       not know (CRDs without a custom schema), is replaced by the patch's list;
 *   <li>merged lists put the patch's items first, in patch order, then the remaining items;
 *   <li>{@code $patch: delete|replace|merge} on a mapping, and a list item that is only {@code
 *       {$patch: ...}} for a whole list; an item with its key and {@code $patch: delete} removes
 *       that item;
 *   <li>{@code $retainKeys}, {@code $setElementOrder/...} and {@code $deleteFromPrimitiveList/...}
 *       are <em>not</em> directives to kustomize: they are copied like any other field, and so they
 *       are here.
 * </ul>
 *
 * <p>The quirks of kyaml's list merging (items without a key, multi-key lists such as container
 * ports keyed by {@code containerPort} and {@code protocol}) are reproduced on purpose, because the
 * output must match {@code kubectl kustomize} byte for byte.
 *
 * <p>The target tree is modified in place and patch subtrees may be moved into it: pass a patch the
 * caller may give away (a copy). Not thread-safe per call; instances are stateless apart from the
 * schema set and can be shared.
 */
public final class StrategicMerge {
  /** Marks an absent field or list item (as distinct from an explicit null). */
  static final Object MISSING =
      new Object() {
        @Override
        public String toString() {
          return "<missing>";
        }
      };

  /** The walk's verdict that a field, item or the whole document goes away. */
  private static final Object REMOVE = new Object();

  private static final String DIRECTIVE = "$patch";

  private final SchemaSet schemas;

  public StrategicMerge(SchemaSet schemas) {
    this.schemas = Objects.requireNonNull(schemas, "schemas");
  }

  /**
   * Merges {@code patch} into {@code target}.
   *
   * @return the merged document (usually {@code target} itself, changed in place), or empty when
   *     the patch deletes the document
   */
  public java.util.Optional<Map<String, Object>> apply(
      Map<String, Object> target, Map<String, Object> patch) {
    Object out = walk(target, patch, null, new ArrayList<>());
    if (out == REMOVE || !(out instanceof Map<?, ?>)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(cast(out));
  }

  private Object walk(Object dest, Object patch, Schema schema, List<String> path) {
    Schema s = schema != null ? schema : schemaOf(dest, patch);
    Object first = present(dest) ? dest : patch;
    if (!present(first)) {
      return walkMap(dest, patch, s, path);
    }
    if (first instanceof Map<?, ?>) {
      requireKind(Map.class, "MappingNode", dest, patch, path);
      return walkMap(dest, patch, s, path);
    }
    if (first instanceof List<?>) {
      requireKind(List.class, "SequenceNode", dest, patch, path);
      return s != null && s.mergesLists()
          ? walkMergedList(dest, patch, s, path)
          : walkList(dest, patch);
    }
    requireScalar(dest, patch, path);
    if (patch != MISSING) {
      return patch == null ? REMOVE : patch;
    }
    return dest;
  }

  /** A mapping carrying apiVersion and kind gets its kind's schema when the field has none. */
  private Schema schemaOf(Object dest, Object patch) {
    for (Object o : new Object[] {dest, patch}) {
      if (o instanceof Map<?, ?> m
          && m.get("apiVersion") instanceof String av
          && m.get("kind") instanceof String k
          && !av.isEmpty()
          && !k.isEmpty()) {
        Schema s = schemas.forType(av, k);
        if (s != null) {
          return s;
        }
      }
    }
    return null;
  }

  private Object walkMap(Object dest, Object patch, Schema schema, List<String> path) {
    Map<String, Object> into;
    if (!present(dest)) {
      if (patch instanceof Map<?, ?> pm && "delete".equals(scalarText(pm.get(DIRECTIVE)))) {
        return REMOVE;
      }
      if (patch == MISSING && dest == null) {
        return null; // an explicit null in the target that the patch leaves alone stays
      }
      if (!(patch instanceof Map<?, ?>)) {
        return REMOVE;
      }
      into = cast(patch);
      if (isDirective(into.get(DIRECTIVE))) {
        into.remove(DIRECTIVE);
      }
    } else {
      if (patch == null) {
        return REMOVE;
      }
      into = cast(dest);
      if (patch instanceof Map<?, ?> pm && pm.containsKey(DIRECTIVE)) {
        String directive = scalarText(pm.get(DIRECTIVE));
        pm.remove(DIRECTIVE);
        switch (directive) {
          case "delete" -> {
            return REMOVE;
          }
          case "replace" -> into = cast(patch);
          case "merge" -> {}
          default -> throw new KustomizeException("unknown patch strategy '" + directive + "'");
        }
      }
    }
    Map<String, Object> pmap = patch instanceof Map<?, ?> ? cast(patch) : Map.of();
    Set<String> keys = new TreeSet<>(into.keySet());
    keys.addAll(pmap.keySet());
    for (String key : keys) {
      Schema child = schema == null ? null : schema.field(key);
      Object d = into.containsKey(key) ? into.get(key) : MISSING;
      Object p = pmap.containsKey(key) ? pmap.get(key) : MISSING;
      path.add(key);
      Object v = walk(d, p, child, path);
      path.remove(path.size() - 1);
      if (v == REMOVE) {
        into.remove(key);
      } else {
        into.put(key, v);
      }
    }
    return into;
  }

  /** A list without a merge strategy: the patch's list replaces the target's. */
  private static Object walkList(Object dest, Object patch) {
    if (patch != MISSING) {
      return patch == null ? REMOVE : patch;
    }
    return dest;
  }

  private Object walkMergedList(Object dest, Object patch, Schema schema, List<String> path) {
    List<Object> into;
    if (!present(dest)) {
      into = castList(patch);
    } else if (patch == null) {
      return REMOVE;
    } else if (patch == MISSING) {
      into = castList(dest);
    } else {
      List<Object> pl = castList(patch);
      into = castList(dest);
      for (int i = 0; i < pl.size(); i++) {
        if (pl.get(i) instanceof Map<?, ?> item && item.containsKey(DIRECTIVE)) {
          if (item.size() > 1) {
            break;
          }
          String directive = scalarText(item.get(DIRECTIVE));
          switch (directive) {
            case "delete" -> {
              return REMOVE;
            }
            case "replace" -> into = pl;
            case "merge" -> {}
            default -> throw new KustomizeException("unknown patch strategy '" + directive + "'");
          }
          removeDirectiveItems(pl, directive);
          break;
        }
      }
    }
    List<Object> pl = patch instanceof List<?> ? castList(patch) : List.of();
    List<String> keys = schema.mergeKeys();
    Schema elementSchema = schema.elements();
    if (!keys.isEmpty()) {
      return mergeKeyed(into, pl, keys, elementSchema, path);
    }
    List<List<String>> values = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (List<Object> src : List.of(pl, into)) {
      for (Object item : src) {
        String v = nodeValue(item);
        if (seen.add(v)) {
          values.add(List.of(v));
        }
      }
    }
    return mergeItems(into, pl, values, List.of(""), elementSchema, path);
  }

  /** Removes every item carrying the directive, as kyaml elides it (empty items go too). */
  private static void removeDirectiveItems(List<Object> patch, String directive) {
    KeyedItems.setItem(patch, null, List.of(DIRECTIVE), List.of(directive));
  }

  private static boolean isDirective(Object value) {
    return value instanceof String s
        && (s.equals("delete") || s.equals("replace") || s.equals("merge"));
  }

  private Object mergeKeyed(
      List<Object> into,
      List<Object> pl,
      List<String> keys,
      Schema elementSchema,
      List<String> path) {
    List<List<String>> values = new ArrayList<>();
    Set<List<String>> seen = new HashSet<>();
    for (List<Object> src : List.of(pl, into)) {
      for (Object item : src) {
        List<String> tuple = new ArrayList<>(keys.size());
        for (String key : keys) {
          Object f = item instanceof Map<?, ?> m ? m.get(key) : null;
          tuple.add(isNilOrEmpty(f) ? "" : scalarText(f));
        }
        if (seen.add(tuple)) {
          values.add(tuple);
        }
      }
    }
    if (keys.size() > 1) {
      KeyedItems.combineTuples(values);
    }
    return mergeItems(into, pl, values, keys, elementSchema, path);
  }

  private Object mergeItems(
      List<Object> into,
      List<Object> pl,
      List<List<String>> values,
      List<String> keys,
      Schema elementSchema,
      List<String> path) {
    List<Object> added = new ArrayList<>();
    List<String> lastKeys = keys;
    for (List<String> tuple : values) {
      if (tuple.isEmpty()) {
        continue;
      }
      List<List<String>> kv = KeyedItems.validKeys(values, tuple, keys);
      List<String> vk = kv.get(0);
      List<String> vv = kv.get(1);
      lastKeys = vk;
      List<List<String>> kv2 = KeyedItems.validKeys(List.of(vv), vv, vk);
      Object d = KeyedItems.findItem(into, kv2.get(0), kv2.get(1));
      Object p = KeyedItems.findItem(pl, kv2.get(0), kv2.get(1));
      Object val = walk(d, p, elementSchema, path);
      boolean gone =
          val == REMOVE
              || val == null
              || val == MISSING
              || (val instanceof Map<?, ?> m && m.isEmpty());
      if (gone) {
        KeyedItems.setItem(into, null, vk, vv);
        continue;
      }
      for (int i = 0; i < vk.size(); i++) {
        String key = vk.get(i);
        if (!key.isEmpty()
            && val instanceof Map<?, ?> m
            && !m.containsKey(key)
            && !vv.get(i).isEmpty()) {
          StrategicMerge.<Object>cast(val).put(key, plainScalar(vv.get(i)));
        }
      }
      KeyedItems.setItem(added, val, vk, vv);
    }
    if (values.isEmpty()) {
      return into;
    }
    // The target's remaining items follow the patch's (kustomize prepends patch items).
    for (Object item : new ArrayList<>(into)) {
      if (lastKeys.get(0).isEmpty()) {
        KeyedItems.setItem(added, item, List.of(""), List.of(scalarText(item)));
        continue;
      }
      List<String> v = new ArrayList<>();
      for (String key : lastKeys) {
        if (!(item instanceof Map<?, ?> m)) {
          throw wrongKind("MappingNode", item, path);
        }
        if (!m.containsKey(key)) {
          added.add(item);
          continue;
        }
        v.add(nodeValue(m.get(key)));
      }
      if (lastKeys.size() > 1) {
        KeyedItems.setItem(added, null, lastKeys, v);
      }
      KeyedItems.setItem(added, item, lastKeys, v);
    }
    return added;
  }

  private static void requireKind(
      Class<?> type, String name, Object dest, Object patch, List<String> path) {
    for (Object o : new Object[] {dest, patch}) {
      if (present(o) && !type.isInstance(o)) {
        throw wrongKind(name, o, path);
      }
    }
  }

  private static void requireScalar(Object dest, Object patch, List<String> path) {
    for (Object o : new Object[] {dest, patch}) {
      if (o instanceof Map<?, ?> || o instanceof List<?>) {
        throw wrongKind("ScalarNode", o, path);
      }
    }
  }

  private static KustomizeException wrongKind(String expected, Object got, List<String> path) {
    String actual =
        got instanceof Map<?, ?>
            ? "MappingNode"
            : got instanceof List<?> ? "SequenceNode" : "ScalarNode";
    return new KustomizeException(
        "wrong node kind: expected "
            + expected
            + " but got "
            + actual
            + " at field "
            + String.join(".", path));
  }

  private static boolean present(Object o) {
    return o != MISSING && o != null;
  }

  private static boolean isNilOrEmpty(Object o) {
    return o == null
        || o == MISSING
        || (o instanceof Map<?, ?> m && m.isEmpty())
        || (o instanceof List<?> l && l.isEmpty())
        || "".equals(o);
  }

  /** The text of a YAML node as kyaml compares it: a scalar's text, empty for collections. */
  static String scalarText(Object o) {
    if (o == null || o == MISSING || o instanceof Map<?, ?> || o instanceof List<?>) {
      return "";
    }
    if (o instanceof Double d) {
      return d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15
          ? Long.toString(d.longValue())
          : d.toString();
    }
    return o.toString();
  }

  static String nodeValue(Object o) {
    return o == null ? "null" : scalarText(o);
  }

  /** A key value kyaml writes back as an untagged scalar: it reads as the type it looks like. */
  private static Object plainScalar(String s) {
    if (s.matches("-?(0|[1-9][0-9]*)")) {
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        return new BigInteger(s);
      }
    }
    if (s.equals("true") || s.equals("false")) {
      return Boolean.parseBoolean(s);
    }
    return s;
  }

  @SuppressWarnings("unchecked")
  private static <T> Map<String, T> cast(Object o) {
    return (Map<String, T>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> castList(Object o) {
    return (List<Object>) o;
  }
}
