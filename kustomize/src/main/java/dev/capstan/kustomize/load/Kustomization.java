package dev.capstan.kustomize.load;

import dev.capstan.kustomize.KustomizeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed, validated kustomization file (kind {@code Kustomization} or {@code Component}). Typed
 * accessors cover the fields the core reads; other features read their own fields from {@link
 * #raw()} with {@link #list}, {@link #map} and {@link #string}, which name file and field when the
 * shape is wrong. Legacy {@code bases} are already folded into {@link #resources()}.
 *
 * <p>Immutable after loading.
 */
public final class Kustomization {
  public static final String KIND_KUSTOMIZATION = "Kustomization";
  public static final String KIND_COMPONENT = "Component";

  private final Path file;
  private final Map<String, Object> raw;

  Kustomization(Path file, Map<String, Object> raw) {
    this.file = file;
    this.raw = Collections.unmodifiableMap(raw);
  }

  /** The kustomization file. */
  public Path file() {
    return file;
  }

  /** The directory holding the kustomization file. */
  public Path dir() {
    return file.getParent();
  }

  /** The whole parsed file (read-only). */
  public Map<String, Object> raw() {
    return raw;
  }

  public boolean has(String field) {
    return raw.get(field) != null;
  }

  /** {@code Kustomization} (also when unset) or {@code Component}. */
  public String kind() {
    String k = string("kind");
    return k.isEmpty() ? KIND_KUSTOMIZATION : k;
  }

  public boolean isComponent() {
    return KIND_COMPONENT.equals(kind());
  }

  /** {@code resources} followed by the deprecated {@code bases}, as kustomize orders them. */
  public List<String> resources() {
    List<String> out = new ArrayList<>(strings("resources"));
    out.addAll(strings("bases"));
    return out;
  }

  public List<String> components() {
    return strings("components");
  }

  public List<String> configurations() {
    return strings("configurations");
  }

  public List<String> crds() {
    return strings("crds");
  }

  public String namespace() {
    return string("namespace");
  }

  public String namePrefix() {
    return string("namePrefix");
  }

  public String nameSuffix() {
    return string("nameSuffix");
  }

  public Map<String, String> commonLabels() {
    return stringMap("commonLabels");
  }

  public Map<String, String> commonAnnotations() {
    return stringMap("commonAnnotations");
  }

  public List<String> buildMetadata() {
    return strings("buildMetadata");
  }

  /** A string field; empty when absent. Fails naming the field when it is not a scalar. */
  public String string(String field) {
    Object v = raw.get(field);
    if (v == null) {
      return "";
    }
    if (!(v instanceof String str)) {
      throw invalid(field, "cannot unmarshal " + goType(v) + " into a string");
    }
    return str;
  }

  /** The JSON type name kustomize's decoder reports for a value. */
  public static String goType(Object v) {
    if (v instanceof Map) {
      return "object";
    }
    if (v instanceof List) {
      return "array";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof Number) {
      return "number";
    }
    return "string";
  }

  /** A sequence field; empty when absent. */
  @SuppressWarnings("unchecked")
  public List<Object> list(String field) {
    Object v = raw.get(field);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> l)) {
      throw invalid(field, "expected a list");
    }
    return (List<Object>) l;
  }

  /** A mapping field; empty when absent. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> map(String field) {
    Object v = raw.get(field);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map<?, ?> m)) {
      throw invalid(field, "expected a map");
    }
    return (Map<String, Object>) m;
  }

  /** A list of strings; entries must be scalars. */
  public List<String> strings(String field) {
    List<String> out = new ArrayList<>();
    for (Object o : list(field)) {
      if (!(o instanceof String str)) {
        throw invalid(field, "cannot unmarshal " + goType(o) + " into a string list entry");
      }
      out.add(str);
    }
    return out;
  }

  /** A string-to-string map; scalar values are rendered as strings, null as empty. */
  public Map<String, String> stringMap(String field) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : map(field).entrySet()) {
      Object v = e.getValue();
      if (v != null && !(v instanceof String)) {
        throw invalid(
            field, "cannot unmarshal " + goType(v) + " into a string (key '" + e.getKey() + "')");
      }
      out.put(e.getKey(), v == null ? "" : (String) v);
    }
    return out;
  }

  /** The text of a scalar as kustomize reads it into a string field. */
  static String scalarText(Object v) {
    if (v instanceof Double d) {
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e21) {
        return String.valueOf(d.longValue());
      }
      return String.valueOf(d);
    }
    return String.valueOf(v);
  }

  /** An error naming this file and the field. */
  public KustomizeException invalid(String field, String reason) {
    return new KustomizeException(
        "invalid kustomization '" + file + "': field '" + field + "': " + reason);
  }

  @Override
  public String toString() {
    return file.toString();
  }
}
