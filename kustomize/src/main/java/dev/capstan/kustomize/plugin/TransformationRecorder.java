package dev.capstan.kustomize.plugin;

import dev.capstan.kustomize.patch.PatchJson6902Transformer;
import dev.capstan.kustomize.patch.PatchStrategicMergeTransformer;
import dev.capstan.kustomize.patch.PatchTransformer;
import dev.capstan.kustomize.replace.ReplacementTransformer;
import dev.capstan.kustomize.resource.Origin;
import dev.capstan.kustomize.resource.OriginContext;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import dev.capstan.kustomize.transform.AnnotationsTransformer;
import dev.capstan.kustomize.transform.ImageTagTransformer;
import dev.capstan.kustomize.transform.LabelTransformer;
import dev.capstan.kustomize.transform.NamespaceTransformer;
import dev.capstan.kustomize.transform.PrefixSuffixTransformer;
import dev.capstan.kustomize.transform.ReplicaCountTransformer;
import dev.capstan.kustomize.transform.Transformer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code buildMetadata: [transformerAnnotations]}: after each transformer of a kustomization ran,
 * every accumulated resource gets one entry in {@code alpha.config.kubernetes.io/transformations}
 * naming it — {@code configuredIn} the kustomization (or the plugin config's file) and {@code
 * configuredBy} its builtin kind (plus name and namespace for plugin configs) — whether or not it
 * changed that resource, as kustomize does.
 */
public final class TransformationRecorder {
  private TransformationRecorder() {}

  /**
   * Records that {@code t}, configured by {@code kustomizationFile}, ran over {@code resources}.
   * Transformers of unknown classes are not recorded.
   */
  public static void record(
      ResourceList resources, Transformer t, Path kustomizationFile, OriginContext origins) {
    Optional<Origin> origin = originOf(t, kustomizationFile, origins);
    if (origin.isEmpty()) {
      return;
    }
    for (Resource r : resources) {
      origin.get().appendTransformationTo(r);
    }
  }

  private static Optional<Origin> originOf(Transformer t, Path file, OriginContext origins) {
    if (t instanceof OriginTransformer o) {
      return Optional.of(o.origin());
    }
    return builtinKind(t).map(kind -> origins.configured(file, Origin.by("builtin", kind, "", "")));
  }

  /** The builtin kind a kustomization field's transformer reports as. */
  private static Optional<String> builtinKind(Transformer t) {
    if (t instanceof PrefixSuffixTransformer p) {
      // the namePrefix and nameSuffix fields make one transformer each
      return Optional.of(p.config().prefix().isEmpty() ? "SuffixTransformer" : "PrefixTransformer");
    }
    Map<Class<?>, String> kinds =
        Map.ofEntries(
            Map.entry(NamespaceTransformer.class, "NamespaceTransformer"),
            Map.entry(LabelTransformer.class, "LabelTransformer"),
            Map.entry(AnnotationsTransformer.class, "AnnotationsTransformer"),
            Map.entry(ImageTagTransformer.class, "ImageTagTransformer"),
            Map.entry(ReplicaCountTransformer.class, "ReplicaCountTransformer"),
            Map.entry(PatchTransformer.class, "PatchTransformer"),
            Map.entry(PatchStrategicMergeTransformer.class, "PatchStrategicMergeTransformer"),
            Map.entry(PatchJson6902Transformer.class, "PatchJson6902Transformer"),
            Map.entry(ReplacementTransformer.class, "ReplacementTransformer"));
    return Optional.ofNullable(kinds.get(t.getClass()));
  }
}
