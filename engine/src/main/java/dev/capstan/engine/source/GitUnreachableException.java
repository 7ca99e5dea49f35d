package dev.capstan.engine.source;

/**
 * Transient: the server could not be reached, timed out or failed on its side. Retry with backoff.
 */
public final class GitUnreachableException extends GitSourceException {

  private static final long serialVersionUID = 1L;

  /**
   * @param step the failed git step
   * @param url the repository URL without credentials
   * @param reason {@code unreachable}, {@code timeout} or {@code server-error}
   * @param detail what went wrong, without secrets
   * @param cause a scrubbed cause, or {@code null}
   */
  public GitUnreachableException(
      String step, String url, String reason, String detail, Throwable cause) {
    super(step, url, reason, detail, cause);
  }

  /** Always {@code true}. */
  @Override
  public boolean isTransient() {
    return true;
  }
}
