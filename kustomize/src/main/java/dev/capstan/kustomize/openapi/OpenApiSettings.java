package dev.capstan.kustomize.openapi;

import dev.capstan.kustomize.KustomizeException;
import java.util.Map;
import java.util.function.Function;

/**
 * The schema a build patches with, following kustomize's {@code openapi:} field: the built-in
 * Kubernetes v1.21.2 schema unless a kustomization names another built-in {@code version} or a
 * custom {@code path}. The root kustomization decides first; otherwise the first kustomization in
 * accumulation order that declares one sets it for the rest of the build (kustomize keeps one
 * schema per build).
 *
 * <p>One instance per build; not thread-safe.
 */
public final class OpenApiSettings {
  private SchemaSet current;
  private boolean declared;

  private OpenApiSettings(SchemaSet initial) {
    this.current = initial;
  }

  /** Starts a build with kustomize's default schema. */
  public static OpenApiSettings defaults() {
    return new OpenApiSettings(SchemaSet.kubernetesDefault());
  }

  /** Starts a build with a given schema (for callers that want a newer built-in one). */
  public static OpenApiSettings using(SchemaSet schemas) {
    return new OpenApiSettings(schemas);
  }

  /** The schema patches use now. */
  public SchemaSet current() {
    return current;
  }

  /**
   * Applies one kustomization's {@code openapi} field.
   *
   * @param openapi the field's mapping (empty when absent)
   * @param readFile reads a path relative to that kustomization (load restrictions applied)
   * @param root whether this is the kustomization being built (it always wins)
   */
  public void apply(Map<String, Object> openapi, Function<String, String> readFile, boolean root) {
    if (declared && !root) {
      return;
    }
    Object path = openapi.get("path");
    Object version = openapi.get("version");
    if (path != null) {
      String text = readFile.apply(String.valueOf(path));
      if (version != null) {
        throw new KustomizeException("builtin version and custom schema provided, cannot use both");
      }
      // Declared at the root, the custom schema stands alone (kustomize has loaded nothing yet);
      // declared later, it overlays the built-in definitions kustomize already holds.
      current = SchemaSet.parse(text, String.valueOf(path), root ? null : current);
      declared = true;
      return;
    }
    if (version == null || String.valueOf(version).isEmpty()) {
      return;
    }
    // kustomize v5.5.0 builds in only v1.21.2; other versions are refused as it refuses them.
    if (!SchemaSet.DEFAULT_KUBERNETES_VERSION.equals(String.valueOf(version))) {
      throw new KustomizeException("the specified OpenAPI version is not built in");
    }
    current = SchemaSet.kubernetes(String.valueOf(version));
    declared = true;
  }
}
