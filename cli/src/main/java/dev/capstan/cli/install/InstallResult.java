package dev.capstan.cli.install;

import java.util.List;

/**
 * The outcome of one {@code capstan install}: one entry per object, in apply order.
 *
 * @param namespace the namespace Capstan was installed into
 * @param dryRun whether nothing was changed on purpose
 * @param entries what happened to each object
 */
public record InstallResult(String namespace, boolean dryRun, List<Entry> entries) {
  public InstallResult {
    entries = List.copyOf(entries);
  }

  /** How many objects got the given action. */
  public long count(Action action) {
    return entries.stream().filter(e -> e.action() == action).count();
  }

  /** Whether the install changed (or in a dry run would change) anything. */
  public boolean changedAnything() {
    return count(Action.UNCHANGED) != entries.size();
  }

  /**
   * What happened to one object.
   *
   * @param id the object, {@code Kind/namespace/name} or {@code Kind/name}
   * @param action what was done
   * @param note why, when it is not obvious (e.g. a user-owned object left alone); may be empty
   */
  public record Entry(String id, Action action, String note) {}
}
