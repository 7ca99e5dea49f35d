package dev.capstan.kustomize.generate;

import dev.capstan.kustomize.KustomizeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads typed fields from one mapping of a kustomization or plugin config, failing like Go's JSON
 * decoding does: a wrong type names the field, and in strict mode an unknown field is refused.
 * {@code null} values read as absent. In lenient mode (plugin configs, which kustomize decodes with
 * a YAML decoder) a number or boolean where a string is expected reads as its text, as there.
 *
 * @param map the mapping
 * @param where the Go-style path of the mapping for messages, e.g. {@code
 *     ConfigMapArgs.configMapGenerator}
 * @param strict whether unknown fields are refused (the kustomization file is strict; plugin
 *     configs are not)
 * @param lenientScalars whether a number or boolean reads as text where a string is expected
 *     (kustomize's decoding of most plugin configs converts them; the kustomization file and the
 *     generator plugin configs do not)
 */
public record ArgsReader(
    Map<String, Object> map, String where, boolean strict, boolean lenientScalars) {

  /** A reader that is strict (or not) about both unknown fields and scalar types. */
  public ArgsReader(Map<String, Object> map, String where, boolean strict) {
    this(map, where, strict, !strict);
  }

  /** This reader, refusing a number or boolean where a string is expected. */
  public ArgsReader strictScalars() {
    return new ArgsReader(map, where, strict, false);
  }

  /** Refuses fields outside {@code known} in strict mode. */
  public ArgsReader allow(Set<String> known) {
    if (strict) {
      for (String k : map.keySet()) {
        if (!known.contains(k)) {
          throw new KustomizeException("invalid Kustomization: json: unknown field \"" + k + "\"");
        }
      }
    }
    return this;
  }

  public String string(String field) {
    Object v = map.get(field);
    if (v == null) {
      return "";
    }
    if (v instanceof String s) {
      return s;
    }
    return lenientText(v).orElseThrow(() -> typeError(v, field, "string"));
  }

  /** In lenient mode, a scalar's text; empty otherwise. */
  private Optional<String> lenientText(Object v) {
    if (!lenientScalars || v instanceof Map || v instanceof List) {
      return Optional.empty();
    }
    return Optional.of(v instanceof Double d ? Double.toString(d) : String.valueOf(v));
  }

  public boolean bool(String field) {
    Object v = map.get(field);
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw typeError(v, field, "bool");
  }

  public List<String> strings(String field) {
    Object v = map.get(field);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      throw typeError(v, field, "[]string");
    }
    List<String> out = new ArrayList<>(list.size());
    for (Object item : list) {
      if (item == null) {
        out.add("");
      } else if (item instanceof String s) {
        out.add(s);
      } else {
        out.add(lenientText(item).orElseThrow(() -> typeError(item, field, "string")));
      }
    }
    return out;
  }

  public Map<String, String> stringMap(String field) {
    Object v = map.get(field);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map<?, ?> m)) {
      throw typeError(v, field, "map[string]string");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      Object value = e.getValue();
      if (value == null) {
        out.put(String.valueOf(e.getKey()), "");
      } else if (value instanceof String s) {
        out.put(String.valueOf(e.getKey()), s);
      } else {
        out.put(
            String.valueOf(e.getKey()),
            lenientText(value).orElseThrow(() -> typeError(value, field, "string")));
      }
    }
    return out;
  }

  /** A nested mapping read with the given Go type name, or null when absent. */
  @SuppressWarnings("unchecked")
  public ArgsReader nested(String field, String goType) {
    Object v = map.get(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Map<?, ?> m)) {
      throw typeError(v, field, goType);
    }
    String path = where.contains(".") ? where.substring(where.indexOf('.')) : "";
    return new ArgsReader(
        (Map<String, Object>) m, goType + path + "." + field, strict, lenientScalars);
  }

  private KustomizeException typeError(Object value, String field, String goType) {
    String prefix = strict ? "invalid Kustomization: " : "";
    return new KustomizeException(
        prefix
            + "json: cannot unmarshal "
            + jsonType(value)
            + " into Go struct field "
            + where
            + "."
            + field
            + " of type "
            + goType);
  }

  private static String jsonType(Object v) {
    return switch (v) {
      case String s -> "string";
      case Boolean b -> "bool";
      case Map<?, ?> m -> "object";
      case List<?> l -> "array";
      default -> "number";
    };
  }
}
