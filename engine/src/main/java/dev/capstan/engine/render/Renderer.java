package dev.capstan.engine.render;

import dev.capstan.kustomize.BuildOptions;
import dev.capstan.kustomize.RemoteResolver;
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

  /**
   * Renders every source in order and concatenates their objects and errors; remote bases of
   * kustomizations are refused (or resolved as the constructor's build options say).
   */
  public RenderResult render(List<RenderSource> sources) {
    return render(sources, Optional.empty());
  }

  /**
   * Renders every source in order, with the remote bases of kustomizations (git URLs in {@code
   * resources:} or {@code components:}) resolved by {@code remote}, e.g. {@link GitRemoteBases}.
   */
  public RenderResult render(List<RenderSource> sources, RemoteResolver remote) {
    return render(sources, Optional.of(remote));
  }

  private RenderResult render(List<RenderSource> sources, Optional<RemoteResolver> remote) {
    RenderResult all = new RenderResult(List.of(), List.of(), List.of());
    for (RenderSource s : sources) {
      all = all.plus(render(s, remote));
    }
    return all;
  }

  /** Renders one source. */
  public RenderResult render(RenderSource source) {
    return render(source, Optional.empty());
  }

  private RenderResult render(RenderSource source, Optional<RemoteResolver> remote) {
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
      return kustomize.render(source, dir.get(), kustomization.get(), remote);
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
