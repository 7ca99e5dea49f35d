package dev.capstan.testsupport.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Writes one commit straight into a bare repository, starting from the parent's tree and applying
 * additions and deletions, then moves the branch to it (forcing, so a commit on an older parent is
 * a force-push). Not reusable: call {@link #create()} once.
 */
public final class CommitBuilder {

  private record Change(Optional<byte[]> content, FileMode mode) {}

  private final FixtureRepository target;
  private final String branch;
  private final Map<String, Change> changes = new LinkedHashMap<>();
  private Optional<ObjectId> parent = Optional.empty();
  private boolean orphan;
  private boolean emptyBase;
  private String message = "commit";

  CommitBuilder(FixtureRepository target, String branch) {
    this.target = target;
    this.branch = branch;
  }

  /** Adds or replaces a regular file with UTF-8 text. */
  public CommitBuilder add(String path, String content) {
    return add(path, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Adds or replaces a regular file. */
  public CommitBuilder add(String path, byte[] content) {
    changes.put(checkPath(path), new Change(Optional.of(content.clone()), FileMode.REGULAR_FILE));
    return this;
  }

  /** Adds or replaces an executable file. */
  public CommitBuilder addExecutable(String path, String content) {
    changes.put(
        checkPath(path),
        new Change(
            Optional.of(content.getBytes(StandardCharsets.UTF_8)), FileMode.EXECUTABLE_FILE));
    return this;
  }

  /** Adds a symbolic link whose target is stored verbatim (it may point anywhere). */
  public CommitBuilder addSymlink(String path, String linkTarget) {
    changes.put(
        checkPath(path),
        new Change(Optional.of(linkTarget.getBytes(StandardCharsets.UTF_8)), FileMode.SYMLINK));
    return this;
  }

  /** Deletes a file, or every file under a directory, of the parent tree. */
  public CommitBuilder delete(String path) {
    changes.put(checkPath(path), new Change(Optional.empty(), FileMode.MISSING));
    return this;
  }

  /**
   * Adds every regular file below {@code folder} (recursively, relative paths kept); executable
   * bits are kept. Combine with {@link #replaceAll()} to mirror the folder exactly.
   */
  public CommitBuilder addFolder(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String rel = folder.relativize(file).toString().replace('\\', '/');
        FileMode mode = Files.isExecutable(file) ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE;
        changes.put(checkPath(rel), new Change(Optional.of(Files.readAllBytes(file)), mode));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder, e);
    }
    return this;
  }

  /** Starts from an empty tree instead of the parent's tree (the parent link is kept). */
  public CommitBuilder replaceAll() {
    this.emptyBase = true;
    return this;
  }

  /**
   * Uses this commit as parent instead of the branch tip; with an older commit this rewrites
   * history.
   */
  public CommitBuilder parent(ObjectId commit) {
    this.parent = Optional.of(commit);
    this.orphan = false;
    return this;
  }

  /** Creates a root commit without parent (and with an empty base tree). */
  public CommitBuilder orphan() {
    this.orphan = true;
    this.parent = Optional.empty();
    return this;
  }

  /** Sets the commit message. */
  public CommitBuilder message(String message) {
    this.message = message;
    return this;
  }

  /** Writes the commit, moves the branch to it (forced) and returns its id. */
  public ObjectId create() {
    Repository repository = target.repository();
    try (ObjectInserter inserter = repository.newObjectInserter();
        RevWalk walk = new RevWalk(repository)) {
      Optional<ObjectId> parentId =
          orphan ? Optional.empty() : parent.or(() -> target.branchTip(branch));
      Map<String, DirCacheEntry> entries = new TreeMap<>();
      if (parentId.isPresent() && !emptyBase) {
        RevCommit parentCommit = walk.parseCommit(parentId.get());
        readTree(repository, parentCommit, entries);
      }
      for (Map.Entry<String, Change> change : changes.entrySet()) {
        apply(inserter, entries, change.getKey(), change.getValue());
      }
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      entries.values().forEach(builder::add);
      builder.finish();
      ObjectId tree = index.writeTree(inserter);

      org.eclipse.jgit.lib.CommitBuilder commit = new org.eclipse.jgit.lib.CommitBuilder();
      PersonIdent ident = target.nextIdent();
      commit.setAuthor(ident);
      commit.setCommitter(ident);
      commit.setTreeId(tree);
      commit.setMessage(message.endsWith("\n") ? message : message + "\n");
      parentId.ifPresent(commit::setParentId);
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      target.updateRef(Constants.R_HEADS + branch, id);
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit to " + target.name(), e);
    }
  }

  private static void readTree(
      Repository repository, RevCommit commit, Map<String, DirCacheEntry> out) throws IOException {
    try (TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(commit.getTree());
      walk.setRecursive(true);
      while (walk.next()) {
        DirCacheEntry entry = new DirCacheEntry(walk.getPathString());
        entry.setFileMode(walk.getFileMode(0));
        entry.setObjectId(walk.getObjectId(0));
        out.put(walk.getPathString(), entry);
      }
    }
  }

  private static void apply(
      ObjectInserter inserter, Map<String, DirCacheEntry> entries, String path, Change change)
      throws IOException {
    if (change.content().isEmpty()) {
      List<String> doomed = new ArrayList<>();
      for (String existing : entries.keySet()) {
        if (existing.equals(path) || existing.startsWith(path + "/")) {
          doomed.add(existing);
        }
      }
      if (doomed.isEmpty()) {
        throw new IllegalArgumentException("nothing to delete at " + path);
      }
      doomed.forEach(entries::remove);
      return;
    }
    // A file replaces a directory of the same name and vice versa, as in a working tree.
    entries
        .keySet()
        .removeIf(existing -> existing.startsWith(path + "/") || path.startsWith(existing + "/"));
    DirCacheEntry entry = new DirCacheEntry(path);
    entry.setFileMode(change.mode());
    entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, change.content().get()));
    entries.put(path, entry);
  }

  private static String checkPath(String path) {
    String p = path.replace('\\', '/');
    if (p.isEmpty()
        || p.startsWith("/")
        || p.endsWith("/")
        || Stream.of(p.split("/"))
            .anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals("..") || s.equals(".git"))) {
      throw new IllegalArgumentException("not a clean relative path: " + path);
    }
    return p;
  }
}
