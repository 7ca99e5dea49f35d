package dev.capstan.kustomize;

import dev.capstan.kustomize.fs.DiskFileTree;
import dev.capstan.kustomize.fs.FileTree;
import dev.capstan.kustomize.resource.ResourceList;
import dev.capstan.kustomize.yaml.YamlEmitter;
import java.nio.file.Path;

/**
 * The facade of the Kustomize engine: builds a kustomization directory into resources or into the
 * exact text {@code kubectl kustomize} prints.
 *
 * <pre>{@code
 * String yaml = new Kustomizer(BuildOptions.defaults()).buildYaml(Path.of("overlays/prod"));
 * }</pre>
 *
 * <p>Thread-safe; one instance can serve concurrent builds. Every failure is a {@link
 * KustomizeException} whose message names the file and field at fault.
 */
public final class Kustomizer {
  private final BuildOptions options;
  private final BuildPipeline pipeline;

  public Kustomizer(BuildOptions options) {
    this.options = options;
    this.pipeline = new BuildPipeline(options);
  }

  public BuildOptions options() {
    return options;
  }

  /** Builds {@code dir} of {@code fs} into the final, ordered resources. */
  public ResourceList build(FileTree fs, Path dir) {
    return pipeline.build(fs, dir);
  }

  /** Builds {@code dir} of {@code fs} into YAML text identical to {@code kubectl kustomize}. */
  public String buildYaml(FileTree fs, Path dir) {
    return YamlEmitter.emitAll(build(fs, dir));
  }

  /** Builds a directory on disk into YAML text identical to {@code kubectl kustomize}. */
  public String buildYaml(Path dir) {
    return buildYaml(DiskFileTree.INSTANCE, dir.toAbsolutePath().normalize());
  }
}
