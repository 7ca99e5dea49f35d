package dev.capstan.cli.install;

/**
 * {@code capstan install} could not do its work: a bad option, an unreachable cluster, a refused
 * object. The message names the object ({@code Kind/namespace/name}), the step and the cause; the
 * CLI prints it without a stack trace.
 */
public final class InstallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InstallException(String message) {
    super(message);
  }

  public InstallException(String message, Throwable cause) {
    super(message, cause);
  }
}
