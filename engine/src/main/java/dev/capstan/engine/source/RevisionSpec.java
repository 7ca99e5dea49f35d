package dev.capstan.engine.source;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which commit of a repository to read. A closed set covering Argo CD's {@code targetRevision} and
 * Flux's {@code spec.ref} ({@code branch}, {@code tag}, {@code semver}, {@code commit}, {@code
 * name}).
 */
public sealed interface RevisionSpec {

  /** A full 40-hex-digit SHA-1. */
  Pattern FULL_SHA = Pattern.compile("[0-9a-fA-F]{40}");

  /** The remote's {@code HEAD} (its default branch). */
  static RevisionSpec head() {
    return Head.INSTANCE;
  }

  /** A branch: {@code refs/heads/NAME}. */
  static RevisionSpec branch(String name) {
    return new Branch(name);
  }

  /** A tag: {@code refs/tags/NAME}, peeled to its commit. */
  static RevisionSpec tag(String name) {
    return new Tag(name);
  }

  /** A commit by full SHA. */
  static RevisionSpec commit(String sha) {
    return new Commit(sha);
  }

  /** A full ref name such as {@code refs/pull/42/head} (Flux {@code ref.name}). */
  static RevisionSpec ref(String fullName) {
    return new Ref(fullName);
  }

  /**
   * The highest tag whose name is a semantic version within the range (Flux {@code ref.semver}).
   *
   * @throws IllegalArgumentException if the range is malformed
   */
  static RevisionSpec semver(String range) {
    return new Semver(range);
  }

  /**
   * Parses an Argo CD {@code targetRevision}: empty or {@code HEAD} is {@link Head}, 40 hex digits
   * a {@link Commit}, {@code refs/...} a {@link Ref}, anything else a {@link Named} branch-or-tag.
   */
  static RevisionSpec parse(String targetRevision) {
    String rev = targetRevision == null ? "" : targetRevision.strip();
    if (rev.isEmpty() || rev.equals("HEAD")) {
      return head();
    }
    if (FULL_SHA.matcher(rev).matches()) {
      return commit(rev);
    }
    if (rev.startsWith("refs/")) {
      return ref(rev);
    }
    return new Named(rev);
  }

  /** A short, user-facing description: {@code branch main}, {@code tag v1.2.0}, ... */
  String describe();

  /** The remote's HEAD. */
  enum Head implements RevisionSpec {
    INSTANCE;

    @Override
    public String describe() {
      return "HEAD";
    }
  }

  /** A branch by short name. */
  record Branch(String name) implements RevisionSpec {
    public Branch {
      requireName(name);
    }

    @Override
    public String describe() {
      return "branch " + name;
    }
  }

  /** A tag by short name. */
  record Tag(String name) implements RevisionSpec {
    public Tag {
      requireName(name);
    }

    @Override
    public String describe() {
      return "tag " + name;
    }
  }

  /** A commit by full SHA (stored lower-case). */
  record Commit(String sha) implements RevisionSpec {
    public Commit {
      Objects.requireNonNull(sha, "sha");
      if (!FULL_SHA.matcher(sha).matches()) {
        throw new IllegalArgumentException("not a full 40-hex-digit commit SHA: " + sha);
      }
      sha = sha.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String describe() {
      return "commit " + sha;
    }
  }

  /** A full ref name. */
  record Ref(String name) implements RevisionSpec {
    public Ref {
      requireName(name);
      if (!name.startsWith("refs/") && !name.equals("HEAD")) {
        throw new IllegalArgumentException("not a full ref name: " + name);
      }
    }

    @Override
    public String describe() {
      return "ref " + name;
    }
  }

  /**
   * A semver range over tag names, e.g. {@code >=1.0.0 <2.0.0} or {@code ^1.2}; the syntax is that
   * of Masterminds semver v3, which Flux uses. Tags that are not versions are ignored; a leading
   * {@code v} is allowed.
   */
  record Semver(String range) implements RevisionSpec {
    public Semver {
      Objects.requireNonNull(range, "range");
      dev.capstan.engine.source.internal.SemverRange.parse(range);
      range = range.strip();
    }

    @Override
    public String describe() {
      return "semver " + range;
    }
  }

  /** A name that is a branch or else a tag, as Argo CD reads {@code targetRevision: v1.2}. */
  record Named(String name) implements RevisionSpec {
    public Named {
      requireName(name);
    }

    @Override
    public String describe() {
      return "revision " + name;
    }
  }

  private static void requireName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()
        || name.contains("..")
        || name.chars().anyMatch(c -> c < 0x21 || c == 0x7f || "~^:?*[\\".indexOf(c) >= 0)) {
      throw new IllegalArgumentException("not a valid git ref name: " + name);
    }
  }
}
