package dev.capstan.kustomize.transform;

import dev.capstan.kustomize.BuildContext;
import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.fieldspec.FieldSpec;
import dev.capstan.kustomize.fieldspec.FieldSpecConfig;
import dev.capstan.kustomize.load.Kustomization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the core's kustomization fields into configured transformers, using the accumulated
 * field-spec configuration. Each method returns the transformers of one kustomize builtin, in
 * kustomize's order within it; an absent field gives none.
 */
public final class BuiltinTransformers {
  private BuiltinTransformers() {}

  /** {@code namespace:} */
  public static List<Transformer> namespace(BuildContext ctx) {
    String ns = ctx.kustomization().namespace();
    if (ns.isEmpty()) {
      return List.of();
    }
    return List.of(
        new NamespaceTransformer(
            new NamespaceTransformer.Config(
                ns,
                ctx.config().specs("namespace"),
                false,
                NamespaceTransformer.SubjectMode.DEFAULT_ONLY)));
  }

  /** {@code namePrefix:} then {@code nameSuffix:} */
  public static List<Transformer> prefixSuffix(BuildContext ctx) {
    Kustomization k = ctx.kustomization();
    List<Transformer> out = new ArrayList<>();
    if (!k.namePrefix().isEmpty()) {
      out.add(
          new PrefixSuffixTransformer(
              new PrefixSuffixTransformer.Config(
                  k.namePrefix(), "", ctx.config().specs("namePrefix"))));
    }
    if (!k.nameSuffix().isEmpty()) {
      out.add(
          new PrefixSuffixTransformer(
              new PrefixSuffixTransformer.Config(
                  "", k.nameSuffix(), ctx.config().specs("nameSuffix"))));
    }
    return out;
  }

  /** {@code labels:} entries, then {@code commonLabels:} */
  @SuppressWarnings("unchecked")
  public static List<Transformer> labels(BuildContext ctx) {
    Kustomization k = ctx.kustomization();
    FieldSpecConfig c = ctx.config();
    List<Transformer> out = new ArrayList<>();
    for (Object o : k.list("labels")) {
      if (!(o instanceof Map<?, ?> raw)) {
        throw k.invalid("labels", "entries must be mappings");
      }
      Map<String, Object> e = (Map<String, Object>) raw;
      Map<String, String> pairs = stringMap(k, "labels.pairs", e.get("pairs"));
      List<FieldSpec> specs =
          new ArrayList<>(
              FieldSpecConfig.parseSpecs(e.get("fields"), k.file().toString(), "labels.fields"));
      // the `labels` category of custom configurations applies to every labels entry
      specs = mergeSpecs(specs, c.specs("labels"));
      if (Boolean.TRUE.equals(e.get("includeSelectors"))) {
        specs = mergeSpecs(specs, c.specs("commonLabels"));
      } else {
        specs = mergeSpecs(specs, List.of(FieldSpec.of("", "", "", "metadata/labels", true)));
        if (Boolean.TRUE.equals(e.get("includeTemplates"))) {
          specs = mergeSpecs(specs, c.specs("templateLabels"));
        }
      }
      out.add(new LabelTransformer(new LabelTransformer.Config(pairs, specs)));
    }
    Map<String, String> common = k.commonLabels();
    // kustomize configures the commonLabels transformer whenever any label config exists (a no-op
    // when empty); it shows in buildMetadata transformerAnnotations
    if (!common.isEmpty() || !out.isEmpty()) {
      out.add(new LabelTransformer(new LabelTransformer.Config(common, c.specs("commonLabels"))));
    }
    return out;
  }

  /** {@code commonAnnotations:} */
  public static List<Transformer> annotations(BuildContext ctx) {
    Map<String, String> ann = ctx.kustomization().commonAnnotations();
    if (ann.isEmpty()) {
      return List.of();
    }
    return List.of(
        new AnnotationsTransformer(
            new AnnotationsTransformer.Config(ann, ctx.config().specs("commonAnnotations"))));
  }

  /** {@code replicas:} */
  @SuppressWarnings("unchecked")
  public static List<Transformer> replicas(BuildContext ctx) {
    Kustomization k = ctx.kustomization();
    List<Transformer> out = new ArrayList<>();
    for (Object o : k.list("replicas")) {
      if (!(o instanceof Map<?, ?> raw)) {
        throw k.invalid("replicas", "entries must be mappings with name and count");
      }
      Map<String, Object> e = (Map<String, Object>) raw;
      Object count = e.get("count");
      long n;
      if (count instanceof Long l) {
        n = l;
      } else if (count == null) {
        n = 0;
      } else {
        throw k.invalid(
            "replicas", "cannot unmarshal " + Kustomization.goType(count) + " into count (int64)");
      }
      out.add(
          new ReplicaCountTransformer(
              new ReplicaCountTransformer.Config(
                  str(k, "replicas.name", e.get("name")), n, ctx.config().specs("replicas"))));
    }
    return out;
  }

  /** {@code images:} */
  @SuppressWarnings("unchecked")
  public static List<Transformer> images(BuildContext ctx) {
    Kustomization k = ctx.kustomization();
    List<Transformer> out = new ArrayList<>();
    for (Object o : k.list("images")) {
      if (!(o instanceof Map<?, ?> raw)) {
        throw k.invalid("images", "entries must be mappings");
      }
      Map<String, Object> e = (Map<String, Object>) raw;
      ImageTagTransformer.Image img =
          new ImageTagTransformer.Image(
              str(k, "images.name", e.get("name")), str(k, "images.newName", e.get("newName")),
              str(k, "images.newTag", e.get("newTag")), str(k, "images.digest", e.get("digest")));
      out.add(
          new ImageTagTransformer(
              new ImageTagTransformer.Config(img, ctx.config().specs("images"))));
    }
    return out;
  }

  /**
   * Merges field specs as kustomize's FsSlice.MergeAll does: a spec with the same gvk and path as
   * one already present is skipped, unless it disagrees on {@code create}, which is an error.
   */
  public static List<FieldSpec> mergeSpecs(List<FieldSpec> base, List<FieldSpec> more) {
    List<FieldSpec> out = new ArrayList<>(base);
    outer:
    for (FieldSpec s : more) {
      for (FieldSpec e : out) {
        if (e.sameTarget(s)) {
          if (e.create() != s.create()) {
            throw new KustomizeException("conflicting fieldspecs: " + e + " and " + s);
          }
          continue outer;
        }
      }
      out.add(s);
    }
    return out;
  }

  /** A string field of a kustomization entry: absent or null is empty, other types fail. */
  static String str(Kustomization k, String field, Object o) {
    if (o == null) {
      return "";
    }
    if (!(o instanceof String s)) {
      throw k.invalid(field, "cannot unmarshal " + Kustomization.goType(o) + " into a string");
    }
    return s;
  }

  private static Map<String, String> stringMap(Kustomization k, String field, Object o) {
    Map<String, String> out = new LinkedHashMap<>();
    if (o == null) {
      return out;
    }
    if (!(o instanceof Map<?, ?> m)) {
      throw k.invalid(field, "expected a map of strings");
    }
    for (Map.Entry<?, ?> e : m.entrySet()) {
      out.put(String.valueOf(e.getKey()), str(k, field, e.getValue()));
    }
    return out;
  }
}
