package dev.capstan.engine.source;

import java.util.Objects;
import org.eclipse.jgit.lib.Repository;

/**
 * The commit a {@link RevisionSpec} resolved to.
 *
 * @param sha full commit SHA (lower-case hex); for an annotated tag, the commit it points at
 * @param ref full name of the ref it came from ({@code refs/heads/main}, {@code refs/tags/v1},
 *     {@code HEAD}), or the SHA itself when a commit was asked for and no ref points at it
 */
public record ResolvedRevision(String sha, String ref) {

  public ResolvedRevision {
    Objects.requireNonNull(sha, "sha");
    Objects.requireNonNull(ref, "ref");
    if (!RevisionSpec.FULL_SHA.matcher(sha).matches()) {
      throw new IllegalArgumentException("not a full commit SHA: " + sha);
    }
    sha = sha.toLowerCase(java.util.Locale.ROOT);
  }

  /** The first 7 hex digits. */
  public String shortSha() {
    return sha.substring(0, 7);
  }

  /**
   * The revision in Flux's {@code status.artifact.revision} form: {@code main@sha1:SHA} for a
   * branch, {@code v1.0.0@sha1:SHA} for a tag, {@code refs/pull/1/head@sha1:SHA} for another ref,
   * and {@code sha1:SHA} for a bare commit.
   */
  public String fluxRevision() {
    if (ref.equals(sha)) {
      return "sha1:" + sha;
    }
    String name =
        ref.startsWith("refs/heads/") || ref.startsWith("refs/tags/")
            ? Repository.shortenRefName(ref)
            : ref;
    return name + "@sha1:" + sha;
  }
}
