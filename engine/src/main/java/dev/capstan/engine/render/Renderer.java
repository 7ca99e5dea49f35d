package dev.capstan.engine.render;

import dev.capstan.kustomize.BuildOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The render facade: the desired objects of one or several sources.
 *
 * <pre>{@code
 * Renderer renderer = new Renderer();
 * RenderResult r = renderer.render(List.of(
 *     RenderSource.of(snapshot.root(), "apps/web/overlays/prod")
 *         .withKustomize(KustomizeOverrides.none().withNamePrefix("blue-"))));
 * if (!r.succeeded()) { keep the last good state; report r.errorMessage(); }
 * }</pre>
 *
 * <p>Detection per source, as Argo CD's: a chart source or a {@code Chart.yaml} at the path is Helm
 * (refused: "Helm is not supported yet"); a kustomization file makes it Kustomize; else a plain
 * directory. Several sources are rendered in order and concatenated (Argo CD's {@code
 * spec.sources}); a source that only provides files to others ({@code ref} without a path) is the
 * caller's to leave out. Never throws for bad input; thread-safe.
 */
public final class Renderer {

  private final KustomizeRenderer kustomize;

  /** A renderer with kubectl's default build options (legacy order, root-only loading). */
  public Renderer() {
    this(BuildOptions.defaults());
  }

  public Renderer(BuildOptions options) {
    this.kustomize = new KustomizeRenderer(options);
  }

  /** Renders every source in order and concatenates their objects and errors. */
  public RenderResult render(List<RenderSource> sources) {
    RenderResult all = new RenderResult(List.of(), List.of(), List.of());
    for (RenderSource s : sources) {
      all = all.plus(render(s));
    }
    return all;
  }

  /** Renders one source. */
  public RenderResult render(RenderSource source) {
    String name = source.displayName();
    if (source.chart()) {
      return helm(name);
    }
    Optional<Path> dir = resolve(source);
    if (dir.isEmpty()) {
      return RenderResult.failed(
          SourceType.DIRECTORY,
          RenderError.terminal(
              name,
              "PathNotFound",
              "path "
                  + (source.path().isEmpty() ? "." : source.path())
                  + " is not a directory of the repository"));
    }
    if (Files.isRegularFile(dir.get().resolve("Chart.yaml"))) {
      return helm(name);
    }
    Optional<Path> kustomization = KustomizeRenderer.kustomizationFile(dir.get());
    if (kustomization.isPresent()) {
      return kustomize.render(source, dir.get(), kustomization.get());
    }
    return DirectoryRenderer.render(source, dir.get());
  }

  private static RenderResult helm(String name) {
    return RenderResult.failed(
        SourceType.HELM,
        RenderError.terminal(
            name,
            "HelmNotSupported",
            "Helm is not supported yet: render the chart into plain manifests or a kustomization"));
  }

  private static Optional<Path> resolve(RenderSource source) {
    Path root = source.root().toAbsolutePath().normalize();
    String p = source.path().strip();
    Path dir =
        p.isEmpty() || p.equals(".") || p.equals("/")
            ? root
            : root.resolve(p.replaceFirst("^/+", "")).normalize();
    if (!dir.startsWith(root) || !Files.isDirectory(dir)) {
      return Optional.empty();
    }
    return Optional.of(dir);
  }
}
