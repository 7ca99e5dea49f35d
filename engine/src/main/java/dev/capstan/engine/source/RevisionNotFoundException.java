package dev.capstan.engine.source;

/** Terminal: the repository has no branch, tag, ref or commit matching the requested revision. */
public final class RevisionNotFoundException extends GitSourceException {

  private static final long serialVersionUID = 1L;

  /**
   * @param step the failed git step
   * @param url the repository URL without credentials
   * @param reason {@code revision-not-found}
   * @param detail what went wrong, without secrets
   * @param cause a scrubbed cause, or {@code null}
   */
  public RevisionNotFoundException(
      String step, String url, String reason, String detail, Throwable cause) {
    super(step, url, reason, detail, cause);
  }

  /** Always {@code false}. */
  @Override
  public boolean isTransient() {
    return false;
  }
}
