package dev.capstan.kustomize;

import java.util.Objects;

/**
 * Options of one build. Immutable; start from {@link #defaults()} and change with {@code withX}.
 *
 * @param reorder output order (default legacy, as kubectl)
 * @param loadRestrictor where files may be read from (default root only, as kubectl)
 * @param remoteResolver how remote resources are fetched (default: refused)
 */
public record BuildOptions(
    Reorder reorder, LoadRestrictor loadRestrictor, RemoteResolver remoteResolver) {

  public BuildOptions {
    Objects.requireNonNull(reorder, "reorder");
    Objects.requireNonNull(loadRestrictor, "loadRestrictor");
    Objects.requireNonNull(remoteResolver, "remoteResolver");
  }

  /** kubectl's defaults: legacy order, root-only loading, no remote resources. */
  public static BuildOptions defaults() {
    return new BuildOptions(Reorder.LEGACY, LoadRestrictor.ROOT_ONLY, RemoteResolver.NONE);
  }

  public BuildOptions withReorder(Reorder value) {
    return new BuildOptions(value, loadRestrictor, remoteResolver);
  }

  public BuildOptions withLoadRestrictor(LoadRestrictor value) {
    return new BuildOptions(reorder, value, remoteResolver);
  }

  public BuildOptions withRemoteResolver(RemoteResolver value) {
    return new BuildOptions(reorder, loadRestrictor, value);
  }
}
