package dev.capstan.engine.source;

/** Transient: the local cache could not be read or written (disk full, permissions). */
public final class SourceStorageException extends GitSourceException {

  private static final long serialVersionUID = 1L;

  /**
   * @param step the failed git step
   * @param url the repository URL without credentials
   * @param reason {@code storage}
   * @param detail what went wrong, without secrets
   * @param cause a scrubbed cause, or {@code null}
   */
  public SourceStorageException(
      String step, String url, String reason, String detail, Throwable cause) {
    super(step, url, reason, detail, cause);
  }

  /** Always {@code true}. */
  @Override
  public boolean isTransient() {
    return true;
  }
}
