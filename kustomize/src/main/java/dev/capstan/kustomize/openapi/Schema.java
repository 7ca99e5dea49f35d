package dev.capstan.kustomize.openapi;

import java.util.List;
import java.util.Map;

/**
 * One node of an OpenAPI schema as a strategic merge patch sees it: the schema of a field, of a
 * list's elements or of a map's values, and the patch strategy and merge keys declared on it.
 *
 * <p>Lookups follow kustomize (kyaml): {@link #field} reads {@code properties}, then {@code
 * additionalProperties}; {@link #elements} exists only for a schema whose type is exactly {@code
 * array}. References are resolved lazily, so recursive definitions are fine. Immutable and
 * thread-safe once built.
 */
public final class Schema {
  /** A known schema that says nothing below it (no fields, no strategy). */
  public static final Schema OPAQUE = new Schema(false, Map.of(), null, null, "", List.of(), true);

  private final boolean array;
  private final Map<String, Object> properties;
  private final Object items;
  private final Object additional;
  private final String strategy;
  private final List<String> keys;
  private final boolean opaqueFallback;

  /**
   * @param properties field name to {@link Schema} or {@link java.util.function.Supplier} of one
   * @param items the element schema (or supplier), for arrays
   * @param additional the value schema (or supplier) of {@code additionalProperties}
   * @param opaqueFallback whether an unlisted field has a (featureless) schema rather than none;
   *     used by the pruned built-in data, which lists only fields that matter to a patch
   */
  Schema(
      boolean array,
      Map<String, Object> properties,
      Object items,
      Object additional,
      String strategy,
      List<String> keys,
      boolean opaqueFallback) {
    this.array = array;
    this.properties = properties;
    this.items = items;
    this.additional = additional;
    this.strategy = strategy == null ? "" : strategy;
    this.keys = List.copyOf(keys);
    this.opaqueFallback = opaqueFallback;
  }

  /** The schema of a mapping field, or null when the schema does not describe it. */
  public Schema field(String name) {
    Object s = properties.get(name);
    if (s == null) {
      s = additional;
    }
    if (s == null) {
      return opaqueFallback ? OPAQUE : null;
    }
    return resolve(s);
  }

  /** The schema of a list's elements, or null when this is not an array schema. */
  public Schema elements() {
    return array && items != null ? resolve(items) : null;
  }

  /** {@code x-kubernetes-patch-strategy}, or the empty string. */
  public String patchStrategy() {
    return strategy;
  }

  /**
   * The merge keys: {@code x-kubernetes-list-map-keys} when declared, else the single {@code
   * x-kubernetes-patch-merge-key}; empty when no patch strategy is declared (as kyaml reads them).
   */
  public List<String> mergeKeys() {
    return strategy.isEmpty() ? List.of() : keys;
  }

  /**
   * Whether the patch strategy includes {@code merge} (a list merges by key instead of replacing).
   */
  public boolean mergesLists() {
    for (String s : strategy.split(",", -1)) {
      if (s.equals("merge")) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private static Schema resolve(Object s) {
    return s instanceof Schema schema ? schema : ((java.util.function.Supplier<Schema>) s).get();
  }
}
