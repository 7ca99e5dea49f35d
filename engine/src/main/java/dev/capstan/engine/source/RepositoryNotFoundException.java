package dev.capstan.engine.source;

/**
 * Terminal: the server answered that there is no such repository (or hides it from these
 * credentials).
 */
public final class RepositoryNotFoundException extends GitSourceException {

  private static final long serialVersionUID = 1L;

  /**
   * @param step the failed git step
   * @param url the repository URL without credentials
   * @param reason {@code repository-not-found}
   * @param detail what went wrong, without secrets
   * @param cause a scrubbed cause, or {@code null}
   */
  public RepositoryNotFoundException(
      String step, String url, String reason, String detail, Throwable cause) {
    super(step, url, reason, detail, cause);
  }

  /** Always {@code false}. */
  @Override
  public boolean isTransient() {
    return false;
  }
}
