package dev.capstan.kustomize;

/**
 * The root of every error a Kustomize build reports. Messages name the file and field at fault and
 * never carry a stack trace to users. A build that throws produces no output.
 */
public class KustomizeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KustomizeException(String message) {
    super(message);
  }

  public KustomizeException(String message, Throwable cause) {
    super(message, cause);
  }
}
