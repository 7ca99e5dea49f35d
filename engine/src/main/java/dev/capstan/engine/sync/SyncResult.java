package dev.capstan.engine.sync;

import dev.capstan.engine.cluster.ResourceKey;
import dev.capstan.engine.diff.DiffResult;
import dev.capstan.engine.inventory.Inventory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a sync did.
 *
 * @param changes every object's action, in the order taken
 * @param diff the comparison made before applying: desired objects in apply order, then the owned
 *     objects that left the desired set ({@code Extra})
 * @param inventory what the owner owns after this sync, for the dialect to persist and pass to the
 *     next sync: every desired object, plus objects that left the desired set but were not pruned
 * @param warnings things a human should know that are not failures, e.g. objects claimed by another
 *     owner
 * @param observed each desired object as the server last returned it during this sync: the apply's
 *     response, or the live object read when it was already in sync (nothing for objects that
 *     failed, were skipped, or in a dry run). A caller that waits for health can start from these
 *     instead of reading every object again.
 */
public record SyncResult(
    ChangeSet changes,
    DiffResult diff,
    Inventory inventory,
    List<String> warnings,
    Map<ResourceKey, GenericKubernetesResource> observed) {

  public SyncResult {
    Objects.requireNonNull(changes, "changes");
    Objects.requireNonNull(diff, "diff");
    Objects.requireNonNull(inventory, "inventory");
    warnings = List.copyOf(warnings);
    observed = Map.copyOf(observed);
  }

  /** A result without observed objects. */
  public SyncResult(
      ChangeSet changes, DiffResult diff, Inventory inventory, List<String> warnings) {
    this(changes, diff, inventory, warnings, Map.of());
  }

  /** True when nothing failed. */
  public boolean succeeded() {
    return !changes.hasFailures();
  }
}
