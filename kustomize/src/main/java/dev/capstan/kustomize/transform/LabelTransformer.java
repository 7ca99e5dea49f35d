package dev.capstan.kustomize.transform;

import dev.capstan.kustomize.fieldspec.FieldSpec;
import java.util.List;
import java.util.Map;

/** Adds labels ({@code commonLabels}, {@code labels}, and the LabelTransformer plugin). */
public final class LabelTransformer extends MapEntriesTransformer {

  /**
   * @param labels the labels; @param fieldSpecs where labels live
   */
  public record Config(Map<String, String> labels, List<FieldSpec> fieldSpecs) {}

  public LabelTransformer(Config config) {
    super(config.labels(), config.fieldSpecs(), "label");
  }
}
