package dev.capstan.testsupport.cluster;

/**
 * The test control plane could not be found, started, stopped or reached. Terminal for the test
 * run: the message names the step and the cause and, for a failed start, ends with the tail of
 * {@code testenv/up}'s output.
 */
public final class ControlPlaneException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ControlPlaneException(String message) {
    super(message);
  }

  public ControlPlaneException(String message, Throwable cause) {
    super(message, cause);
  }
}
