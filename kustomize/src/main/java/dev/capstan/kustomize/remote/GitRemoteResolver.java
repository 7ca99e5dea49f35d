package dev.capstan.kustomize.remote;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.RemoteResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Resolves remote git references to local directories: parses the URL ({@link GitUrl}), fetches the
 * repository once per (clone URL, ref, submodules) into a private work directory through the given
 * {@link GitFetcher}, and returns the directory inside it. A path that leaves the repository
 * ({@code ..}) or does not exist is refused.
 *
 * <p>Thread-safe. {@link #close()} deletes every fetched tree; use one resolver per build (or per
 * sync) so that a moved branch is fetched anew.
 */
public final class GitRemoteResolver implements RemoteResolver, AutoCloseable {
  private final GitFetcher fetcher;
  private final Path workDir;
  private final Map<String, Path> clones = new LinkedHashMap<>();

  /** A resolver fetching into a new temporary directory. */
  public GitRemoteResolver(GitFetcher fetcher) {
    this(fetcher, createTempDir());
  }

  /** A resolver fetching into {@code workDir} (created when missing). */
  public GitRemoteResolver(GitFetcher fetcher, Path workDir) {
    this.fetcher = fetcher;
    this.workDir = workDir.toAbsolutePath().normalize();
  }

  @Override
  public Path resolve(String url) {
    GitUrl git = GitUrl.parse(url);
    Path repo = clone(git);
    Path target = repo.resolve(git.path()).normalize();
    if (!target.startsWith(repo)) {
      throw new KustomizeException(
          "remote resource '" + url + "': path '" + git.path() + "' leaves the repository");
    }
    if (!Files.exists(target)) {
      throw new KustomizeException(
          "remote resource '"
              + url
              + "': path '"
              + git.path()
              + "' does not exist in "
              + git.cloneUrl()
              + (git.ref().isEmpty() ? "" : " at " + git.ref()));
    }
    return target;
  }

  private synchronized Path clone(GitUrl git) {
    String key = git.cloneUrl() + "\n" + git.ref() + "\n" + git.submodules();
    Path existing = clones.get(key);
    if (existing != null) {
      return existing;
    }
    Path dir = workDir.resolve("repo-" + clones.size());
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new KustomizeException("cannot create '" + dir + "': " + e.getMessage(), e);
    }
    try {
      fetcher.fetch(git, dir);
    } catch (RuntimeException e) {
      deleteTree(dir);
      throw e instanceof KustomizeException ke
          ? ke
          : new KustomizeException("fetching '" + git.raw() + "' failed: " + e.getMessage(), e);
    }
    Path real;
    try {
      real = dir.toRealPath();
    } catch (IOException e) {
      real = dir;
    }
    clones.put(key, real);
    return real;
  }

  /** Deletes every fetched repository and the work directory. */
  @Override
  public synchronized void close() {
    clones.clear();
    deleteTree(workDir);
  }

  private static Path createTempDir() {
    try {
      return Files.createTempDirectory("capstan-remote-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a leftover temporary directory is harmless
    }
  }
}
