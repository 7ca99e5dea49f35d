package dev.capstan.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.capstan.engine.cluster.ResourceKey;
import java.util.Objects;

/**
 * The comparison of one object. Secret values are already masked in every field.
 *
 * <p>The unified diff is rendered from {@code live} and {@code target} when {@link #unifiedDiff()}
 * is called, not when the objects are compared: a sync compares every object it applies, and most
 * of those comparisons (a creation, above all) are never shown as text.
 *
 * @param key the object
 * @param status how it compares
 * @param live the normalised, masked live object, {@link NullNode} when it does not exist
 * @param target the normalised, masked object as it would be after applying, {@link NullNode} when
 *     it is not desired
 */
public record ResourceDiff(ResourceKey key, DiffStatus status, JsonNode live, JsonNode target) {

  public ResourceDiff {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(status, "status");
    live = live == null ? NullNode.getInstance() : live;
    target = target == null ? NullNode.getInstance() : target;
  }

  /**
   * A unified diff from live to desired over normalised YAML with sorted keys ({@code ---
   * live/<Kind/ns/name>}, {@code +++ desired/<Kind/ns/name>}, {@code /dev/null} for an absent
   * side); empty when in sync. Rendered on each call.
   */
  public String unifiedDiff() {
    return inSync() ? "" : UnifiedDiffRenderer.render(key, live, target);
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
