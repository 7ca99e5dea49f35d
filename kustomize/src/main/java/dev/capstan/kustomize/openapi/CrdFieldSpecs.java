package dev.capstan.kustomize.openapi;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.fieldspec.FieldSpecConfig;
import dev.capstan.kustomize.fs.Loader;
import dev.capstan.kustomize.yaml.YamlReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kustomize's {@code crds:} field: files of OpenAPI definitions (the Go {@code OpenAPIDefinition}
 * map of type name to {@code {Schema, Dependencies}}, JSON or YAML) whose property extensions add
 * field specs for the custom kinds: {@code x-kubernetes-annotation} (common annotations), {@code
 * x-kubernetes-label-selector} (common labels), {@code x-kubernetes-identity} (name prefix) and
 * {@code x-kubernetes-object-ref-api-version} / {@code -kind} / {@code -name-key} (name
 * references). A type counts when it has kind, apiVersion and metadata properties; its kind is the
 * last dot-separated part of its type name; {@code $ref}s (type names) are followed.
 */
public final class CrdFieldSpecs {
  private CrdFieldSpecs() {}

  /** The configuration the files add (empty for no files). */
  public static FieldSpecConfig load(List<String> paths, Loader loader) {
    FieldSpecConfig out = FieldSpecConfig.empty();
    for (String path : paths) {
      String text = loader.readString(path);
      Object doc;
      try {
        doc = YamlReader.readOne(text, path);
      } catch (KustomizeException e) {
        throw new KustomizeException(
            "unable to parse open API definition from '" + path + "': " + e.getMessage(), e);
      }
      if (!(doc instanceof Map<?, ?> types)) {
        throw new KustomizeException("unable to parse open API definition from '" + path + "'");
      }
      for (Map.Entry<?, ?> e : types.entrySet()) {
        // Each entry must be an OpenAPIDefinition object; a CRD manifest is not one.
        if (!(e.getValue() instanceof Map<?, ?>)) {
          throw new KustomizeException(
              "loading CRDs "
                  + paths
                  + ": unable to parse open API definition from '"
                  + path
                  + "': entry '"
                  + e.getKey()
                  + "' is not an OpenAPI definition object");
        }
      }
      out = out.merge(configOf(asMap(types), path));
    }
    return out;
  }

  private static FieldSpecConfig configOf(Map<String, Object> types, String source) {
    Map<String, List<Object>> lists = new LinkedHashMap<>();
    for (String c : List.of("commonAnnotations", "commonLabels", "namePrefix", "nameReference")) {
      lists.put(c, new ArrayList<>());
    }
    for (Map.Entry<String, Object> e : types.entrySet()) {
      Map<String, Object> props = properties(e.getValue());
      if (!props.containsKey("kind")
          || !props.containsKey("apiVersion")
          || !props.containsKey("metadata")) {
        continue;
      }
      String[] parts = e.getKey().split("\\.");
      String kind = parts[parts.length - 1];
      collect(types, e.getKey(), kind, new ArrayList<>(), lists, 0);
    }
    // The configuration format is YAML, and JSON is YAML: render the lists as JSON.
    return FieldSpecConfig.parse(json(lists), source);
  }

  private static void collect(
      Map<String, Object> types,
      String typeName,
      String kind,
      List<String> path,
      Map<String, List<Object>> lists,
      int depth) {
    if (depth > 32 || !types.containsKey(typeName)) {
      return;
    }
    for (Map.Entry<String, Object> p : properties(types.get(typeName)).entrySet()) {
      Map<String, Object> prop = asMap(p.getValue());
      List<String> here = new ArrayList<>(path);
      here.add(p.getKey());
      if (prop.get("x-kubernetes-annotation") instanceof String) {
        lists.get("commonAnnotations").add(spec(kind, here));
      }
      if (prop.get("x-kubernetes-label-selector") instanceof String) {
        lists.get("commonLabels").add(spec(kind, here));
      }
      if (prop.get("x-kubernetes-identity") instanceof String) {
        lists.get("namePrefix").add(spec(kind, here));
      }
      if (prop.get("x-kubernetes-object-ref-api-version") instanceof String version
          && prop.get("x-kubernetes-object-ref-kind") instanceof String refKind) {
        String nameKey =
            prop.get("x-kubernetes-object-ref-name-key") instanceof String k ? k : "name";
        List<String> withKey = new ArrayList<>(here);
        withKey.add(nameKey);
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("kind", refKind);
        ref.put("version", version);
        ref.put("fieldSpecs", List.of(spec(kind, withKey)));
        lists.get("nameReference").add(ref);
      }
      if (prop.get("$ref") instanceof String ref && !ref.isEmpty()) {
        collect(types, ref, kind, here, lists, depth + 1);
      }
    }
  }

  private static Map<String, Object> spec(String kind, List<String> path) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", kind);
    m.put("path", String.join("/", path));
    return m;
  }

  /** The properties of a definition's schema (its {@code Schema} key, matched ignoring case). */
  private static Map<String, Object> properties(Object definition) {
    for (Map.Entry<String, Object> e : asMap(definition).entrySet()) {
      if (e.getKey().equalsIgnoreCase("schema")) {
        return asMap(asMap(e.getValue()).get("properties"));
      }
    }
    return Map.of();
  }

  private static String json(Object o) {
    if (o instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder("{");
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (b.length() > 1) {
          b.append(',');
        }
        b.append(json(e.getKey())).append(':').append(json(e.getValue()));
      }
      return b.append('}').toString();
    }
    if (o instanceof List<?> l) {
      StringBuilder b = new StringBuilder("[");
      for (Object x : l) {
        if (b.length() > 1) {
          b.append(',');
        }
        b.append(json(x));
      }
      return b.append(']').toString();
    }
    StringBuilder b = new StringBuilder("\"");
    for (char c : String.valueOf(o).toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
