package dev.capstan.engine.source;

import java.util.Objects;

/**
 * Root of the source package's failures. Every message reads {@code git <step> <url> failed
 * (<reason>): <detail>} with the URL stripped of credentials, and no message, {@code toString()} or
 * cause chain of these exceptions contains a secret value: JGit causes are replaced by scrubbed
 * copies.
 *
 * <p>{@link #isTransient()} tells a caller what to do: transient failures (server unreachable,
 * timeout, local storage) are retried with backoff and leave the last good snapshot in use;
 * terminal ones (authentication, host key, repository or revision not found, invalid content) need
 * a change of spec, secret or repository and are reported as stalled.
 */
public abstract sealed class GitSourceException extends RuntimeException
    permits GitUnreachableException,
        GitAuthenticationException,
        RepositoryNotFoundException,
        RevisionNotFoundException,
        InvalidSourceException,
        SourceStorageException {

  private static final long serialVersionUID = 1L;

  private final String step;
  private final String url;
  private final String reason;

  GitSourceException(String step, String url, String reason, String detail, Throwable cause) {
    super("git " + step + " " + url + " failed (" + reason + "): " + detail, cause);
    this.step = Objects.requireNonNull(step, "step");
    this.url = Objects.requireNonNull(url, "url");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Whether retrying the same operation later may succeed without any change. */
  public abstract boolean isTransient();

  /** The git step that failed: {@code ls-remote}, {@code fetch} or {@code checkout}. */
  public String step() {
    return step;
  }

  /** The repository URL without credentials. */
  public String url() {
    return url;
  }

  /**
   * A short machine-readable reason: {@code unreachable}, {@code timeout}, {@code server-error},
   * {@code auth}, {@code host-key}, {@code repository-not-found}, {@code revision-not-found},
   * {@code invalid-url}, {@code invalid-key}, {@code invalid-credentials}, {@code invalid-content}
   * or {@code storage}.
   */
  public String reason() {
    return reason;
  }
}
