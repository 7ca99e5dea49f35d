package dev.capstan.kustomize.patch;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.fs.Loader;
import dev.capstan.kustomize.openapi.OpenApiSettings;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import dev.capstan.kustomize.transform.Transformer;
import dev.capstan.kustomize.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * kustomize's PatchStrategicMergeTransformer: the deprecated {@code patchesStrategicMerge} field
 * and its plugin config ({@code paths}, each a file or inline YAML, and inline {@code patches}).
 * Every patch document applies to the one resource it names, by any of its ids; none matching is an
 * error.
 */
public final class PatchStrategicMergeTransformer implements Transformer {
  private final List<ResourcePatcher.SmPatch> patches;
  private final OpenApiSettings openapi;

  private PatchStrategicMergeTransformer(
      List<ResourcePatcher.SmPatch> patches, OpenApiSettings openapi) {
    this.patches = List.copyOf(patches);
    this.openapi = openapi;
  }

  /** From the kustomization's {@code patchesStrategicMerge} entries. */
  public static PatchStrategicMergeTransformer fromEntries(
      List<String> entries, Loader loader, OpenApiSettings openapi) {
    return fromConfig(Map.of("paths", List.copyOf(entries)), loader, openapi);
  }

  /** From a plugin config with {@code paths} and/or {@code patches}. */
  public static PatchStrategicMergeTransformer fromConfig(
      Map<String, Object> config, Loader loader, OpenApiSettings openapi) {
    List<?> paths = config.get("paths") instanceof List<?> l ? l : List.of();
    String inline = config.get("patches") instanceof String s ? s : "";
    if (paths.isEmpty() && inline.isEmpty()) {
      throw new KustomizeException("empty file path and empty patch content");
    }
    List<ResourcePatcher.SmPatch> out = new ArrayList<>();
    for (Object p : paths) {
      String entry = String.valueOf(p);
      out.addAll(docs(inlineOrFile(entry, loader), entry));
    }
    if (!inline.isEmpty()) {
      out.addAll(docs(inline, "patches"));
    }
    if (out.isEmpty()) {
      throw new KustomizeException(
          "patch appears to be empty; files=" + paths + ", Patch=" + inline);
    }
    return new PatchStrategicMergeTransformer(out, openapi);
  }

  /** An entry is inline YAML when it parses to mappings, else a file path. */
  private static String inlineOrFile(String entry, Loader loader) {
    try {
      List<Object> docs = YamlReader.readAll(entry, "patchesStrategicMerge");
      if (!docs.isEmpty() && docs.stream().allMatch(d -> d instanceof Map<?, ?>)) {
        return entry;
      }
    } catch (KustomizeException notInline) {
      // a path, read below
    }
    return loader.readString(entry);
  }

  @SuppressWarnings("unchecked")
  private static List<ResourcePatcher.SmPatch> docs(String text, String source) {
    List<ResourcePatcher.SmPatch> out = new ArrayList<>();
    for (Object d : YamlReader.readAll(text, source)) {
      if (!(d instanceof Map<?, ?>)) {
        throw new KustomizeException(source + ": a strategic merge patch must be a mapping");
      }
      out.add(new ResourcePatcher.SmPatch((Map<String, Object>) d, false, false));
    }
    return out;
  }

  @Override
  public void transform(ResourceList resources) {
    for (ResourcePatcher.SmPatch p : patches) {
      Resource target =
          ResourcePatcher.findById(
              resources, p.id(), openapi.current(), "no resource matches strategic merge patch");
      ResourcePatcher.applyToSelected(resources, List.of(target), p, openapi.current());
    }
  }
}
