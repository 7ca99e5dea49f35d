package dev.capstan.kustomize.generate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A generator's {@code options} or the kustomization's global {@code generatorOptions}: labels and
 * annotations for the generated object, whether its name gets the content hash suffix, and whether
 * it is immutable.
 */
public record GeneratorOptions(
    Map<String, String> labels,
    Map<String, String> annotations,
    boolean disableNameSuffixHash,
    boolean immutable) {

  public static final GeneratorOptions NONE =
      new GeneratorOptions(Map.of(), Map.of(), false, false);

  private static final Set<String> FIELDS =
      Set.of("labels", "annotations", "disableNameSuffixHash", "immutable");

  public GeneratorOptions {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
  }

  /** Reads options from a mapping (null reader: none). */
  public static GeneratorOptions read(ArgsReader r) {
    if (r == null) {
      return NONE;
    }
    r.allow(FIELDS);
    return new GeneratorOptions(
        r.stringMap("labels"),
        r.stringMap("annotations"),
        r.bool("disableNameSuffixHash"),
        r.bool("immutable"));
  }

  /**
   * These (local) options with the global ones merged in, as kustomize does: a label or annotation
   * set locally wins over the global one; either flag set globally is set.
   */
  public GeneratorOptions withGlobal(GeneratorOptions global) {
    Map<String, String> l = new LinkedHashMap<>(global.labels);
    l.putAll(labels);
    Map<String, String> a = new LinkedHashMap<>(global.annotations);
    a.putAll(annotations);
    return new GeneratorOptions(
        l, a, disableNameSuffixHash || global.disableNameSuffixHash, immutable || global.immutable);
  }
}
