package dev.capstan.server.webhook;

import java.util.Optional;

/** A pushed branch or tag. */
public record GitRef(Kind kind, String name) {
  /** Branch or tag. */
  public enum Kind {
    BRANCH,
    TAG
  }

  public static GitRef branch(String name) {
    return new GitRef(Kind.BRANCH, name);
  }

  public static GitRef tag(String name) {
    return new GitRef(Kind.TAG, name);
  }

  /**
   * {@code refs/heads/x} is branch x, {@code refs/tags/x} tag x; anything else (e.g. {@code
   * refs/pull/..}) is empty.
   */
  public static Optional<GitRef> parse(String ref) {
    if (ref == null) {
      return Optional.empty();
    }
    if (ref.startsWith("refs/heads/") && ref.length() > 11) {
      return Optional.of(branch(ref.substring(11)));
    }
    if (ref.startsWith("refs/tags/") && ref.length() > 10) {
      return Optional.of(tag(ref.substring(10)));
    }
    return Optional.empty();
  }

  /** The full ref name, {@code refs/heads/x} or {@code refs/tags/x}. */
  public String fullName() {
    return (kind == Kind.BRANCH ? "refs/heads/" : "refs/tags/") + name;
  }
}
