package dev.capstan.kustomize.openapi;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.yaml.YamlReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The schemas of the top-level kinds a strategic merge patch can look up, by {@code apiVersion} and
 * {@code kind}: either Kubernetes' own (built-in data derived from the OpenAPI spec, see {@code
 * src/build/openapi/patch_metadata.py}) or a custom swagger document given by a kustomization's
 * {@code openapi: {path: ...}}.
 *
 * <p>Immutable and thread-safe; built-in sets are loaded once per JVM.
 */
public final class SchemaSet {
  /** The Kubernetes version whose schema kustomize v5.5.0 builds in and uses by default. */
  public static final String DEFAULT_KUBERNETES_VERSION = "v1.21.2";

  /** The Kubernetes versions whose patch metadata ships with Capstan. */
  public static final List<String> BUILT_IN_VERSIONS = List.of("v1.21.2", "v1.36.3");

  private static final Map<String, SchemaSet> BUILT_IN = new ConcurrentHashMap<>();

  private final Map<String, Supplier<Schema>> byType;
  private final java.util.Set<String> clusterScoped;
  private final java.util.function.Function<String, Schema> definitions;
  private final SchemaSet fallback;

  private SchemaSet(
      Map<String, Supplier<Schema>> byType,
      java.util.Set<String> clusterScoped,
      java.util.function.Function<String, Schema> definitions,
      SchemaSet fallback) {
    this.byType = byType;
    this.clusterScoped = clusterScoped;
    this.definitions = definitions;
    this.fallback = fallback;
  }

  /** The schema of a named definition, or null when unknown. */
  public Schema definition(String name) {
    Schema s = definitions.apply(name);
    return s == null && fallback != null ? fallback.definition(name) : s;
  }

  /**
   * Whether the schema says the kind is cluster-scoped (its GET paths carry no namespace); kinds it
   * does not know count as namespaced, as in kustomize.
   */
  public boolean isClusterScoped(String apiVersion, String kind) {
    return clusterScoped.contains(apiVersion + "\u0000" + kind)
        || (fallback != null && fallback.isClusterScoped(apiVersion, kind));
  }

  /** The schema of a top-level kind, or null when this set does not know it. */
  public Schema forType(String apiVersion, String kind) {
    Supplier<Schema> s = byType.get(apiVersion + "\u0000" + kind);
    if (s == null) {
      return fallback == null ? null : fallback.forType(apiVersion, kind);
    }
    return s.get();
  }

  /** Kustomize's default: the built-in Kubernetes v1.21.2 schema. */
  public static SchemaSet kubernetesDefault() {
    return kubernetes(DEFAULT_KUBERNETES_VERSION);
  }

  /** The built-in schema of one Kubernetes version from {@link #BUILT_IN_VERSIONS}. */
  public static SchemaSet kubernetes(String version) {
    if (!BUILT_IN_VERSIONS.contains(version)) {
      throw new KustomizeException("the specified OpenAPI version is not built in");
    }
    return BUILT_IN.computeIfAbsent(version, SchemaSet::loadBuiltIn);
  }

