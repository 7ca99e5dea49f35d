package dev.capstan.engine.render;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One source to render: a snapshot directory (the repository root), the path inside it, and the
 * options that apply to its type.
 *
 * @param root the snapshot's root directory (read-only is fine: nothing is written)
 * @param path directory inside {@code root}; empty or {@code .} for the root itself
 * @param label how messages name this source (the repository URL, say)
 * @param chart true for a Helm repository chart source (always refused)
 * @param directory plain-directory options
 * @param kustomize overrides layered onto a kustomization
 */
public record RenderSource(
    Path root,
    String path,
    String label,
    boolean chart,
    DirectoryOptions directory,
    KustomizeOverrides kustomize) {

  public RenderSource {
    Objects.requireNonNull(root, "root");
    path = Objects.requireNonNullElse(path, "");
    label = Objects.requireNonNullElse(label, "");
    directory = Objects.requireNonNullElse(directory, DirectoryOptions.defaults());
    kustomize = Objects.requireNonNullElse(kustomize, KustomizeOverrides.none());
  }

  /** A source at {@code path} of {@code root} with default options. */
  public static RenderSource of(Path root, String path) {
    return new RenderSource(
        root, path, "", false, DirectoryOptions.defaults(), KustomizeOverrides.none());
  }

  public RenderSource withDirectory(DirectoryOptions value) {
    return new RenderSource(root, path, label, chart, value, kustomize);
  }

  public RenderSource withKustomize(KustomizeOverrides value) {
    return new RenderSource(root, path, label, chart, directory, value);
  }

  public RenderSource withLabel(String value) {
    return new RenderSource(root, path, value, chart, directory, kustomize);
  }

  /** How messages name this source: {@code label/path}, or the path alone. */
  public String displayName() {
    String p = path.isEmpty() ? "." : path;
    return label.isEmpty() ? p : label + " " + p;
  }
}
