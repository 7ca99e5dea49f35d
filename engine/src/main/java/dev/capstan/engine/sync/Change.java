package dev.capstan.engine.sync;

import dev.capstan.engine.cluster.ResourceKey;
import java.util.Objects;

/**
 * One entry of a {@link ChangeSet}.
 *
 * @param key the object
 * @param action what was done
 * @param message why, for {@link Action#SKIPPED} and {@link Action#FAILED}; otherwise a short note
 *     such as {@code dry run}, or empty
 */
public record Change(ResourceKey key, Action action, String message) {

  public Change {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(action, "action");
    message = message == null ? "" : message;
  }

  /** A change without a message. */
  public static Change of(ResourceKey key, Action action) {
    return new Change(key, action, "");
  }

  /** {@code Deployment/prod/web Configured}, plus {@code : message} when there is one. */
  @Override
  public String toString() {
    return key + " " + action + (message.isEmpty() ? "" : ": " + message);
  }
}
