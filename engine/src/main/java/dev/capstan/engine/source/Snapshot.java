package dev.capstan.engine.source;

import java.nio.file.Path;

/**
 * A read-only directory holding the files of one commit, leased from {@link GitSource}.
 *
 * <p>Contract: the directory under {@link #root()} is immutable (files and directories are not
 * writable, and the source never changes them); it is shared by every lease of the same commit, and
 * it stays on disk at least until this lease is closed. After {@link #close()} the source may evict
 * it once more than {@code maxSnapshots} other commits were materialized. Close the lease when done
 * reading (try-with-resources); closing twice is harmless. Leases are thread-safe.
 *
 * <p>What is on disk: regular and executable files with their content, symlinks whose target stays
 * inside the commit, and an empty directory for each submodule (submodules are not fetched).
 */
public interface Snapshot extends AutoCloseable {

  /** The commit whose files these are, and the ref it was resolved from. */
  ResolvedRevision revision();

  /** The directory holding the commit's files (the repository root). */
  Path root();

  /** Releases this lease. Idempotent; never throws. */
  @Override
  void close();
}
