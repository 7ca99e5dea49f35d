package dev.capstan.kustomize;

import java.nio.file.Path;

/**
 * Turns a remote resource reference (a git URL such as {@code github.com/org/repo//path?ref=v1} or
 * {@code https://host/repo.git//dir}) into a local directory holding it. The caller supplies it;
 * the engine itself never touches the network.
 */
@FunctionalInterface
public interface RemoteResolver {

  /** A resolver that refuses every remote reference. */
  RemoteResolver NONE =
      url -> {
        throw new KustomizeException("remote resource '" + url + "' is not supported here");
      };

  /**
   * Returns the local directory (or file) for {@code url}; throws {@link KustomizeException} when
   * it cannot be fetched.
   */
  Path resolve(String url);
}
