package dev.capstan.engine.source.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Writes the files of one commit into an empty directory and makes the result read-only.
 *
 * <p>Rules, as Argo CD's repo-server applies them: a path with an empty, {@code .}, {@code ..} or
 * {@code .git} segment is refused; a symlink is written only if its target, resolved from the
 * link's directory, stays inside the commit ({@code ../outside} or {@code /etc/passwd} is refused,
 * as is a chain of links that leaves); a submodule (gitlink) becomes an empty directory. A refusal
 * throws {@link UnsafeContentException} and leaves a partial directory for the caller to delete.
 *
 * <p>Stateless and thread-safe; the repository must not be closed while exporting.
 */
public final class TreeExporter {

  private static final Set<PosixFilePermission> READ_ONLY =
      PosixFilePermissions.fromString("r--r--r--");
  private static final Set<PosixFilePermission> EXECUTABLE =
      PosixFilePermissions.fromString("r-xr-xr-x");
  private static final Set<PosixFilePermission> DIRECTORY =
      PosixFilePermissions.fromString("r-xr-xr-x");

  /** The commit's content would escape the snapshot directory. */
  public static final class UnsafeContentException extends Exception {
    private static final long serialVersionUID = 1L;

    UnsafeContentException(String message) {
      super(message);
    }
  }

  private TreeExporter() {}

  /**
   * Exports {@code commit} (a commit or an annotated tag, peeled) into {@code target}, which must
   * exist and be empty.
   *
   * @return the id of the exported commit (the peeled id for a tag)
   */
  public static ObjectId export(Repository repository, ObjectId commit, Path target)
      throws IOException, UnsafeContentException {
    boolean posix = Files.getFileStore(target).supportsFileAttributeView("posix");
    List<Path> directories = new ArrayList<>();
    List<Path[]> links = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repository);
        ObjectReader reader = repository.newObjectReader();
        TreeWalk tree = new TreeWalk(reader)) {
      RevCommit revCommit = walk.parseCommit(commit);
      tree.addTree(revCommit.getTree());
      tree.setRecursive(false);
      while (tree.next()) {
        String path = tree.getPathString();
        Path out = resolveSafely(target, path);
        FileMode mode = tree.getFileMode(0);
        if (mode == FileMode.TREE) {
          Files.createDirectory(out);
          directories.add(out);
          tree.enterSubtree();
        } else if (mode == FileMode.GITLINK) {
          Files.createDirectory(out);
          directories.add(out);
        } else if (mode == FileMode.SYMLINK) {
          String linkTarget =
              new String(reader.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
          Path link = Path.of(linkTarget);
          Path resolved = out.getParent().resolve(link).normalize();
          if (link.isAbsolute() || !resolved.startsWith(target)) {
            throw new UnsafeContentException(
                "symlink " + path + " points outside the repository (" + linkTarget + ")");
          }
          Files.createSymbolicLink(out, link);
          links.add(new Path[] {out, resolved});
        } else {
          try (OutputStream os = Files.newOutputStream(out)) {
            reader.open(tree.getObjectId(0)).copyTo(os);
          }
          if (posix) {
            Files.setPosixFilePermissions(
                out, mode == FileMode.EXECUTABLE_FILE ? EXECUTABLE : READ_ONLY);
          } else {
            out.toFile().setWritable(false, false);
          }
        }
      }
      checkLinkChains(target, links);
      for (Path dir : directories.reversed()) {
        makeReadOnlyDirectory(dir, posix);
      }
      return revCommit.getId();
    }
  }

  /** A link into a directory that is itself a link could still leave: check the real paths. */
  private static void checkLinkChains(Path target, List<Path[]> links)
      throws IOException, UnsafeContentException {
    Path realRoot = target.toRealPath();
    for (Path[] link : links) {
      if (Files.exists(link[0])) {
        Path real = link[0].toRealPath();
        if (!real.startsWith(realRoot)) {
          throw new UnsafeContentException(
              "symlink " + target.relativize(link[0]) + " points outside the repository");
        }
      }
    }
  }

  private static void makeReadOnlyDirectory(Path dir, boolean posix) throws IOException {
    if (posix) {
      Files.setPosixFilePermissions(dir, DIRECTORY);
    } else {
      dir.toFile().setWritable(false, false);
    }
  }

  /** Makes the snapshot root itself read-only once everything below it is written. */
  public static void sealRoot(Path root) throws IOException {
    makeReadOnlyDirectory(root, Files.getFileStore(root).supportsFileAttributeView("posix"));
  }

  private static Path resolveSafely(Path root, String path) throws UnsafeContentException {
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty()
          || segment.equals(".")
          || segment.equals("..")
          || segment.equalsIgnoreCase(".git")) {
        throw new UnsafeContentException("the commit contains an unsafe path: " + path);
      }
    }
    Path out = root.resolve(path).normalize();
    if (!out.startsWith(root)) {
      throw new UnsafeContentException("the commit contains an unsafe path: " + path);
    }
    return out;
  }
}