  private static SchemaSet loadBuiltIn(String version) {
    String resource = "kubernetes-" + version + ".tsv";
    try (InputStream in = SchemaSet.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String[]> kinds = new ArrayList<>();
      java.util.Set<String> cluster = new java.util.HashSet<>();
      Map<String, Map<String, Object>> defs = new HashMap<>();
      Map<String, Schema> built = new HashMap<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f[0].equals("S")) {
          cluster.add((f[1].isEmpty() ? f[2] : f[1] + "/" + f[2]) + "\u0000" + f[3]);
        } else if (f[0].equals("K")) {
          kinds.add(f);
        } else if (f[0].equals("F")) {
          Object shape = shape(f[3], f[4], f[5], built, defs);
          defs.computeIfAbsent(f[1], k -> new LinkedHashMap<>()).put(f[2], shape);
        }
      }
      for (Map.Entry<String, Map<String, Object>> e : defs.entrySet()) {
        built.put(
            e.getKey(),
            new Schema(false, Map.copyOf(e.getValue()), null, null, "", List.of(), true));
      }
      Map<String, Supplier<Schema>> byType = new HashMap<>();
      for (String[] k : kinds) {
        Schema s = built.get(k[4]);
        String apiVersion = k[1].isEmpty() ? k[2] : k[1] + "/" + k[2];
        byType.put(apiVersion + "\u0000" + k[3], () -> s);
      }
      return new SchemaSet(byType, java.util.Set.copyOf(cluster), built::get, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object shape(
      String shape, String strategy, String keys, Map<String, Schema> built, Map<?, ?> defs) {
    List<String> keyList = keys.isEmpty() ? List.of() : List.of(keys.split(","));
    if (shape.startsWith("D:")) {
      String name = shape.substring(2);
      // A reference loses the extensions beside it, as in kyaml; unknown definitions matter not.
      return (Supplier<Schema>) () -> built.getOrDefault(name, Schema.OPAQUE);
    }
    if (shape.startsWith("A:")) {
      return new Schema(
          true,
          Map.of(),
          shape(shape.substring(2), "", "", built, defs),
          null,
          strategy,
          keyList,
          true);
    }
    if (shape.startsWith("M:")) {
      return new Schema(
          false,
          Map.of(),
          null,
          shape(shape.substring(2), "", "", built, defs),
          strategy,
          keyList,
          true);
    }
    return strategy.isEmpty()
        ? Schema.OPAQUE
        : new Schema(false, Map.of(), null, null, strategy, keyList, true);
  }

  /**
   * Parses a custom swagger (OpenAPI v2) document, JSON or YAML, as kustomize's {@code openapi:
   * {path: ...}} does: every definition carrying {@code x-kubernetes-group-version-kind} becomes a
   * top-level kind; fields resolve through {@code $ref}, {@code properties}, {@code
   * additionalProperties} and {@code items}.
   *
   * @param source the file name used in error messages
   */
  public static SchemaSet parse(String text, String source) {
    return parse(text, source, null);
  }

  /**
   * Parses a custom swagger document laid over another schema set: kinds and {@code $ref}
   * definitions it lacks come from {@code fallback} (kustomize ends up with this when a base or
   * component declares the schema after the built-in one was loaded).
   */
  public static SchemaSet parse(String text, String source, SchemaSet fallback) {
    Object doc = YamlReader.readOne(text, source);
    if (!(doc instanceof Map<?, ?> root)) {
      throw new KustomizeException("invalid schema file: " + source + " is not a swagger document");
    }
    Map<String, Object> definitions = asMap(root.get("definitions"));
    CustomBuilder builder = new CustomBuilder(definitions, fallback);
    Map<String, Supplier<Schema>> byType = new HashMap<>();
    for (Map.Entry<String, Object> e : definitions.entrySet()) {
      Map<String, Object> def = asMap(e.getValue());
      if (!(def.get("x-kubernetes-group-version-kind") instanceof List<?> gvks)) {
        continue;
      }
      for (Object g : gvks) {
        Map<String, Object> gvk = asMap(g);
        String group = str(gvk.get("group"));
        String version = str(gvk.get("version"));
        String kind = str(gvk.get("kind"));
        String apiVersion = group.isEmpty() ? version : group + "/" + version;
        Object node = def;
        byType.put(apiVersion + "\u0000" + kind, () -> builder.schemaFor(node));
      }
    }
    return new SchemaSet(
        byType,
        clusterScopedFromPaths(asMap(root.get("paths"))),
        name -> definitions.containsKey(name) ? builder.schemaFor(definitions.get(name)) : null,
        fallback);
  }

  private static java.util.Set<String> clusterScopedFromPaths(Map<String, Object> paths) {
    Map<String, Boolean> namespaced = new HashMap<>();
    for (Map.Entry<String, Object> p : paths.entrySet()) {
      Map<String, Object> gvk =
          asMap(asMap(asMap(p.getValue()).get("get")).get("x-kubernetes-group-version-kind"));
      if (gvk.isEmpty()) {
        continue;
      }
      String group = str(gvk.get("group"));
      String version = str(gvk.get("version"));
      String key =
          (group.isEmpty() ? version : group + "/" + version) + "\u0000" + str(gvk.get("kind"));
      if (p.getKey().contains("namespaces/{namespace}")) {
        namespaced.put(key, true);
      } else {
        namespaced.putIfAbsent(key, false);
      }
    }
    java.util.Set<String> out = new java.util.HashSet<>();
    namespaced.forEach(
        (k, v) -> {
          if (!v) {
            out.add(k);
          }
        });
    return java.util.Set.copyOf(out);
  }

  /** Builds custom schema nodes lazily, once per node of the document. */
  private static final class CustomBuilder {
    private final Map<String, Object> definitions;
    private final Map<Object, Schema> cache = new IdentityHashMap<>();
    private final SchemaSet fallback;

    CustomBuilder(Map<String, Object> definitions, SchemaSet fallback) {
      this.definitions = definitions;
      this.fallback = fallback;
    }

    synchronized Schema schemaFor(Object node) {
      Object n = node;
      for (int hops = 0; n instanceof Map<?, ?> m && m.get("$ref") instanceof String ref; hops++) {
        if (hops > 64 || !ref.startsWith("#/definitions/")) {
          return null;
        }
        String name = ref.substring("#/definitions/".length());
        n = definitions.get(name);
        if (n == null) {
          return fallback == null ? null : fallback.definition(name);
        }
      }
      if (!(n instanceof Map<?, ?>)) {
        return null;
      }
      Schema cached = cache.get(n);
      if (cached != null) {
        return cached;
      }
      Map<String, Object> m = asMap(n);
      Object type = m.get("type");
      boolean array =
          "array".equals(type)
              || (type instanceof List<?> l && l.size() == 1 && "array".equals(l.get(0)));
      Map<String, Object> props = new HashMap<>();
      for (Map.Entry<String, Object> p : asMap(m.get("properties")).entrySet()) {
        Object child = p.getValue();
        props.put(p.getKey(), (Supplier<Schema>) () -> schemaFor(child));
      }
      Object items = m.get("items") instanceof Map<?, ?> it ? lazy(it) : null;
      Object additional = m.get("additionalProperties") instanceof Map<?, ?> ap ? lazy(ap) : null;
      List<String> keys = new ArrayList<>();
      if (m.get("x-kubernetes-list-map-keys") instanceof List<?> lmk) {
        lmk.forEach(k -> keys.add(str(k)));
      } else if (m.get("x-kubernetes-patch-merge-key") instanceof String mk) {
        keys.add(mk);
      }
      Schema s =
          new Schema(
              array,
              props,
              items,
              additional,
              str(m.get("x-kubernetes-patch-strategy")),
              keys,
              false);
      cache.put(n, s);
      return s;
    }

    private Supplier<Schema> lazy(Object node) {
      return () -> {
        Schema s = schemaFor(node);
        return s;
      };
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static String str(Object o) {
    return o instanceof String s ? s : o == null ? "" : String.valueOf(o);
  }
}
