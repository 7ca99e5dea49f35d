package dev.capstan.kustomize.fieldspec;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * kustomize's transformer configuration: the field specs of each builtin transformer and the name
 * reference rules. {@link #defaults()} is the built-in data ({@code defaults.yaml}); custom {@code
 * configurations} files merge into it with {@link #merge}.
 *
 * <p>Immutable; merging returns a new config.
 */
public final class FieldSpecConfig {
  /** Categories of plain field-spec lists, named as in kustomize configuration files. */
  public static final List<String> CATEGORIES =
      List.of(
          "namePrefix",
          "nameSuffix",
          "namespace",
          "commonLabels",
          "templateLabels",
          "commonAnnotations",
          "varReference",
          "images",
          "replicas",
          "labels");

  private static final FieldSpecConfig DEFAULTS = loadDefaults();

  private final Map<String, List<FieldSpec>> specs;
  private final List<NameBackReference> nameReference;

  private FieldSpecConfig(Map<String, List<FieldSpec>> specs, List<NameBackReference> nameRef) {
    this.specs = specs;
    this.nameReference = nameRef;
  }

  /** The built-in configuration. */
  public static FieldSpecConfig defaults() {
    return DEFAULTS;
  }

  /** An empty configuration. */
  public static FieldSpecConfig empty() {
    Map<String, List<FieldSpec>> m = new java.util.LinkedHashMap<>();
    for (String c : CATEGORIES) {
      m.put(c, List.of());
    }
    return new FieldSpecConfig(Collections.unmodifiableMap(m), List.of());
  }

  /** The field specs of a category (one of {@link #CATEGORIES}). */
  public List<FieldSpec> specs(String category) {
    List<FieldSpec> l = specs.get(category);
    if (l == null) {
      throw new IllegalArgumentException("unknown field spec category " + category);
    }
    return l;
  }

  public List<NameBackReference> nameReference() {
    return nameReference;
  }

  /** Whether this configuration has no field specs and no name reference rules. */
  private boolean isEmpty() {
    if (!nameReference.isEmpty()) {
      return false;
    }
    for (List<FieldSpec> l : specs.values()) {
      if (!l.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The union of this config and {@code other}: specs already present (same gvk and path) are kept
   * once; name reference rules for the same referral kind are merged.
   */
  public FieldSpecConfig merge(FieldSpecConfig other) {
    if (other == this || other.isEmpty()) {
      return this;
    }
    Map<String, List<FieldSpec>> m = new java.util.LinkedHashMap<>();
    for (String c : CATEGORIES) {
      m.put(c, mergeSpecs(specs(c), other.specs(c)));
    }
    List<NameBackReference> refs = new ArrayList<>(nameReference);
    for (NameBackReference r : other.nameReference) {
      int idx = -1;
      for (int i = 0; i < refs.size(); i++) {
        if (refs.get(i).sameReferral(r)) {
          idx = i;
          break;
        }
      }
      if (idx < 0) {
        refs.add(r);
      } else {
        NameBackReference old = refs.get(idx);
        refs.set(
            idx,
            new NameBackReference(
                old.group(),
                old.version(),
                old.kind(),
                mergeSpecs(old.referrers(), r.referrers())));
      }
    }
    return new FieldSpecConfig(Collections.unmodifiableMap(m), List.copyOf(refs));
  }

  private static List<FieldSpec> mergeSpecs(List<FieldSpec> a, List<FieldSpec> b) {
    if (b.isEmpty()) {
      return a;
    }
    List<FieldSpec> out = new ArrayList<>(a);
    outer:
    for (FieldSpec s : b) {
      for (FieldSpec e : out) {
        if (s.covers(e)) {
          continue outer;
        }
      }
      out.add(s);
    }
    return List.copyOf(out);
  }

  /**
   * This configuration overridden by custom {@code configurations}: the custom specs come first,
   * and a spec of this one is dropped when a custom spec for the same path is about a kind it
   * selects (so a custom {@code namePrefix: metadata/name} for one kind replaces the default one
   * for all kinds), as kustomize merges them.
   */
  public FieldSpecConfig withCustom(FieldSpecConfig custom) {
    return custom.merge(this);
  }

  /** Parses a configuration document (the format of kustomize {@code configurations} files). */
  @SuppressWarnings("unchecked")
  public static FieldSpecConfig parse(String text, String source) {
    Object doc = YamlReader.readOne(text, source, true);
    if (doc == null) {
      return empty();
    }
    if (!(doc instanceof Map<?, ?> raw)) {
      throw new KustomizeException(source + ": a transformer configuration must be a mapping");
    }
    Map<String, Object> map = (Map<String, Object>) raw;
    Map<String, List<FieldSpec>> m = new java.util.LinkedHashMap<>();
    for (String c : CATEGORIES) {
      m.put(c, parseSpecs(map.get(c), source, c));
    }
    List<NameBackReference> refs = new ArrayList<>();
    // Unknown top-level fields are ignored, as kustomize's non-strict decoding does.
    Object nr = map.get("nameReference");
    if (nr != null) {
      if (!(nr instanceof List<?> list)) {
        throw new KustomizeException(source + ": field 'nameReference' must be a list");
      }
      for (Object o : list) {
        if (!(o instanceof Map<?, ?> e)) {
          throw new KustomizeException(source + ": nameReference entries must be mappings");
        }
        Map<String, Object> entry = (Map<String, Object>) e;
        refs.add(
            new NameBackReference(
                str(entry, "group"),
                str(entry, "version"),
                str(entry, "kind"),
                parseSpecs(entry.get("fieldSpecs"), source, "nameReference.fieldSpecs")));
      }
    }
    return new FieldSpecConfig(Collections.unmodifiableMap(m), List.copyOf(refs));
  }

  /** Parses a list of field spec mappings ({@code group, version, kind, path, create}). */
  @SuppressWarnings("unchecked")
  public static List<FieldSpec> parseSpecs(Object node, String source, String field) {
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof List<?> list)) {
      throw new KustomizeException(
          source + ": field '" + field + "' must be a list of field specs");
    }
    List<FieldSpec> out = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> e)) {
        throw new KustomizeException(source + ": field '" + field + "' entries must be mappings");
      }
      Map<String, Object> m = (Map<String, Object>) e;
      Object create = m.get("create");
      out.add(
          FieldSpec.of(
              str(m, "group"),
              str(m, "version"),
              str(m, "kind"),
              str(m, "path"),
              create instanceof Boolean b ? b : "true".equals(String.valueOf(create))));
    }
    return List.copyOf(out);
  }

  private static String str(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? "" : String.valueOf(v);
  }

  private static FieldSpecConfig loadDefaults() {
    try (InputStream in = FieldSpecConfig.class.getResourceAsStream("defaults.yaml")) {
      if (in == null) {
        throw new IllegalStateException("defaults.yaml missing from the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "defaults.yaml");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
