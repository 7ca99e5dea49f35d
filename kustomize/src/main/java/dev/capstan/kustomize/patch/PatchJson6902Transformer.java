package dev.capstan.kustomize.patch;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.fs.Loader;
import dev.capstan.kustomize.openapi.OpenApiSettings;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import dev.capstan.kustomize.transform.Transformer;
import java.util.Map;

/**
 * kustomize's PatchJson6902Transformer: the deprecated {@code patchesJson6902} field and its plugin
 * config ({@code target} with a name, and {@code path} or inline {@code jsonOp}).
 */
public final class PatchJson6902Transformer implements Transformer {
  private final Selector target;
  private final JsonPatch patch;
  private final OpenApiSettings openapi;

  private PatchJson6902Transformer(Selector target, JsonPatch patch, OpenApiSettings openapi) {
    this.target = target;
    this.patch = patch;
    this.openapi = openapi;
  }

  /**
   * From a plugin config ({@code target}, {@code path}, {@code jsonOp}) or a {@code
   * patchesJson6902} entry ({@code target}, {@code path}, {@code patch}).
   */
  public static PatchJson6902Transformer fromConfig(
      Map<String, Object> config, Loader loader, OpenApiSettings openapi) {
    Selector target = Selector.fromTree(config.get("target"), "patchesJson6902 target");
    if (target.name().isEmpty()) {
      throw new KustomizeException("must specify the target name");
    }
    String path = config.get("path") instanceof String s ? s : "";
    Object op = config.containsKey("jsonOp") ? config.get("jsonOp") : config.get("patch");
    String jsonOp = op instanceof String s ? s : "";
    if (path.isEmpty() && jsonOp.isEmpty()) {
      throw new KustomizeException("empty file path and empty jsonOp");
    }
    if (!path.isEmpty()) {
      if (!jsonOp.isEmpty()) {
        throw new KustomizeException("must specify a file path or jsonOp, not both");
      }
      jsonOp = loader.readString(path);
      if (jsonOp.isEmpty()) {
        throw new KustomizeException("patch file '" + path + "' empty seems to be empty");
      }
    }
    JsonPatch parsed = JsonPatch.parse(jsonOp, path.isEmpty() ? "jsonOp" : path);
    if (parsed.operations().isEmpty()) {
      throw new KustomizeException(
          "patch appears to be empty; file=" + path + ", JsonOp=" + jsonOp);
    }
    return new PatchJson6902Transformer(target, parsed, openapi);
  }

  @Override
  public void transform(ResourceList resources) {
    for (Resource r : target.select(resources, openapi.current())) {
      JsonPatches.applyTo(r, patch);
    }
  }
}
