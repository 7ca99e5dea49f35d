package dev.capstan.engine.diff;

import dev.capstan.engine.cluster.ResourceKey;
import java.util.List;
import java.util.Optional;

/**
 * The comparison of an owner's objects, in apply order followed by prune candidates.
 *
 * @param resources one entry per compared object
 */
public record DiffResult(List<ResourceDiff> resources) {

  public DiffResult {
    resources = List.copyOf(resources);
  }

  /** True when every object is in sync (and nothing is extra). */
  public boolean inSync() {
    return resources.stream().allMatch(ResourceDiff::inSync);
  }

  /** The entries that are not in sync. */
  public List<ResourceDiff> drifted() {
    return resources.stream().filter(r -> !r.inSync()).toList();
  }

  /** The entry for one key. */
  public Optional<ResourceDiff> get(ResourceKey key) {
    return resources.stream().filter(r -> r.key().equals(key)).findFirst();
  }

  /** All unified diffs, one after another, for humans. */
  public String unifiedDiff() {
    StringBuilder out = new StringBuilder();
    resources.forEach(r -> out.append(r.unifiedDiff()));
    return out.toString();
  }
}
