package dev.capstan.server.webhook;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A push as a webhook reported it: the repository's URLs in every form the payload names (web,
 * HTTPS clone, SSH clone), the refs that now point somewhere new, and the repository's default
 * branch if the payload tells it.
 */
public record PushEvent(
    String provider, List<String> repoUrls, List<GitRef> refs, Optional<String> defaultBranch) {
  public PushEvent {
    repoUrls = List.copyOf(repoUrls);
    refs = List.copyOf(refs);
  }

  /** Whether {@code url} is this event's repository. */
  public boolean isRepository(String url) {
    Optional<String> n = RepoUrl.normalize(url);
    if (n.isEmpty()) {
      return false;
    }
    Set<String> mine = new java.util.HashSet<>();
    for (String u : repoUrls) {
      RepoUrl.normalize(u).ifPresent(mine::add);
    }
    return mine.contains(n.get());
  }
}
