package dev.capstan.engine.sync;

import dev.capstan.engine.cluster.ResourceKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Objects;

/**
 * What to do with one object that left the desired set.
 *
 * @param key the object
 * @param live the live object
 * @param delete true to delete it; false to leave it, with {@code reason} saying why
 * @param last true when it is deleted after all other prunes ({@code PruneLast})
 * @param reason why it is kept, or empty
 */
public record PruneDecision(
    ResourceKey key, GenericKubernetesResource live, boolean delete, boolean last, String reason) {

  public PruneDecision {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(live, "live");
    reason = reason == null ? "" : reason;
  }

  static PruneDecision keep(ResourceKey key, GenericKubernetesResource live, String reason) {
    return new PruneDecision(key, live, false, false, reason);
  }
}
