package dev.capstan.engine.source;

/**
 * Terminal: the request or the repository content cannot be used: a malformed URL, an unreadable
 * SSH key, an unusable secret, or a commit with paths or symlinks that leave the repository.
 */
public final class InvalidSourceException extends GitSourceException {

  private static final long serialVersionUID = 1L;

  /**
   * @param step the failed git step
   * @param url the repository URL without credentials
   * @param reason {@code invalid-url}, {@code invalid-key}, {@code invalid-credentials} or {@code
   *     invalid-content}
   * @param detail what went wrong, without secrets
   * @param cause a scrubbed cause, or {@code null}
   */
  public InvalidSourceException(
      String step, String url, String reason, String detail, Throwable cause) {
    super(step, url, reason, detail, cause);
  }

  /** Always {@code false}. */
  @Override
  public boolean isTransient() {
    return false;
  }
}
