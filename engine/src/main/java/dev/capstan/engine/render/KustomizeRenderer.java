package dev.capstan.engine.render;

import dev.capstan.kustomize.BuildOptions;
import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.Kustomizer;
import dev.capstan.kustomize.RemoteResolver;
import dev.capstan.kustomize.fs.DiskFileTree;
import dev.capstan.kustomize.fs.FileTree;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.yaml.YamlEmitter;
import dev.capstan.kustomize.yaml.YamlReader;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a kustomization with the native engine, with the overrides layered onto its file.
 * Thread-safe.
 */
final class KustomizeRenderer {

  static final List<String> FILE_NAMES =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  private final BuildOptions options;
  private final Kustomizer kustomizer;

  KustomizeRenderer(BuildOptions options) {
    this.options = options;
    this.kustomizer = new Kustomizer(options);
  }

  static Optional<Path> kustomizationFile(Path dir) {
    return FILE_NAMES.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
  }

  @SuppressWarnings("unchecked")
  RenderResult render(RenderSource source, Path dir, Path file, Optional<RemoteResolver> remote) {
    Kustomizer kustomizer =
        remote.map(r -> new Kustomizer(options.withRemoteResolver(r))).orElse(this.kustomizer);
    String name = source.displayName();
    FileTree fs = DiskFileTree.INSTANCE;
    try {
      if (!source.kustomize().isEmpty()) {
        Object parsed =
            YamlReader.readOne(
                Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
        Map<String, Object> k = parsed instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> edited = KustomizationEditor.apply(k, source.kustomize(), dir);
        fs = new OverlayFileTree(file, YamlEmitter.emit(edited).getBytes(StandardCharsets.UTF_8));
      }
    } catch (IllegalArgumentException e) {
      return RenderResult.failed(
          SourceType.KUSTOMIZE, RenderError.terminal(name, "InvalidOverride", e.getMessage()));
    } catch (KustomizeException e) {
      return RenderResult.failed(
          SourceType.KUSTOMIZE,
          RenderError.terminal(name, "KustomizeBuildFailed", oneLine(e.getMessage())));
    } catch (IOException e) {
      return RenderResult.failed(
          SourceType.KUSTOMIZE,
          RenderError.terminal(name, "ReadFailed", String.valueOf(e.getMessage())));
    }
    List<GenericKubernetesResource> objects = new ArrayList<>();
    try {
      int index = 0;
      for (Resource r : kustomizer.build(fs, dir)) {
        objects.add(ManifestObjects.object(r.content(), "kustomize build " + name, ++index));
      }
    } catch (KustomizeException e) {
      return RenderResult.failed(
          SourceType.KUSTOMIZE,
          RenderError.terminal(name, "KustomizeBuildFailed", oneLine(e.getMessage())));
    } catch (IllegalArgumentException e) {
      return RenderResult.failed(
          SourceType.KUSTOMIZE, RenderError.terminal(name, "InvalidManifest", e.getMessage()));
    } catch (RuntimeException e) {
      // The engine's contract is KustomizeException; anything else is a bug, reported, not thrown.
      return RenderResult.failed(
          SourceType.KUSTOMIZE,
          RenderError.terminal(
              name, "KustomizeBuildFailed", e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
    return RenderResult.of(SourceType.KUSTOMIZE, objects);
  }

  private static String oneLine(String message) {
    return message == null ? "build failed" : message.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
