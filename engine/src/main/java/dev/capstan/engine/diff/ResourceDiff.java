package dev.capstan.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.capstan.engine.cluster.ResourceKey;
import java.util.Objects;

/**
 * The comparison of one object. Secret values are already masked in every field.
 *
 * @param key the object
 * @param status how it compares
 * @param unifiedDiff a unified diff from live to desired over normalised YAML, empty when in sync
 * @param live the normalised, masked live object, {@link NullNode} when it does not exist
 * @param target the normalised, masked object as it would be after applying, {@link NullNode} when
 *     it is not desired
 */
public record ResourceDiff(
    ResourceKey key, DiffStatus status, String unifiedDiff, JsonNode live, JsonNode target) {

  public ResourceDiff {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(unifiedDiff, "unifiedDiff");
    live = live == null ? NullNode.getInstance() : live;
    target = target == null ? NullNode.getInstance() : target;
  }

  /** True when applying would change nothing. */
  public boolean inSync() {
    return status == DiffStatus.IN_SYNC;
  }

  @Override
  public String toString() {
    return key + " " + status;
  }
}
