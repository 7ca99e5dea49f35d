package dev.capstan.engine.sync;

import dev.capstan.engine.cluster.ResourceKey;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ordered record of what a sync did: applies in the order they were made, then prunes. Logs,
 * events, status and CLI tables are rendered from it.
 *
 * @param changes the entries in order
 */
public record ChangeSet(List<Change> changes) {

  public ChangeSet {
    changes = List.copyOf(changes);
  }

  /** The entry for one key (the first, should a key appear twice). */
  public Optional<Change> get(ResourceKey key) {
    return changes.stream().filter(c -> c.key().equals(key)).findFirst();
  }

  /** The action taken on one key. */
  public Optional<Action> actionOf(ResourceKey key) {
    return get(key).map(Change::action);
  }

  /** The entries with this action. */
  public List<Change> with(Action action) {
    return changes.stream().filter(c -> c.action() == action).toList();
  }

  /** True when any entry failed. */
  public boolean hasFailures() {
    return changes.stream().anyMatch(c -> c.action() == Action.FAILED);
  }

  /** True when anything was (or would be) created, changed or deleted. */
  public boolean changedAnything() {
    return changes.stream().anyMatch(c -> c.action().changes());
  }

  /** One line per entry, {@code Kind/ns/name Action[: message]}. */
  @Override
  public String toString() {
    return changes.stream().map(Change::toString).collect(Collectors.joining("\n"));
  }
}
