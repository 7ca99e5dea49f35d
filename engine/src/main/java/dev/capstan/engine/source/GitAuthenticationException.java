package dev.capstan.engine.source;

/**
 * Terminal: the server refused the credentials, or (SSH) its host key did not match {@code
 * known_hosts}.
 */
public final class GitAuthenticationException extends GitSourceException {

  private static final long serialVersionUID = 1L;

  /**
   * @param step the failed git step
   * @param url the repository URL without credentials
   * @param reason {@code auth} or {@code host-key}
   * @param detail what went wrong, without secrets
   * @param cause a scrubbed cause, or {@code null}
   */
  public GitAuthenticationException(
      String step, String url, String reason, String detail, Throwable cause) {
    super(step, url, reason, detail, cause);
  }

  /** Always {@code false}. */
  @Override
  public boolean isTransient() {
    return false;
  }
}
