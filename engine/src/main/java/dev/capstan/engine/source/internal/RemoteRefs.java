package dev.capstan.engine.source.internal;

import dev.capstan.engine.source.ResolvedRevision;
import dev.capstan.engine.source.RevisionSpec;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;

/**
 * The refs a remote advertised ({@code git ls-remote}), and how a {@link RevisionSpec} matches
 * them.
 *
 * <p>Matching rules: {@code HEAD} follows the advertised symbolic ref when there is one (the result
 * names the branch); a {@code Named} revision is a branch if one exists, else a tag; tags are
 * peeled to their commit when the server sent the peeled id; a commit SHA is reported with the
 * first branch, then tag, then other ref pointing at it, or with itself when no ref does; a semver
 * range picks the tag with the highest matching version (ties: the lexically smallest tag name).
 *
 * @param refs advertised refs by full name
 */
public record RemoteRefs(Map<String, Ref> refs) {

  /**
   * A match: the revision and the remote ref to fetch it by (empty: fetch the SHA itself).
   *
   * @param revision resolved commit (for a tag the server did not peel, the tag object's id until
   *     fetched and peeled locally)
   * @param fetchRef remote ref name to fetch, if any
   */
  public record Match(ResolvedRevision revision, Optional<String> fetchRef) {}

  public RemoteRefs {
    refs = Map.copyOf(refs);
  }

  /** Matches the spec against the advertised refs; empty when nothing matches. */
  public Optional<Match> match(RevisionSpec spec) {
    return switch (spec) {
      case RevisionSpec.Head head -> head();
      case RevisionSpec.Branch branch -> exact(Constants.R_HEADS + branch.name());
      case RevisionSpec.Tag tag -> exact(Constants.R_TAGS + tag.name());
      case RevisionSpec.Ref ref -> ref.name().equals(Constants.HEAD) ? head() : exact(ref.name());
      case RevisionSpec.Named named ->
          exact(Constants.R_HEADS + named.name()).or(() -> exact(Constants.R_TAGS + named.name()));
      case RevisionSpec.Commit commit -> Optional.of(commit(commit.sha()));
      case RevisionSpec.Semver semver -> highestTag(SemverRange.parse(semver.range()));
    };
  }

  private Optional<Match> highestTag(SemverRange range) {
    record Candidate(String ref, Semver version) {}
    return refs.keySet().stream()
        .filter(name -> name.startsWith(Constants.R_TAGS) && !name.endsWith("^{}"))
        .flatMap(
            name ->
                Semver.parse(name.substring(Constants.R_TAGS.length()))
                    .map(v -> new Candidate(name, v))
                    .stream())
        .filter(c -> range.matches(c.version()))
        .max(
            Comparator.comparing(Candidate::version)
                .thenComparing(Candidate::ref, Comparator.reverseOrder()))
        .flatMap(c -> exact(c.ref()));
  }

  private Optional<Match> head() {
    Ref head = refs.get(Constants.HEAD);
    if (head == null || commitId(head) == null) {
      return Optional.empty();
    }
    if (head.isSymbolic()) {
      String target = head.getTarget().getName();
      return Optional.of(
          new Match(new ResolvedRevision(commitId(head).name(), target), Optional.of(target)));
    }
    return Optional.of(
        new Match(
            new ResolvedRevision(commitId(head).name(), Constants.HEAD),
            Optional.of(Constants.HEAD)));
  }

  private Optional<Match> exact(String name) {
    Ref ref = refs.get(name);
    if (ref == null || commitId(ref) == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Match(new ResolvedRevision(commitId(ref).name(), name), Optional.of(name)));
  }

  private Match commit(String sha) {
    return refs.values().stream()
        .filter(r -> !r.getName().equals(Constants.HEAD))
        .filter(r -> commitId(r) != null && commitId(r).name().equals(sha))
        .min(Comparator.comparingInt(RemoteRefs::rank).thenComparing(Ref::getName))
        .map(r -> new Match(new ResolvedRevision(sha, r.getName()), Optional.of(r.getName())))
        .orElseGet(() -> new Match(new ResolvedRevision(sha, sha), Optional.empty()));
  }

  private static int rank(Ref ref) {
    if (ref.getName().startsWith(Constants.R_HEADS)) {
      return 0;
    }
    return ref.getName().startsWith(Constants.R_TAGS) ? 1 : 2;
  }

  /** The peeled id when the server sent it, else the ref's own id. */
  private static ObjectId commitId(Ref ref) {
    ObjectId peeled = ref.getPeeledObjectId();
    return peeled != null ? peeled : ref.getObjectId();
  }
}
