package dev.capstan.engine.cluster;

import java.util.function.Predicate;

/**
 * Told about changes of watched objects by a {@link ClusterCache}.
 *
 * <p>Called on the cache's event threads, one change at a time per watched kind, in the order the
 * server reported them. An implementation must return quickly (enqueue a reconcile, do not
 * reconcile inline) and must not throw; an exception is logged and swallowed so that other
 * listeners still hear about the change.
 */
@FunctionalInterface
public interface ChangeListener {

  /** Handles one change. */
  void onChange(ResourceChange change);

  /** A listener that passes on only the changes {@code filter} accepts. */
  static ChangeListener filtered(Predicate<ResourceChange> filter, ChangeListener listener) {
    return change -> {
      if (filter.test(change)) {
        listener.onChange(change);
      }
    };
  }
}
