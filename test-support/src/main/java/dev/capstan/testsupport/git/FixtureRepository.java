package dev.capstan.testsupport.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A bare repository on disk that tests write to directly, the way a git host's repository changes
 * when someone pushes: commits, branches, tags, force-updates and deletions.
 *
 * <p>Commit times come from a per-repository clock that starts at a fixed instant and advances one
 * minute per commit, so the same sequence of writes yields the same SHAs on every run.
 *
 * <p>Thread-safety: ref updates are atomic (JGit's ref database); run writes to one repository from
 * one thread at a time.
 */
public final class FixtureRepository implements AutoCloseable {

  /** Epoch second of the first commit: 2024-01-01T00:00:00Z. */
  private static final long CLOCK_START = 1_704_067_200L;

  private final String name;
  private final Repository repository;
  private final AtomicInteger clock = new AtomicInteger();

  private FixtureRepository(String name, Repository repository) {
    this.name = name;
    this.repository = repository;
  }

  static String canonicalName(String name) {
    String trimmed = name.replaceAll("^/+", "").replaceAll("/+$", "");
    return trimmed.endsWith(".git") ? trimmed : trimmed + ".git";
  }

  static FixtureRepository createBare(String name, Path dir) {
    try {
      Repository repository = FileRepositoryBuilder.create(dir.toFile());
      repository.create(true);
      RefUpdate head = repository.updateRef(Constants.HEAD);
      head.link("refs/heads/main");
      return new FixtureRepository(name, repository);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create bare repository " + dir, e);
    }
  }

  /** Name relative to the server root, always ending in {@code .git} (e.g. {@code apps.git}). */
  public String name() {
    return name;
  }

  /** The bare repository; tests may read it, but should write through this class. */
  public Repository repository() {
    return repository;
  }

  /** Directory of the bare repository, usable as a {@code file://} URL. */
  public Path directory() {
    return repository.getDirectory().toPath();
  }

  /** Starts a commit on the branch HEAD points at (initially {@code main}). */
  public CommitBuilder commit() {
    return new CommitBuilder(this, headBranch());
  }

  /** Starts a commit on the given branch (created at the commit if it does not exist yet). */
  public CommitBuilder commit(String branch) {
    return new CommitBuilder(this, branch);
  }

  /** Short name of the branch HEAD points at. */
  public String headBranch() {
    try {
      Ref head = repository.exactRef(Constants.HEAD);
      String target = head == null ? "refs/heads/main" : head.getTarget().getName();
      return Repository.shortenRefName(target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Points HEAD at {@code refs/heads/BRANCH} (the branch need not exist yet). */
  public void setHead(String branch) {
    try {
      RefUpdate update = repository.updateRef(Constants.HEAD);
      update.link(Constants.R_HEADS + branch);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The commit a branch points at, if the branch exists. */
  public Optional<ObjectId> branchTip(String branch) {
    return resolve(Constants.R_HEADS + branch);
  }

  /** Resolves any revision expression, e.g. {@code main~1} or {@code refs/tags/v1^{}}. */
  public Optional<ObjectId> resolve(String revision) {
    try {
      return Optional.ofNullable(repository.resolve(revision));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates or moves a branch to a commit, fast-forward or not: moving a branch to a commit that is
   * not a descendant is what a force-push does on the server.
   */
  public void setBranch(String branch, ObjectId commit) {
    updateRef(Constants.R_HEADS + branch, commit);
  }

  /** Deletes a branch. */
  public void deleteBranch(String branch) {
    deleteRef(Constants.R_HEADS + branch);
  }

  /** Creates or moves a lightweight tag. */
  public void tag(String tag, ObjectId commit) {
    updateRef(Constants.R_TAGS + tag, commit);
  }

  /** Creates an annotated tag object pointing at the commit and returns the tag object's id. */
  public ObjectId annotatedTag(String tag, ObjectId commit, String message) {
    try (Git git = Git.wrap(repository);
        RevWalk walk = new RevWalk(repository)) {
      RevCommit target = walk.parseCommit(commit);
      Ref ref =
          git.tag()
              .setName(tag)
              .setObjectId(target)
              .setAnnotated(true)
              .setMessage(message)
              .setTagger(nextIdent())
              .setForceUpdate(true)
              .call();
      return ref.getObjectId();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot tag " + tag, e);
    }
  }

  /** Deletes a tag. */
  public void deleteTag(String tag) {
    deleteRef(Constants.R_TAGS + tag);
  }

  PersonIdent nextIdent() {
    long seconds = CLOCK_START + 60L * clock.getAndIncrement();
    return new PersonIdent(
        "Capstan Fixture",
        "fixture@capstan.invalid",
        java.time.Instant.ofEpochSecond(seconds),
        java.time.ZoneOffset.UTC);
  }

  void updateRef(String refName, ObjectId target) {
    try {
      RefUpdate update = repository.updateRef(refName);
      update.setNewObjectId(target);
      update.setForceUpdate(true);
      RefUpdate.Result result = update.update();
      switch (result) {
        case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> {}
        default -> throw new IllegalStateException("cannot update " + refName + ": " + result);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void deleteRef(String refName) {
    try {
      RefUpdate update = repository.updateRef(refName);
      update.setForceUpdate(true);
      RefUpdate.Result result = update.delete();
      if (result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NO_CHANGE) {
        throw new IllegalStateException("cannot delete " + refName + ": " + result);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Packs every object into one pack file and drops the loose copies, as {@code git gc} leaves a
   * repository on a Git host. A fresh commit of many files is otherwise served from loose objects,
   * which the server must read and compress one by one on every fetch.
   */
  public void pack() {
    try (Git git = Git.wrap(repository)) {
      git.gc().setAggressive(false).call();
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot pack " + name, e);
    }
  }

  @Override
  public void close() {
    repository.close();
  }

  @Override
  public String toString() {
    return "FixtureRepository[" + name + "]";
  }
}
