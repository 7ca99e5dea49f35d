package dev.capstan.kustomize.fs;

import dev.capstan.kustomize.KustomizeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory file tree for tests. Directories exist implicitly as parents of files or when made
 * with {@link #mkdirs}; {@link #symlink} adds a directory or file link.
 */
public final class MemoryFileTree implements FileTree {
  private final Map<Path, byte[]> files = new ConcurrentHashMap<>();
  private final Map<Path, Boolean> dirs = new ConcurrentHashMap<>();
  private final Map<Path, Path> links = new ConcurrentHashMap<>();

  public MemoryFileTree() {
    dirs.put(Path.of("/"), Boolean.TRUE);
  }

  /** Writes a file (creating parent directories); returns this for chaining. */
  public MemoryFileTree write(String path, String content) {
    Path p = Path.of(path).toAbsolutePath().normalize();
    files.put(p, content.getBytes(StandardCharsets.UTF_8));
    mkdirs(p.getParent());
    return this;
  }

  public MemoryFileTree mkdirs(Path dir) {
    for (Path d = dir; d != null; d = d.getParent()) {
      dirs.put(d, Boolean.TRUE);
    }
    return this;
  }

  /** Makes {@code link} point at {@code target} (both absolute). */
  public MemoryFileTree symlink(String link, String target) {
    Path l = Path.of(link).normalize();
    links.put(l, Path.of(target).normalize());
    mkdirs(l.getParent());
    return this;
  }

  @Override
  public boolean isDirectory(Path path) {
    return dirs.containsKey(realPath(path));
  }

  @Override
  public boolean isFile(Path path) {
    return files.containsKey(realPath(path));
  }

  @Override
  public byte[] read(Path path) {
    byte[] b = files.get(realPath(path));
    if (b == null) {
      throw new KustomizeException("file '" + path + "' does not exist");
    }
    return b.clone();
  }

  @Override
  public List<Path> list(Path dir) {
    Path real = realPath(dir);
    TreeMap<String, Path> out = new TreeMap<>();
    for (Path p : files.keySet()) {
      if (real.equals(p.getParent())) {
        out.put(p.getFileName().toString(), dir.resolve(p.getFileName()));
      }
    }
    for (Path p : dirs.keySet()) {
      if (real.equals(p.getParent())) {
        out.put(p.getFileName().toString(), dir.resolve(p.getFileName()));
      }
    }
    for (Path p : links.keySet()) {
      if (real.equals(p.getParent())) {
        out.put(p.getFileName().toString(), dir.resolve(p.getFileName()));
      }
    }
    return new ArrayList<>(out.values());
  }

  @Override
  public Path realPath(Path path) {
    Path p = path.toAbsolutePath().normalize();
    for (int guard = 0; guard < 64; guard++) {
      Path resolved = resolveOnce(p);
      if (resolved.equals(p)) {
        return p;
      }
      p = resolved;
    }
    throw new KustomizeException("too many levels of symbolic links: " + path);
  }

  private Path resolveOnce(Path p) {
    Path root = p.getRoot();
    Path acc = root;
    for (Path part : p) {
      acc = acc.resolve(part);
      Path target = links.get(acc);
      if (target != null) {
        Path rest = acc.relativize(p);
        Path base = target.isAbsolute() ? target : acc.getParent().resolve(target);
        return base.resolve(rest).normalize();
      }
    }
    return p;
  }
}
