package dev.capstan.server.webhook;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which Argo CD Applications and Flux GitRepositories a push concerns.
 *
 * <p>An Application source matches when its {@code repoURL} is the pushed repository and its {@code
 * targetRevision} names a pushed ref: the branch or tag name, or {@code refs/heads/..} / {@code
 * refs/tags/..}. {@code HEAD} or an empty revision tracks the default branch: it matches a push to
 * the default branch when the payload names it, and any branch push when it does not. A commit SHA
 * never matches (the source cannot move). A GitRepository matches when {@code spec.url} is the
 * repository and {@code spec.ref} names a pushed ref: {@code commit} never, {@code name} by full
 * ref, {@code semver} any tag, {@code tag}, {@code branch}, and no ref at all Flux's default branch
 * {@code master}. Flux's precedence (commit, name, semver, tag, branch) is kept.
 */
public final class Matching {
  private static final Pattern SHA = Pattern.compile("^(?:[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$");

  private Matching() {}

  /** Whether an Argo CD {@code targetRevision} follows one of the event's refs. */
  public static boolean argoRevisionMatches(String targetRevision, PushEvent event) {
    String rev = targetRevision == null ? "" : targetRevision.strip();
    if (rev.isEmpty() || rev.equals("HEAD")) {
      return event.refs().stream()
          .anyMatch(
              r ->
                  r.kind() == GitRef.Kind.BRANCH
                      && (event.defaultBranch().isEmpty()
                          || event.defaultBranch().get().equals(r.name())));
    }
    if (rev.startsWith("refs/")) {
      return event.refs().stream().anyMatch(r -> r.fullName().equals(rev));
    }
    if (SHA.matcher(rev).matches()) {
      return false;
    }
    return event.refs().stream().anyMatch(r -> r.name().equals(rev));
  }

  /** Whether an Application ({@code spec} map) has a source for the event's repository and ref. */
  @SuppressWarnings("unchecked")
  public static boolean applicationMatches(Map<String, Object> spec, PushEvent event) {
    if (spec == null) {
      return false;
    }
    List<Object> sources = new java.util.ArrayList<>();
    if (spec.get("source") instanceof Map<?, ?> s) {
      sources.add(s);
    }
    if (spec.get("sources") instanceof List<?> l) {
      sources.addAll(l);
    }
    for (Object o : sources) {
      if (o instanceof Map<?, ?> src
          && src.get("repoURL") instanceof String url
          && event.isRepository(url)
          && argoRevisionMatches(src.get("targetRevision") instanceof String t ? t : "", event)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a GitRepository ({@code spec} map) follows the event's repository and ref. */
  public static boolean gitRepositoryMatches(Map<String, Object> spec, PushEvent event) {
    if (spec == null || !(spec.get("url") instanceof String url) || !event.isRepository(url)) {
      return false;
    }
    Map<?, ?> ref = spec.get("ref") instanceof Map<?, ?> m ? m : Map.of();
    if (nonEmpty(ref.get("commit")).isPresent()) {
      return false;
    }
    Optional<String> name = nonEmpty(ref.get("name"));
    if (name.isPresent()) {
      return event.refs().stream().anyMatch(r -> r.fullName().equals(name.get()));
    }
    if (nonEmpty(ref.get("semver")).isPresent()) {
      return event.refs().stream().anyMatch(r -> r.kind() == GitRef.Kind.TAG);
    }
    Optional<String> tag = nonEmpty(ref.get("tag"));
    if (tag.isPresent()) {
      return event.refs().contains(GitRef.tag(tag.get()));
    }
    String branch = nonEmpty(ref.get("branch")).orElse("master");
    return event.refs().contains(GitRef.branch(branch));
  }

  private static Optional<String> nonEmpty(Object o) {
    return o instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty();
  }
}
