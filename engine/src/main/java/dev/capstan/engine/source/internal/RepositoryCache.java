package dev.capstan.engine.source.internal;

import dev.capstan.engine.source.RepositoryUrl;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * One bare repository per normalized URL under {@code <dir>/<cacheKey>.git}, each used under its
 * own lock: operations on one URL run one at a time (a fetch never races another fetch or an export
 * of the same repository), operations on different URLs run in parallel. Thread-safe.
 */
public final class RepositoryCache {

  /** Work on a cached repository, under its URL's lock. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(Repository repository) throws Exception;
  }

  private final Path root;
  private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  /**
   * Opens the cache. Lock files left in it by a process that died mid-fetch are deleted: the cache
   * has one owner, so at start every {@code *.lock} is stale, and JGit would refuse to update a
   * locked ref forever.
   */
  public RepositoryCache(Path root) throws IOException {
    this.root = Files.createDirectories(root);
    // A file may vanish while the tree is walked (JGit's background gc removes its gc.log.lock),
    // so a walk that trips over one goes on instead of failing.
    Files.walkFileTree(
        this.root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (file.getFileName().toString().endsWith(".lock")) {
              Files.deleteIfExists(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }
        });
  }

  /** The directory of the bare repository for a URL (it may not exist yet). */
  public Path directory(RepositoryUrl url) {
    return root.resolve(url.cacheKey() + ".git");
  }

  /**
   * Runs {@code work} on the bare repository for {@code url}, creating it if needed, while holding
   * the URL's lock. The repository is closed afterwards.
   */
  public <T> T withRepository(RepositoryUrl url, Work<T> work) throws Exception {
    ReentrantLock lock = locks.computeIfAbsent(url.normalized(), key -> new ReentrantLock());
    lock.lock();
    try (Repository repository = open(directory(url))) {
      return work.apply(repository);
    } finally {
      lock.unlock();
    }
  }

  private static Repository open(Path dir) throws IOException {
    Repository repository = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
    if (!Files.isDirectory(dir.resolve("objects"))) {
      repository.create(true);
    }
    return repository;
  }
}
