package dev.capstan.engine.source;

import dev.capstan.engine.source.internal.CommitFetcher;
import dev.capstan.engine.source.internal.CredentialsTransport;
import dev.capstan.engine.source.internal.FailureTranslator;
import dev.capstan.engine.source.internal.FileTrees;
import dev.capstan.engine.source.internal.RemoteRefs;
import dev.capstan.engine.source.internal.RepositoryCache;
import dev.capstan.engine.source.internal.SecretScrubber;
import dev.capstan.engine.source.internal.SnapshotStore;
import dev.capstan.engine.source.internal.TreeExporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.LsRemoteCommand;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's git source: resolves a revision of a remote repository and hands out a read-only
 * directory with that commit's files.
 *
 * <pre>{@code
 * GitSource source = new GitSource(GitSourceOptions.defaults(cacheDir));
 * GitRemote remote = new GitRemote("https://git.example/org/apps.git", GitCredentials.basic("bot", token));
 * try (Snapshot snapshot = source.checkout(remote, RevisionSpec.branch("main"))) {
 *   render(snapshot.root());                       // read-only files of the commit
 *   status.setRevision(snapshot.revision().fluxRevision());
 * }
 * }</pre>
 *
 * <p><b>Cost.</b> Every call starts with one {@code ls-remote} (one round trip; it also checks that
 * these credentials may read the repository, even when the commit is cached). When the resolved SHA
 * already has a snapshot, that is all: polling an unchanged repository fetches nothing. Otherwise
 * the commit is fetched shallowly into a bare repository cached per normalized URL and exported
 * into an immutable directory keyed by SHA.
 *
 * <p><b>Thread-safety.</b> All methods are thread-safe. Fetches and exports of one URL are
 * serialized; different URLs proceed in parallel; reading snapshots needs no lock at all, because a
 * snapshot directory is written once to a staging directory, renamed into place and never changed.
 *
 * <p><b>Failure.</b> Every method throws only {@link GitSourceException} subtypes, whose messages
 * read {@code git <step> <url> failed (<reason>): <detail>} without secrets; {@link
 * GitSourceException#isTransient()} says whether to retry. A failure never touches existing
 * snapshots: a caller that still holds the last good snapshot can keep using it.
 *
 * <p><b>Idempotency.</b> {@link #resolve} has no local effect; {@link #checkout} may add one
 * snapshot and refs in the cache, and repeating it for the same SHA returns the same directory.
 */
public final class GitSource {

  private static final Logger LOG = LoggerFactory.getLogger(GitSource.class);

  private final GitSourceOptions options;
  private final RepositoryCache repositories;
  private final SnapshotStore snapshots;
  private final Path scratch;

  /**
   * Opens (or creates) the cache directory. Snapshots left there by an earlier process are reused.
   *
   * @throws SourceStorageException if the directory cannot be created or read
   */
  public GitSource(GitSourceOptions options) {
    this.options = options;
    Path dir = options.cacheDirectory();
    try {
      this.repositories = new RepositoryCache(dir.resolve("repos"));
      this.snapshots = new SnapshotStore(dir.resolve("snapshots"), options.maxSnapshots());
      this.scratch = Files.createDirectories(dir.resolve("tmp"));
    } catch (IOException e) {
      throw new SourceStorageException(
          "init",
          dir.toString(),
          "storage",
          "cannot prepare the cache directory: " + e.getMessage(),
          null);
    }
  }

  /** The options this source was created with. */
  public GitSourceOptions options() {
    return options;
  }

  /**
   * Resolves a revision with one {@code ls-remote}, without fetching anything: the cheap way to
   * poll for a new commit. For a {@link RevisionSpec.Commit} the SHA is returned as is (with the
   * ref that points at it, if any) after checking that the repository is readable; whether the
   * commit exists is only known after {@link #checkout}. For an annotated tag the server normally
   * sends the peeled commit id; if it does not, the tag object's id is returned and {@link
   * #checkout} peels it.
   *
   * @throws RevisionNotFoundException if no branch, tag or ref matches
   * @throws InvalidSourceException if the URL is local and local repositories are not allowed
   * @throws GitSourceException for any other failure (see its subtypes)
   */
  public ResolvedRevision resolve(GitRemote remote, RevisionSpec revision) {
    return match(remote, revision).revision();
  }

  /**
   * Resolves the revision and leases a snapshot of its commit, fetching and exporting it when it is
   * not cached yet. The caller must close the returned snapshot.
   *
   * @throws RevisionNotFoundException if nothing matches, or a commit SHA is not in the repository
   * @throws InvalidSourceException if the commit has unsafe paths or symlinks leaving the
   *     repository
   * @throws GitSourceException for any other failure (see its subtypes)
   */
  public Snapshot checkout(GitRemote remote, RevisionSpec revision) {
    RemoteRefs.Match match = match(remote, revision);
    Optional<Snapshot> cached = snapshots.lease(match.revision());
    if (cached.isPresent()) {
      LOG.debug(
          "git checkout {} {}: snapshot cached",
          remote.redactedUrl(),
          match.revision().fluxRevision());
      return cached.get();
    }
    RepositoryUrl url = RepositoryUrl.parse(remote.url());
    SecretScrubber scrubber = SecretScrubber.of(remote.credentials(), remote.url());
    String redacted = url.redacted();
    try {
      return repositories.withRepository(
          url,
          repository -> {
            CommitFetcher.Result fetched;
            try (CredentialsTransport transport =
                new CredentialsTransport(remote.credentials(), scratch, redacted)) {
              fetched =
                  CommitFetcher.ensure(
                      repository,
                      new CommitFetcher.Request(
                          remote.url(),
                          ObjectId.fromString(match.revision().sha()),
                          match.fetchRef(),
                          options.fetchDepth(),
                          timeoutSeconds()),
                      transport);
            } catch (CommitFetcher.MissingCommitException e) {
              throw new RevisionNotFoundException(
                  "fetch",
                  redacted,
                  "revision-not-found",
                  revision.describe() + ": " + e.getMessage(),
                  null);
            } catch (GitSourceException e) {
              throw e;
            } catch (Exception e) {
              throw FailureTranslator.translate("fetch", redacted, e, scrubber);
            }
            ResolvedRevision resolved =
                new ResolvedRevision(fetched.commit().name(), match.revision().ref());
            LOG.debug(
                "git fetch {} {}: fetched={}",
                redacted,
                resolved.fluxRevision(),
                fetched.fetched());
            Optional<Snapshot> raced = snapshots.lease(resolved);
            if (raced.isPresent()) {
              return raced.get();
            }
            return export(repository, resolved, redacted);
          });
    } catch (GitSourceException e) {
      throw e;
    } catch (Exception e) {
      throw FailureTranslator.translate("fetch", redacted, e, scrubber);
    }
  }

  private Snapshot export(Repository repository, ResolvedRevision resolved, String redacted) {
    Path staging = null;
    try {
      staging = snapshots.newStaging();
      TreeExporter.export(repository, ObjectId.fromString(resolved.sha()), staging);
      TreeExporter.sealRoot(staging);
      Snapshot snapshot = snapshots.publish(resolved, staging);
      staging = null;
      return snapshot;
    } catch (TreeExporter.UnsafeContentException e) {
      throw new InvalidSourceException(
          "checkout", redacted, "invalid-content", e.getMessage() + " at " + resolved.sha(), null);
    } catch (IOException e) {
      throw new SourceStorageException(
          "checkout",
          redacted,
          "storage",
          "cannot write the snapshot of " + resolved.sha() + ": " + e.getMessage(),
          null);
    } finally {
      if (staging != null) {
        FileTrees.deleteQuietly(staging);
      }
    }
  }

  private RemoteRefs.Match match(GitRemote remote, RevisionSpec revision) {
    String redacted = remote.redactedUrl();
    if (!options.allowLocalRepositories()
        && RepositoryUrl.parse(remote.url()).scheme().equals("file")) {
      throw new InvalidSourceException(
          "ls-remote",
          redacted,
          "invalid-url",
          "local repositories (file:// or a path) are not allowed",
          null);
    }
    SecretScrubber scrubber = SecretScrubber.of(remote.credentials(), remote.url());
    RemoteRefs refs;
    try (CredentialsTransport transport =
        new CredentialsTransport(remote.credentials(), scratch, redacted)) {
      LsRemoteCommand ls =
          Git.lsRemoteRepository()
              .setRemote(remote.url())
              .setTimeout(timeoutSeconds())
              .setTransportConfigCallback(transport);
      transport.credentialsProvider().ifPresent(ls::setCredentialsProvider);
      refs = new RemoteRefs(ls.callAsMap());
    } catch (GitSourceException e) {
      throw e;
    } catch (Exception e) {
      throw FailureTranslator.translate("ls-remote", redacted, e, scrubber);
    }
    return refs.match(revision)
        .orElseThrow(
            () ->
                new RevisionNotFoundException(
                    "ls-remote", redacted, "revision-not-found", notFound(revision), null));
  }

  private static String notFound(RevisionSpec revision) {
    return revision instanceof RevisionSpec.Semver
        ? "no tag matches " + revision.describe()
        : revision.describe() + " does not exist";
  }

  private int timeoutSeconds() {
    return (int) Math.max(1, options.timeout().toSeconds());
  }
}
