package dev.capstan.engine.render;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.yaml.YamlReader;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads a plain directory of manifests as Argo CD does: every {@code .yaml}, {@code .yml} and
 * {@code .json} file (sorted by path), sub-directories only with {@code recurse}, {@code exclude}
 * and then {@code include} globs matched against the path relative to the source directory. Hidden
 * directories ({@code .github}, ...) are skipped. Stateless.
 */
final class DirectoryRenderer {

  private DirectoryRenderer() {}

  static RenderResult render(RenderSource source, Path dir) {
    ManifestGlob include;
    ManifestGlob exclude;
    try {
      include =
          source.directory().include().isEmpty()
              ? null
              : ManifestGlob.compile(source.directory().include());
      exclude =
          source.directory().exclude().isEmpty()
              ? null
              : ManifestGlob.compile(source.directory().exclude());
    } catch (IllegalArgumentException e) {
      return RenderResult.failed(
          SourceType.DIRECTORY,
          RenderError.terminal(source.displayName(), "InvalidSpec", e.getMessage()));
    }
    List<Path> files;
    try (Stream<Path> walk =
        Files.walk(dir, source.directory().recurse() ? Integer.MAX_VALUE : 1)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> !hiddenDirectory(dir, p))
              .filter(DirectoryRenderer::isManifest)
              .sorted()
              .toList();
    } catch (IOException | UncheckedIOException e) {
      return RenderResult.failed(
          SourceType.DIRECTORY,
          RenderError.terminal(source.displayName(), "ReadFailed", String.valueOf(e.getMessage())));
    }
    List<GenericKubernetesResource> objects = new ArrayList<>();
    for (Path file : files) {
      String relative = dir.relativize(file).toString().replace('\\', '/');
      if (exclude != null && exclude.matches(relative)) {
        continue;
      }
      if (include != null && !include.matches(relative)) {
        continue;
      }
      try {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        objects.addAll(ManifestObjects.of(YamlReader.readAll(text, relative), relative));
      } catch (KustomizeException | IllegalArgumentException e) {
        return RenderResult.failed(
            SourceType.DIRECTORY,
            RenderError.terminal(source.displayName(), "InvalidManifest", e.getMessage()));
      } catch (IOException e) {
        return RenderResult.failed(
            SourceType.DIRECTORY,
            RenderError.terminal(
                source.displayName(), "ReadFailed", relative + ": " + e.getMessage()));
      }
    }
    return RenderResult.of(SourceType.DIRECTORY, objects);
  }

  private static boolean isManifest(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private static boolean hiddenDirectory(Path root, Path file) {
    Path rel = root.relativize(file).getParent();
    if (rel == null) {
      return false;
    }
    for (Path segment : rel) {
      if (segment.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
