package dev.capstan.kustomize.transform;

import dev.capstan.kustomize.fieldspec.FieldSpec;
import java.util.List;
import java.util.Map;

/** Adds annotations ({@code commonAnnotations} and the AnnotationsTransformer plugin). */
public final class AnnotationsTransformer extends MapEntriesTransformer {

  /**
   * @param annotations the annotations; @param fieldSpecs where annotations live
   */
  public record Config(Map<String, String> annotations, List<FieldSpec> fieldSpecs) {}

  public AnnotationsTransformer(Config config) {
    super(config.annotations(), config.fieldSpecs(), "annotation");
  }
}
