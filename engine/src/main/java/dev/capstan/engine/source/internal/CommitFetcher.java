package dev.capstan.engine.source.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.TrackingRefUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one commit into a cached bare repository, fetching as little as possible.
 *
 * <ol>
 *   <li>If the commit is already in the object database, nothing is fetched.
 *   <li>Otherwise the advertised ref (or the SHA itself) is fetched with the configured depth
 *       (depth 1 by default: a shallow fetch).
 *   <li>If the server refuses a shallow fetch, the same fetch is repeated in full.
 *   <li>If the server refuses to send a SHA that no ref points at (no {@code
 *       allowReachableSHA1InWant}), all branches and tags are fetched in full and the SHA is looked
 *       up among them.
 * </ol>
 *
 * <p>Fetched refs are stored under the same names (a force-push is followed, {@code +src:dst}); the
 * remote {@code HEAD} under {@code refs/capstan/HEAD} and a fetched SHA under {@code
 * refs/capstan/commits/SHA}. Not thread-safe: call it under the repository's lock.
 */
public final class CommitFetcher {

  private static final Logger LOG = LoggerFactory.getLogger(CommitFetcher.class);

  /**
   * What to fetch.
   *
   * @param url the remote URL as given (JGit reads user-info credentials from it)
   * @param wantedId the commit id from ls-remote (or an annotated tag's id)
   * @param fetchRef the remote ref to fetch, or empty to fetch {@code wantedId} itself
   * @param depth fetch depth; 0 for full history
   * @param timeoutSeconds JGit transport timeout
   */
  public record Request(
      String url, ObjectId wantedId, Optional<String> fetchRef, int depth, int timeoutSeconds) {}

  /**
   * The outcome.
   *
   * @param commit the commit that is now in the repository (peeled)
   * @param fetched whether anything was fetched
   */
  public record Result(ObjectId commit, boolean fetched) {}

  private CommitFetcher() {}

  /** Ensures the commit is present; throws JGit's exceptions for the caller to translate. */
  public static Result ensure(
      Repository repository, Request request, CredentialsTransport transport)
      throws IOException, GitAPIException, MissingCommitException {
    Optional<ObjectId> present = peeledCommit(repository, request.wantedId());
    if (present.isPresent()) {
      return new Result(present.get(), false);
    }
    if (request.fetchRef().isPresent()) {
      String src = request.fetchRef().get();
      String dst = localName(src);
      FetchResult result =
          fetchWithShallowFallback(
              repository, request, transport, List.of(new RefSpec("+" + src + ":" + dst)));
      // Trust what the server sent, not the local ref: a local ref update can fail (a stale lock)
      // without failing the fetch, and would then still name the previous commit.
      Ref advertised = result.getAdvertisedRef(src);
      if (advertised == null || advertised.getObjectId() == null) {
        throw new MissingCommitException(src + " was not sent by the server");
      }
      for (TrackingRefUpdate update : result.getTrackingRefUpdates()) {
        if (update.getResult() == RefUpdate.Result.LOCK_FAILURE
            || update.getResult() == RefUpdate.Result.IO_FAILURE
            || update.getResult() == RefUpdate.Result.REJECTED) {
          LOG.warn(
              "cached ref {} not updated ({}); the fetched commit is used anyway",
              update.getLocalName(),
              update.getResult());
        }
      }
      ObjectId id = advertised.getObjectId();
      return new Result(
          peeledCommit(repository, id)
              .orElseThrow(() -> new MissingCommitException(src + " does not point at a commit")),
          true);
    }
    String sha = request.wantedId().name();
    try {
      fetchWithShallowFallback(
          repository,
          request,
          transport,
          List.of(new RefSpec("+" + sha + ":refs/capstan/commits/" + sha)));
    } catch (GitAPIException e) {
      if (!refusedWant(e)) {
        throw e;
      }
      // The server only sends advertised tips: take every branch and tag in full and look again.
      FetchCommand all =
          command(repository, request, transport)
              .setRefSpecs(
                  new RefSpec("+" + Constants.R_HEADS + "*:" + Constants.R_HEADS + "*"),
                  new RefSpec("+" + Constants.R_TAGS + "*:" + Constants.R_TAGS + "*"));
      if (!repository.getObjectDatabase().getShallowCommits().isEmpty()) {
        all.setUnshallow(true);
      }
      all.call();
    }
    return new Result(
        peeledCommit(repository, request.wantedId())
            .orElseThrow(
                () ->
                    new MissingCommitException(
                        "commit " + sha + " is not reachable from any branch or tag")),
        true);
  }

  private static FetchResult fetchWithShallowFallback(
      Repository repository, Request request, CredentialsTransport transport, List<RefSpec> specs)
      throws GitAPIException {
    FetchCommand fetch = command(repository, request, transport).setRefSpecs(specs);
    if (request.depth() <= 0) {
      return fetch.call();
    }
    try {
      return fetch.setDepth(request.depth()).call();
    } catch (GitAPIException e) {
      if (!String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("shallow")) {
        throw e;
      }
      return command(repository, request, transport).setRefSpecs(specs).call();
    }
  }

  private static FetchCommand command(
      Repository repository, Request request, CredentialsTransport transport) {
    FetchCommand fetch =
        Git.wrap(repository)
            .fetch()
            .setRemote(request.url())
            .setTagOpt(TagOpt.NO_TAGS)
            .setTimeout(request.timeoutSeconds())
            .setTransportConfigCallback(transport);
    transport.credentialsProvider().ifPresent(fetch::setCredentialsProvider);
    return fetch;
  }

  /**
   * Whether a failed fetch of a bare SHA may succeed as a fetch of all branches and tags: servers
   * word the refusal differently ("not our ref", "want ... not valid", or an internal error), so
   * anything that is not clearly about access or connectivity qualifies.
   */
  private static boolean refusedWant(GitAPIException e) {
    return switch (FailureTranslator.reason(e)) {
      case "auth", "host-key", "unreachable", "timeout", "repository-not-found", "invalid-url" ->
          false;
      default -> true;
    };
  }

  private static String localName(String remoteRef) {
    return remoteRef.equals(Constants.HEAD) ? "refs/capstan/HEAD" : remoteRef;
  }

  /** The commit {@code id} names (peeling annotated tags), if that object is in the repository. */
  static Optional<ObjectId> peeledCommit(Repository repository, ObjectId id) throws IOException {
    if (!repository.getObjectDatabase().has(id)) {
      return Optional.empty();
    }
    try (RevWalk walk = new RevWalk(repository)) {
      return Optional.of(walk.parseCommit(id).getId());
    } catch (MissingObjectException e) {
      return Optional.empty();
    } catch (org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
      return Optional.empty();
    }
  }

  /** The fetch succeeded but the wanted commit is not there. */
  public static final class MissingCommitException extends Exception {
    private static final long serialVersionUID = 1L;

    MissingCommitException(String message) {
      super(message);
    }
  }
}
