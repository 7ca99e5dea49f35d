package dev.capstan.kustomize.fs;

import dev.capstan.kustomize.KustomizeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The real file system. */
public final class DiskFileTree implements FileTree {
  public static final DiskFileTree INSTANCE = new DiskFileTree();

  private DiskFileTree() {}

  @Override
  public boolean isDirectory(Path path) {
    return Files.isDirectory(path);
  }

  @Override
  public boolean isFile(Path path) {
    return Files.isRegularFile(path);
  }

  @Override
  public byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new KustomizeException("file '" + path + "' does not exist");
    } catch (IOException e) {
      throw new KustomizeException("reading '" + path + "' failed: " + e.getMessage(), e);
    }
  }

  @Override
  public List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> out = new ArrayList<>(s.toList());
      out.sort(null);
      return out;
    } catch (IOException e) {
      throw new KustomizeException("listing '" + dir + "' failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path;
    }
  }
}
