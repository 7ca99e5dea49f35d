package dev.capstan.kustomize.resource;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where origins are recorded relative to while one kustomization (and its local bases) is
 * accumulated: the built kustomization's directory, or for a remote base the repository's root
 * together with the repository and ref ({@code buildMetadata: [originAnnotations]}).
 *
 * @param root paths are recorded relative to it
 * @param repo the remote repository, empty when local
 * @param ref the remote ref, empty when local or the default branch
 */
public record OriginContext(Path root, String repo, String ref) {

  /** The origin of a resource read from {@code file}. */
  public Origin file(Path file) {
    return new Origin(Origin.relative(root, file), repo, ref, "", Map.of());
  }

  /** The origin of objects made by a generator (or transformer) configured in {@code file}. */
  public Origin configured(Path file, Map<String, String> by) {
    return new Origin("", repo, ref, Origin.relative(root, file), by);
  }

  /** The context inside a remote repository fetched to {@code repoRoot}. */
  public OriginContext remote(Path repoRoot, String repository, String gitRef) {
    return new OriginContext(repoRoot, repository, gitRef);
  }
}
