package dev.capstan.engine.source;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link GitSource}. Immutable; start from {@link #defaults(Path)} and change with
 * the {@code withX} methods.
 *
 * @param cacheDirectory where bare repositories ({@code repos/}) and snapshots ({@code snapshots/})
 *     live; one directory per {@code GitSource}, owned by one process
 * @param maxSnapshots how many unleased commit snapshots to keep on disk (default 32)
 * @param timeout network timeout of each git operation (default 60 s; whole seconds, at least 1)
 * @param fetchDepth history depth of fetches: 1 (default) is a shallow fetch of just the commit, 0
 *     fetches full history
 * @param allowLocalRepositories whether {@code file://} URLs and plain paths may be read (default
 *     false: a tenant must not make the controller read its own disk)
 */
public record GitSourceOptions(
    Path cacheDirectory,
    int maxSnapshots,
    Duration timeout,
    int fetchDepth,
    boolean allowLocalRepositories) {

  /** Default number of snapshots kept. */
  public static final int DEFAULT_MAX_SNAPSHOTS = 32;

  /** Default network timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public GitSourceOptions {
    Objects.requireNonNull(cacheDirectory, "cacheDirectory");
    Objects.requireNonNull(timeout, "timeout");
    if (maxSnapshots < 1) {
      throw new IllegalArgumentException("maxSnapshots must be at least 1, got " + maxSnapshots);
    }
    if (timeout.toSeconds() < 1) {
      throw new IllegalArgumentException("timeout must be at least 1s, got " + timeout);
    }
    if (fetchDepth < 0) {
      throw new IllegalArgumentException(
          "fetchDepth must be 0 (full) or positive, got " + fetchDepth);
    }
  }

  /** Defaults: 32 snapshots, 60 s timeout, shallow fetches of depth 1, no local repositories. */
  public static GitSourceOptions defaults(Path cacheDirectory) {
    return new GitSourceOptions(cacheDirectory, DEFAULT_MAX_SNAPSHOTS, DEFAULT_TIMEOUT, 1, false);
  }

  /** A copy keeping at most {@code value} unleased snapshots. */
  public GitSourceOptions withMaxSnapshots(int value) {
    return new GitSourceOptions(cacheDirectory, value, timeout, fetchDepth, allowLocalRepositories);
  }

  /** A copy with this network timeout. */
  public GitSourceOptions withTimeout(Duration value) {
    return new GitSourceOptions(
        cacheDirectory, maxSnapshots, value, fetchDepth, allowLocalRepositories);
  }

  /** A copy with this fetch depth (0 = full history). */
  public GitSourceOptions withFetchDepth(int value) {
    return new GitSourceOptions(
        cacheDirectory, maxSnapshots, timeout, value, allowLocalRepositories);
  }

  /** A copy that reads {@code file://} URLs and local paths (for the CLI and tests). */
  public GitSourceOptions withLocalRepositoriesAllowed() {
    return new GitSourceOptions(cacheDirectory, maxSnapshots, timeout, fetchDepth, true);
  }
}
