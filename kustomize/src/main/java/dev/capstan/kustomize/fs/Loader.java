package dev.capstan.kustomize.fs;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.LoadRestrictor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads files relative to one kustomization root, enforcing the load restrictor: under {@link
 * LoadRestrictor#ROOT_ONLY} a file must lie in or below the root once symbolic links are resolved.
 * Directories (bases, components) may lie anywhere; each gets its own loader via {@link
 * #forDirectory(Path)}, which refuses a directory already being built above it (a cycle).
 *
 * <p>Immutable; thread-safe when the file tree is.
 */
public final class Loader {
  private final FileTree fs;
  private final Path root;
  private final Path realRoot;
  private final LoadRestrictor restrictor;
  private final List<Path> ancestors;

  private Loader(FileTree fs, Path root, LoadRestrictor restrictor, List<Path> ancestors) {
    this.fs = fs;
    this.root = root;
    this.realRoot = fs.realPath(root);
    this.restrictor = restrictor;
    this.ancestors = ancestors;
  }

  /** A loader for the top kustomization directory. */
  public static Loader forRoot(FileTree fs, Path root, LoadRestrictor restrictor) {
    Path abs = root.toAbsolutePath().normalize();
    if (!fs.isDirectory(abs)) {
      throw new KustomizeException("must build at directory: not a valid directory: '" + abs + "'");
    }
    return new Loader(fs, abs, restrictor, List.of());
  }

  public FileTree fileTree() {
    return fs;
  }

  /** The kustomization root this loader reads relative to. */
  public Path root() {
    return root;
  }

  public LoadRestrictor restrictor() {
    return restrictor;
  }

  /** Resolves a path given in a kustomization (relative to the root, or absolute). */
  public Path resolve(String path) {
    return root.resolve(path).normalize();
  }

  /** Reads a file named in the kustomization, applying the load restrictor. */
  public byte[] read(String path) {
    Path p = resolve(path);
    if (fs.isDirectory(p)) {
      throw new KustomizeException("'" + p + "' is a directory, not a file");
    }
    if (!fs.isFile(p)) {
      throw new KustomizeException("file '" + p + "' does not exist");
    }
    checkRestriction(p);
    return fs.read(p);
  }

  /** Reads a file as UTF-8 text, applying the load restrictor. */
  public String readString(String path) {
    return new String(read(path), StandardCharsets.UTF_8);
  }

  /** Whether the path names an existing directory. */
  public boolean isDirectory(String path) {
    return fs.isDirectory(resolve(path));
  }

  /** Whether the path names an existing regular file. */
  public boolean isFile(String path) {
    return fs.isFile(resolve(path));
  }

  /** Fails when {@code p} lies outside the root under {@link LoadRestrictor#ROOT_ONLY}. */
  public void checkRestriction(Path p) {
    if (restrictor == LoadRestrictor.NONE) {
      return;
    }
    Path real = fs.realPath(p);
    if (!real.startsWith(realRoot)) {
      throw new KustomizeException(
          "security; file '" + real + "' is not in or below '" + realRoot + "'");
    }
  }

  /**
   * A loader rooted at another kustomization directory (a base, overlay or component). Fails with a
   * cycle error when that directory is this root or one of the roots being built above it.
   */
  public Loader forDirectory(Path dir) {
    Path abs = root.resolve(dir).normalize();
    Path real = fs.realPath(abs);
    if (real.equals(realRoot)) {
      throw new KustomizeException(
          "cycle detected: new root '" + real + "' is the same as current root '" + realRoot + "'");
    }
    for (Path a : ancestors) {
      if (real.equals(a)) {
        throw new KustomizeException(
            "cycle detected: candidate root '"
                + real
                + "' contains visited root '"
                + realRoot
                + "'");
      }
    }
    List<Path> next = new ArrayList<>(ancestors);
    next.add(realRoot);
    return new Loader(fs, abs, restrictor, List.copyOf(next));
  }
}
