package dev.capstan.engine.sync;

import dev.capstan.engine.diff.DiffResult;
import dev.capstan.engine.inventory.Inventory;
import java.util.List;
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
 */
public record SyncResult(
    ChangeSet changes, DiffResult diff, Inventory inventory, List<String> warnings) {

  public SyncResult {
    Objects.requireNonNull(changes, "changes");
    Objects.requireNonNull(diff, "diff");
    Objects.requireNonNull(inventory, "inventory");
    warnings = List.copyOf(warnings);
  }

  /** True when nothing failed. */
  public boolean succeeded() {
    return !changes.hasFailures();
  }
}
