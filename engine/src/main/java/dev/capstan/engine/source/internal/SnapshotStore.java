package dev.capstan.engine.source.internal;

import dev.capstan.engine.source.ResolvedRevision;
import dev.capstan.engine.source.Snapshot;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Immutable commit directories under {@code <dir>/<sha>}, handed out as leases.
 *
 * <p>A commit is written by the caller into a fresh temporary directory ({@link #newStaging()}) and
 * published with an atomic rename, so a reader never sees a half-written snapshot; if two writers
 * race on the same SHA the first rename wins and the other staging directory is deleted.
 *
 * <p>At most {@code maxSnapshots} unleased snapshots are kept: publishing one more evicts the least
 * recently leased snapshot that nobody holds. Leased snapshots are never deleted (the count may
 * then exceed the bound until leases close). Snapshots left by an earlier process are adopted on
 * start and are the first to be evicted. Thread-safe.
 */
public final class SnapshotStore {

  private static final Pattern SHA_DIR = Pattern.compile("[0-9a-f]{40}");

  private static final class Entry {
    final Path dir;
    int leases;
    long lastUsed;

    Entry(Path dir, long lastUsed) {
      this.dir = dir;
      this.lastUsed = lastUsed;
    }
  }

  private final Path root;
  private final int maxSnapshots;
  private final Map<String, Entry> entries = new HashMap<>();
  private long clock;

  /**
   * Opens the store, deleting staging leftovers of a crashed process and adopting finished
   * snapshots.
   */
  public SnapshotStore(Path root, int maxSnapshots) throws IOException {
    if (maxSnapshots < 1) {
      throw new IllegalArgumentException("maxSnapshots must be at least 1");
    }
    this.root = Files.createDirectories(root);
    this.maxSnapshots = maxSnapshots;
    try (DirectoryStream<Path> children = Files.newDirectoryStream(this.root)) {
      for (Path child : children) {
        String name = child.getFileName().toString();
        if (SHA_DIR.matcher(name).matches() && Files.isDirectory(child)) {
          entries.put(name, new Entry(child, 0));
        } else if (name.startsWith(".")) {
          FileTrees.deleteQuietly(child);
        }
      }
    }
  }

  /** Leases the snapshot of {@code revision.sha()} if it has been published; otherwise empty. */
  public synchronized Optional<Snapshot> lease(ResolvedRevision revision) {
    Entry entry = entries.get(revision.sha());
    if (entry == null || !Files.isDirectory(entry.dir)) {
      entries.remove(revision.sha());
      return Optional.empty();
    }
    return Optional.of(newLease(revision, entry));
  }

  /**
   * A new empty staging directory next to the snapshots (same file system, so rename is atomic).
   */
  public Path newStaging() throws IOException {
    return Files.createDirectory(root.resolve(".staging-" + UUID.randomUUID()));
  }

  /**
   * Publishes a fully written staging directory as the snapshot of {@code revision.sha()} and
   * leases it. If the snapshot exists already, the staging directory is deleted and the existing
   * one leased.
   */
  public Snapshot publish(ResolvedRevision revision, Path staging) throws IOException {
    Path target = root.resolve(revision.sha());
    synchronized (this) {
      Entry existing = entries.get(revision.sha());
      if (existing == null && !Files.isDirectory(target)) {
        try {
          Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
          // another process published it first (or the platform cannot rename atomically)
          FileTrees.deleteQuietly(staging);
        } catch (IOException e) {
          if (!Files.isDirectory(target)) {
            throw e;
          }
          FileTrees.deleteQuietly(staging);
        }
      } else {
        FileTrees.deleteQuietly(staging);
      }
      Entry entry = entries.computeIfAbsent(revision.sha(), sha -> new Entry(target, 0));
      Snapshot lease = newLease(revision, entry);
      evict();
      return lease;
    }
  }

  /** How many snapshots are on disk. */
  public synchronized int size() {
    return entries.size();
  }

  private Snapshot newLease(ResolvedRevision revision, Entry entry) {
    entry.leases++;
    entry.lastUsed = ++clock;
    return new Lease(revision, entry);
  }

  private synchronized void release(Entry entry) {
    entry.leases--;
    evict();
  }

  private void evict() {
    while (entries.size() > maxSnapshots) {
      Optional<Map.Entry<String, Entry>> victim =
          entries.entrySet().stream()
              .filter(e -> e.getValue().leases == 0)
              .min(Comparator.comparingLong(e -> e.getValue().lastUsed));
      if (victim.isEmpty()) {
        return;
      }
      entries.remove(victim.get().getKey());
      Path dir = victim.get().getValue().dir;
      // Rename first so that a concurrent lookup never finds a half-deleted snapshot.
      Path doomed = root.resolve(".evicted-" + UUID.randomUUID());
      try {
        Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
        FileTrees.deleteQuietly(doomed);
      } catch (IOException e) {
        FileTrees.deleteQuietly(dir);
      }
    }
  }

  private final class Lease implements Snapshot {
    private final ResolvedRevision revision;
    private final Entry entry;
    private final AtomicBoolean open = new AtomicBoolean(true);

    Lease(ResolvedRevision revision, Entry entry) {
      this.revision = revision;
      this.entry = entry;
    }

    @Override
    public ResolvedRevision revision() {
      return revision;
    }

    @Override
    public Path root() {
      return entry.dir;
    }

    @Override
    public void close() {
      if (open.compareAndSet(true, false)) {
        release(entry);
      }
    }

    @Override
    public String toString() {
      return "Snapshot[" + revision.fluxRevision() + " at " + entry.dir + "]";
    }
  }
}
