package dev.capstan.engine.render;

import java.util.Objects;

/**
 * Why (part of) a render failed. Messages read {@code render <source> failed (<reason>): <cause>}.
 *
 * @param source the source that failed, as {@code <repo>/<path>} or the path alone
 * @param reason short PascalCase reason: {@code KustomizeBuildFailed}, {@code InvalidManifest},
 *     {@code PathNotFound}, {@code HelmNotSupported}, {@code InvalidOverride}
 * @param message what went wrong, without stack traces
 * @param terminal true when retrying the same input cannot succeed (every render error is, today:
 *     the input must change)
 */
public record RenderError(String source, String reason, String message, boolean terminal) {

  public RenderError {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  static RenderError terminal(String source, String reason, String message) {
    return new RenderError(source, reason, message, true);
  }

  @Override
  public String toString() {
    return "render " + source + " failed (" + reason + "): " + message;
  }
}
