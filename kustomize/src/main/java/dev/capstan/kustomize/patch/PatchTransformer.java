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
import java.util.Optional;

/**
 * kustomize's PatchTransformer: one entry of the kustomization's {@code patches} field or a {@code
 * PatchTransformer} plugin config. The patch ({@code path} or inline {@code patch}) is either
 * strategic merge (one or more YAML documents) or JSON 6902 (a list of operations); with a {@code
 * target} it applies to every selected resource, without one a strategic merge patch applies to the
 * resource each document names (and fails when none matches). Options {@code allowNameChange} and
 * {@code allowKindChange} let a strategic merge patch rename or re-kind.
 *
 * <p>Built once from its config; {@link #transform} may run once per build.
 */
public final class PatchTransformer implements Transformer {
  private final List<ResourcePatcher.SmPatch> smPatches;
  private final JsonPatch jsonPatch;
  private final Optional<Selector> target;
  private final String source;
  private final OpenApiSettings openapi;

  private PatchTransformer(
      List<ResourcePatcher.SmPatch> smPatches,
      JsonPatch jsonPatch,
      Optional<Selector> target,
      String source,
      OpenApiSettings openapi) {
    this.smPatches = smPatches;
    this.jsonPatch = jsonPatch;
    this.target = target;
    this.source = source;
    this.openapi = openapi;
  }

  /**
   * Builds the transformer from its config mapping (fields {@code path}, {@code patch}, {@code
   * target}, {@code options}).
   *
   * @param loader reads {@code path} relative to the kustomization (load restrictions apply)
   * @param openapi the build's schema choice (read when the transformer runs)
   */
  public static PatchTransformer fromConfig(
      Map<String, Object> config, Loader loader, OpenApiSettings openapi) {
    String patch = config.get("patch") instanceof String s ? s.strip() : "";
    String path = config.get("path") instanceof String s ? s : "";
    String text;
    String source;
    if (patch.isEmpty() && path.isEmpty()) {
      throw new KustomizeException("must specify one of patch and path in " + config);
    } else if (!patch.isEmpty() && !path.isEmpty()) {
      throw new KustomizeException("patch and path can't be set at the same time " + config);
    } else if (!patch.isEmpty()) {
      text = patch;
      source = "[patch: " + goQuote(patch) + "]";
    } else {
      try {
        text = loader.readString(path);
      } catch (KustomizeException e) {
        throw new KustomizeException(
            "failed to get the patch file from path(" + path + "): " + e.getMessage(), e);
      }
      source = "[path: " + goQuote(path) + "]";
    }
    Optional<Selector> target =
        config.get("target") == null
            ? Optional.empty()
            : Optional.of(Selector.fromTree(config.get("target"), "patch target"));
    Map<?, ?> options = config.get("options") instanceof Map<?, ?> m ? m : Map.of();
    boolean allowName = Boolean.TRUE.equals(options.get("allowNameChange"));
    boolean allowKind = Boolean.TRUE.equals(options.get("allowKindChange"));

    List<Object> docs;
    try {
      docs = YamlReader.readAll(text, source);
    } catch (KustomizeException e) {
      throw new KustomizeException("unable to parse SM or JSON patch from " + source, e);
    }
    // A YAML JSON patch is converted as kustomize converts it: only the first document counts.
    if (!docs.isEmpty() && docs.get(0) instanceof List<?>) {
      return new PatchTransformer(
          List.of(), JsonPatch.parse(text, source), target, source, openapi);
    }
    List<ResourcePatcher.SmPatch> sm = new ArrayList<>();
    for (Object d : docs) {
      if (!(d instanceof Map<?, ?>)) {
        throw new KustomizeException("unable to parse SM or JSON patch from " + source);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> doc = (Map<String, Object>) d;
      sm.add(new ResourcePatcher.SmPatch(doc, allowName, allowKind));
    }
    if (sm.isEmpty()) {
      throw new KustomizeException("illegally qualifies as both an SM and JSON patch: " + source);
    }
    return new PatchTransformer(sm, null, target, source, openapi);
  }

  /** Whether this is a JSON 6902 patch (which replaces values) rather than a strategic merge. */
  public boolean isJsonPatch() {
    return jsonPatch != null;
  }

  @Override
  public void transform(ResourceList resources) {
    if (jsonPatch != null) {
      transformJson(resources);
      return;
    }
    if (target.isPresent()) {
      if (smPatches.size() > 1) {
        throw new KustomizeException(
            "Multiple Strategic-Merge Patches in one `patches` entry is not allowed to set"
                + " `patches.target` field: "
                + source);
      }
      List<Resource> selected = target.get().select(resources, openapi.current());
      ResourcePatcher.applyToSelected(resources, selected, smPatches.get(0), openapi.current());
      return;
    }
    StrategicMerge merge = new StrategicMerge(openapi.current());
    for (ResourcePatcher.SmPatch p : smPatches) {
      Resource r =
          ResourcePatcher.findById(
              resources, p.id(), openapi.current(), "no resource matches strategic merge patch");
      if (!ResourcePatcher.applyTo(
          r, dev.capstan.kustomize.resource.Tree.deepCopy(p.doc()), p, merge)) {
        resources.remove(r);
      }
    }
  }

  private void transformJson(ResourceList resources) {
    if (target.isEmpty()) {
      throw new KustomizeException("must specify a target for JSON patch " + source);
    }
    for (Resource r : target.get().select(resources, openapi.current())) {
      r.previousIds().add(r.id());
      JsonPatches.applyTo(r, jsonPatch);
    }
  }

  /** Go's %q for the messages kustomize prints. */
  static String goQuote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
