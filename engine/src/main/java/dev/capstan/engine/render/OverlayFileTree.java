package dev.capstan.engine.render;

import dev.capstan.kustomize.fs.DiskFileTree;
import dev.capstan.kustomize.fs.FileTree;
import java.nio.file.Path;
import java.util.List;

/**
 * The disk with one file's content replaced: how overrides reach the Kustomize engine without
 * writing into a read-only snapshot.
 */
final class OverlayFileTree implements FileTree {
  private final Path replaced;
  private final byte[] content;

  OverlayFileTree(Path replaced, byte[] content) {
    this.replaced = replaced;
    this.content = content.clone();
  }

  @Override
  public boolean isDirectory(Path path) {
    return DiskFileTree.INSTANCE.isDirectory(path);
  }

  @Override
  public boolean isFile(Path path) {
    return DiskFileTree.INSTANCE.isFile(path);
  }

  @Override
  public byte[] read(Path path) {
    return path.equals(replaced) ? content.clone() : DiskFileTree.INSTANCE.read(path);
  }

  @Override
  public List<Path> list(Path dir) {
    return DiskFileTree.INSTANCE.list(dir);
  }

  @Override
  public Path realPath(Path path) {
    return DiskFileTree.INSTANCE.realPath(path);
  }
}
