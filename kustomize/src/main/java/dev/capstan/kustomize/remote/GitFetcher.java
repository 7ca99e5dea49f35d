package dev.capstan.kustomize.remote;

import java.nio.file.Path;

/**
 * Fetches one revision of a git repository into an empty local directory (a work tree, not
 * necessarily with history). Implementations: {@link GitCliFetcher} (the {@code git} program), and
 * one on JGit supplied by the engine.
 */
@FunctionalInterface
public interface GitFetcher {

  /**
   * Fetches {@code url.ref()} (the default branch when empty) of {@code url.cloneUrl()} into {@code
   * into}, with submodules when {@code url.submodules()}, each step bounded by {@code
   * url.timeout()}. Throws {@link dev.capstan.kustomize.KustomizeException} naming the URL when it
   * cannot.
   */
  void fetch(GitUrl url, Path into);
}
