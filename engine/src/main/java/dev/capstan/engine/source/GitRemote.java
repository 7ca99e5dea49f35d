package dev.capstan.engine.source;

import java.util.Objects;

/**
 * A git repository to read from: its URL and the credentials to use.
 *
 * @param url clone URL: {@code https://}, {@code http://}, {@code ssh://}, scp-like {@code
 *     git@host:org/repo.git}, or {@code file://}
 * @param credentials credentials; {@link GitCredentials#none()} for anonymous access
 */
public record GitRemote(String url, GitCredentials credentials) {

  public GitRemote {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(credentials, "credentials");
  }

  /** Anonymous access to {@code url}. */
  public static GitRemote anonymous(String url) {
    return new GitRemote(url, GitCredentials.none());
  }

  /** The URL with any password or token removed, safe for messages. */
  public String redactedUrl() {
    return RepositoryUrl.parse(url).redacted();
  }

  @Override
  public String toString() {
    return "GitRemote[" + redactedUrl() + ", " + credentials + "]";
  }
}
