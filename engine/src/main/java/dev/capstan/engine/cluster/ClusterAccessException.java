package dev.capstan.engine.cluster;

/**
 * A request to the API server failed for a reason that is not about one object: the server was
 * unreachable, timed out, or refused a discovery or list call. Transient unless the server said the
 * request itself is invalid or forbidden.
 */
public final class ClusterAccessException extends ClusterException {

  private final boolean retriable;

  public ClusterAccessException(String message, boolean retriable, Throwable cause) {
    super(message, cause);
    this.retriable = retriable;
  }

  /** Classifies an HTTP status: 401, 403, 400 and 422 are terminal, everything else transient. */
  public static ClusterAccessException of(String step, int httpStatus, Throwable cause) {
    boolean terminal =
        httpStatus == 400 || httpStatus == 401 || httpStatus == 403 || httpStatus == 422;
    String reason = httpStatus > 0 ? "HTTP " + httpStatus : "no response";
    return new ClusterAccessException(
        step + " failed (" + reason + "): " + (cause == null ? "" : cause.getMessage()),
        !terminal,
        cause);
  }

  @Override
  public boolean isTransient() {
    return retriable;
  }
}
