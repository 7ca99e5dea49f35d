package dev.capstan.kustomize.fs;

import java.nio.file.Path;
import java.util.List;

/**
 * The file system seam of the Kustomize engine: the disk ({@link DiskFileTree}) or memory ({@link
 * MemoryFileTree}). Paths are absolute and normalized. Implementations are thread-safe for reads.
 */
public interface FileTree {

  boolean isDirectory(Path path);

  boolean isFile(Path path);

  /**
   * The bytes of a regular file; throws {@link dev.capstan.kustomize.KustomizeException} if absent.
   */
  byte[] read(Path path);

  /** The entries of a directory (absolute paths), sorted by name. */
  List<Path> list(Path dir);

  /** The path with every symbolic link resolved (the path itself when it has none). */
  Path realPath(Path path);
}
