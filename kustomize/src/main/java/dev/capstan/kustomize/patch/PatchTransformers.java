package dev.capstan.kustomize.patch;

import dev.capstan.kustomize.fs.Loader;
import dev.capstan.kustomize.load.Kustomization;
import dev.capstan.kustomize.openapi.OpenApiSettings;
import dev.capstan.kustomize.transform.Transformer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a kustomization's patch fields into the builtin patch transformers, as kustomize does:
 * {@code patchesStrategicMerge} into one PatchStrategicMergeTransformer, each {@code patches} entry
 * into a PatchTransformer, each {@code patchesJson6902} entry into a PatchJson6902Transformer.
 */
public final class PatchTransformers {
  private PatchTransformers() {}

  public static List<Transformer> strategicMerge(
      Kustomization k, Loader loader, OpenApiSettings openapi) {
    List<String> entries = k.strings("patchesStrategicMerge");
    if (entries.isEmpty()) {
      return List.of();
    }
    return List.of(PatchStrategicMergeTransformer.fromEntries(entries, loader, openapi));
  }

  public static List<Transformer> patches(Kustomization k, Loader loader, OpenApiSettings openapi) {
    List<Transformer> out = new ArrayList<>();
    for (Object entry : k.list("patches")) {
      out.add(PatchTransformer.fromConfig(entryMap(k, "patches", entry), loader, openapi));
    }
    return out;
  }

  public static List<Transformer> json6902(
      Kustomization k, Loader loader, OpenApiSettings openapi) {
    List<Transformer> out = new ArrayList<>();
    for (Object entry : k.list("patchesJson6902")) {
      Map<String, Object> config = new LinkedHashMap<>(entryMap(k, "patchesJson6902", entry));
      if (config.containsKey("patch")) {
        config.put("jsonOp", config.remove("patch"));
      }
      out.add(PatchJson6902Transformer.fromConfig(config, loader, openapi));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> entryMap(Kustomization k, String field, Object entry) {
    if (!(entry instanceof Map<?, ?> m)) {
      throw k.invalid(field, "expected a list of mappings");
    }
    return (Map<String, Object>) m;
  }
}
