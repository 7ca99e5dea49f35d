package dev.capstan.controller.argo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How much of an Application the next reconcile has to look at, as Argo CD's refresh levels: a
 * managed object whose status alone changed (a Deployment becoming available) needs only the
 * Application's health assessed again from the cluster cache; anything else (the Application, an
 * object's spec, the config, the poll) needs a full comparison with Git. A full request always wins
 * over a health-only one queued for the same Application. Thread-safe.
 */
final class RefreshLevels {

  private final Map<AppKey, Boolean> healthOnly = new ConcurrentHashMap<>();

  /** The next reconcile of {@code key} compares with Git. */
  void full(AppKey key) {
    healthOnly.put(key, Boolean.FALSE);
  }

  /** The next reconcile of {@code key} may only assess health, unless a full one is asked too. */
  void healthOnly(AppKey key) {
    healthOnly.putIfAbsent(key, Boolean.TRUE);
  }

  /** True when the reconcile starting now for {@code key} may only assess health; resets it. */
  boolean takeHealthOnly(AppKey key) {
    return Boolean.TRUE.equals(healthOnly.remove(key));
  }
}
