package dev.capstan.engine.health;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A read-only view over a Kubernetes object held as a JSON-like tree: {@code Map<String,Object>}
 * for objects, {@code List<Object>} for arrays, and {@code String}, {@code Number}, {@code Boolean}
 * or null for scalars. This is the shape that fabric8's {@code
 * GenericKubernetesResource#getAdditionalProperties}, Jackson and the kustomize model all produce,
 * so health checks never depend on typed API classes.
 *
 * <p>Paths are dotted field names ({@code "status.readyReplicas"}); a missing field or a field of
 * the wrong type reads as empty. The view never copies or changes the tree. It is as thread-safe as
 * the tree it wraps.
 */
public final class LiveObject {

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final Map<String, Object> tree;

  private LiveObject(Map<String, Object> tree) {
    this.tree = Objects.requireNonNull(tree, "tree");
  }

  /** Wraps a tree without copying it. */
  public static LiveObject of(Map<String, Object> tree) {
    return new LiveObject(tree);
  }

  /**
   * A view of a fabric8 resource, converted once to a JSON-like tree (a copy; later changes to the
   * resource are not seen).
   */
  @SuppressWarnings("unchecked")
  public static LiveObject fromResource(
      io.fabric8.kubernetes.api.model.GenericKubernetesResource resource) {
    return new LiveObject(JSON.convertValue(resource, Map.class));
  }

  /** The wrapped tree (not a copy). */
  public Map<String, Object> tree() {
    return tree;
  }

  /** {@code apiVersion}, or empty string. */
  public String apiVersion() {
    return string("apiVersion").orElse("");
  }

  /** {@code kind}, or empty string. */
  public String kind() {
    return string("kind").orElse("");
  }

  /** {@code metadata.name}, or empty string. */
  public String name() {
    return string("metadata.name").orElse("");
  }

  /** {@code metadata.namespace}, or empty string for cluster-scoped objects. */
  public String namespace() {
    return string("metadata.namespace").orElse("");
  }

  /** The object's group and kind from {@code apiVersion} and {@code kind}. */
  public GroupKind groupKind() {
    return GroupKind.fromApiVersion(apiVersion(), kind());
  }

  /** The identity used in messages: {@code Kind/namespace/name} or {@code Kind/name}. */
  public String identity() {
    String ns = namespace();
    return ns.isEmpty() ? kind() + "/" + name() : kind() + "/" + ns + "/" + name();
  }

  /** True when {@code metadata.deletionTimestamp} is set. */
  public boolean isBeingDeleted() {
    return string("metadata.deletionTimestamp").filter(s -> !s.isEmpty()).isPresent();
  }

  /** {@code metadata.annotations}, empty when absent; values that are not strings are skipped. */
  public Map<String, String> annotations() {
    return stringMap("metadata.annotations");
  }

  /** {@code metadata.labels}, empty when absent. */
  public Map<String, String> labels() {
    return stringMap("metadata.labels");
  }

  /** The raw value at a dotted path. */
  public Optional<Object> value(String path) {
    Object current = tree;
    for (String part : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return Optional.empty();
      }
      current = map.get(part);
      if (current == null) {
        return Optional.empty();
      }
    }
    return Optional.of(current);
  }

  /** The string at a path; empty when absent or not a string. */
  public Optional<String> string(String path) {
    return value(path).filter(String.class::isInstance).map(String.class::cast);
  }

  /** The string at a path, or {@code fallback}. */
  public String string(String path, String fallback) {
    return string(path).orElse(fallback);
  }

  /** The integral number at a path; doubles with no fraction count, anything else is empty. */
  public OptionalLong integer(String path) {
    Optional<Object> v = value(path);
    if (v.isEmpty() || !(v.get() instanceof Number n)) {
      return OptionalLong.empty();
    }
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      return d == Math.rint(d) ? OptionalLong.of((long) d) : OptionalLong.empty();
    }
    return OptionalLong.of(n.longValue());
  }

  /** The integer at a path, or {@code fallback}. */
  public long integer(String path, long fallback) {
    return integer(path).orElse(fallback);
  }

  /** The boolean at a path; empty when absent or not a boolean. */
  public Optional<Boolean> bool(String path) {
    return value(path).filter(Boolean.class::isInstance).map(Boolean.class::cast);
  }

  /** The list at a path, empty when absent. */
  public List<Object> list(String path) {
    return value(path)
        .filter(List.class::isInstance)
        .<List<Object>>map(LiveObject::castList)
        .orElse(List.of());
  }

  /** The elements of a list that are objects, as views. */
  public List<LiveObject> objects(String path) {
    List<LiveObject> out = new ArrayList<>();
    for (Object item : list(path)) {
      if (item instanceof Map<?, ?>) {
        out.add(new LiveObject(castMap(item)));
      }
    }
    return out;
  }

  /** The object at a path as a view. */
  public Optional<LiveObject> object(String path) {
    return value(path).filter(Map.class::isInstance).map(m -> new LiveObject(castMap(m)));
  }

  /** True when a value is present at the path. */
  public boolean has(String path) {
    return value(path).isPresent();
  }

  /** {@code status.conditions} in order; entries that are not objects are skipped. */
  public List<Condition> conditions() {
    List<Condition> out = new ArrayList<>();
    for (LiveObject c : objects("status.conditions")) {
      out.add(
          new Condition(
              c.string("type", ""),
              c.string("status", ""),
              c.string("reason", ""),
              c.string("message", "")));
    }
    return out;
  }

  /** The first condition of a type. */
  public Optional<Condition> condition(String type) {
    return conditions().stream().filter(c -> c.type().equals(type)).findFirst();
  }

  private Map<String, String> stringMap(String path) {
    Optional<LiveObject> obj = object(path);
    if (obj.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new java.util.LinkedHashMap<>();
    obj.get()
        .tree
        .forEach(
            (k, v) -> {
              if (v instanceof String s) {
                out.put(k, s);
              }
            });
    return Collections.unmodifiableMap(out);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> castList(Object o) {
    return (List<Object>) o;
  }

  @Override
  public String toString() {
    return identity();
  }
}
