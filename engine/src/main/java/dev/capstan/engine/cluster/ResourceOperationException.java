package dev.capstan.engine.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Objects;

/**
 * An operation on one object failed. The message reads {@code <Kind/ns/name> <step> failed
 * (<reason>): <cause>}, e.g. {@code Deployment/prod/web dry-run apply failed (HTTP 422): spec...}.
 * Conflicts, throttling, timeouts and server errors are transient; invalid or forbidden requests
 * are terminal.
 */
public final class ResourceOperationException extends ClusterException {

  private final ResourceKey key;
  private final String step;
  private final int httpStatus;

  public ResourceOperationException(
      ResourceKey key, String step, String reason, int httpStatus, Throwable cause) {
    super(
        key
            + " "
            + step
            + " failed ("
            + reason
            + ")"
            + (cause == null ? "" : ": " + describe(cause)),
        cause);
    this.key = Objects.requireNonNull(key, "key");
    this.step = step;
    this.httpStatus = httpStatus;
  }

  /** Wraps a fabric8 failure of {@code step} on {@code key}. */
  public static ResourceOperationException of(
      ResourceKey key, String step, KubernetesClientException e) {
    String reason = e.getCode() > 0 ? "HTTP " + e.getCode() : "no response";
    return new ResourceOperationException(key, step, reason, e.getCode(), e);
  }

  /** The object the operation was about. */
  public ResourceKey key() {
    return key;
  }

  /** The step that failed, e.g. {@code apply}. */
  public String step() {
    return step;
  }

  /** The HTTP status the server answered, 0 when there was no answer. */
  public int httpStatus() {
    return httpStatus;
  }

  @Override
  public boolean isTransient() {
    return switch (httpStatus) {
      case 400, 401, 403, 404, 405, 415, 422 -> false;
      default -> true;
    };
  }

  private static String describe(Throwable cause) {
    if (cause instanceof KubernetesClientException k
        && k.getStatus() != null
        && k.getStatus().getMessage() != null) {
      return k.getStatus().getMessage();
    }
    return String.valueOf(cause.getMessage());
  }
}
