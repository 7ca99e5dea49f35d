package dev.capstan.engine.render;

import dev.capstan.engine.source.GitCredentials;
import dev.capstan.engine.source.GitRemote;
import dev.capstan.engine.source.GitSource;
import dev.capstan.engine.source.GitSourceException;
import dev.capstan.engine.source.RevisionSpec;
import dev.capstan.engine.source.Snapshot;
import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.RemoteResolver;
import dev.capstan.kustomize.remote.GitUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves a kustomization's remote git bases ({@code resources:} or {@code components:} entries
 * such as {@code https://git.example/org/base.git//web?ref=v1}) through the engine's {@link
 * GitSource}, as Argo CD's repo server does: with the credentials that apply to the base's
 * repository URL (the caller's function, e.g. Argo CD repository Secrets), the Argo CD revision
 * rules for {@code ref}, and the Git source's cache — a base at a commit already fetched costs one
 * {@code ls-remote}, and its snapshot is shared, read-only, with every other render.
 *
 * <p>One instance per render: each (repository, ref) is checked out once and its snapshot leased
 * until {@link #close()}. Failures are {@link KustomizeException}s naming the reference and the Git
 * error (credentials never appear in it), so the render reports {@code KustomizeBuildFailed}.
 * Thread-safe.
 */
public final class GitRemoteBases implements RemoteResolver, AutoCloseable {

  private final GitSource git;
  private final Function<String, GitCredentials> credentials;
  private final Map<String, Snapshot> leased = new LinkedHashMap<>();
  private boolean closed;

  /**
   * @param git the Git source (and cache) to fetch with
   * @param credentials the credentials for a repository URL ({@link GitCredentials#none()} for
   *     anonymous access)
   */
  public GitRemoteBases(GitSource git, Function<String, GitCredentials> credentials) {
    this.git = git;
    this.credentials = credentials;
  }

  @Override
  public Path resolve(String url) {
    GitUrl remote;
    try {
      remote = GitUrl.parse(url);
    } catch (IllegalArgumentException e) {
      throw new KustomizeException("remote resource '" + url + "': " + e.getMessage(), e);
    }
    Path root = checkout(remote).root().toAbsolutePath().normalize();
    Path target = root.resolve(remote.path()).normalize();
    if (!target.startsWith(root)) {
      throw new KustomizeException(
          "remote resource '" + url + "': path '" + remote.path() + "' leaves the repository");
    }
    if (!Files.exists(target)) {
      throw new KustomizeException(
          "remote resource '"
              + url
              + "': path '"
              + remote.path()
              + "' does not exist in "
              + remote.cloneUrl()
              + (remote.ref().isEmpty() ? "" : " at " + remote.ref()));
    }
    return target;
  }

  private synchronized Snapshot checkout(GitUrl remote) {
    if (closed) {
      throw new IllegalStateException("the render that owned these remote bases is over");
    }
    String key = remote.cloneUrl() + "\n" + remote.ref();
    Snapshot existing = leased.get(key);
    if (existing != null) {
      return existing;
    }
    try {
      Snapshot snapshot =
          git.checkout(
              new GitRemote(remote.cloneUrl(), credentials.apply(remote.cloneUrl())),
              RevisionSpec.parse(remote.ref()));
      leased.put(key, snapshot);
      return snapshot;
    } catch (GitSourceException e) {
      throw new KustomizeException("remote resource '" + remote.raw() + "': " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new KustomizeException("remote resource '" + remote.raw() + "': " + e.getMessage(), e);
    }
  }

  /** Releases every snapshot this render leased. */
  @Override
  public synchronized void close() {
    closed = true;
    leased.values().forEach(Snapshot::close);
    leased.clear();
  }
}
