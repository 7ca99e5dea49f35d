package dev.capstan.server.notify;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which (application, trigger, revision) notifications were sent, so each is sent once.
 * Bounded: the least recently used of more than {@code capacity} keys are forgotten. In memory
 * only: a restarted server starts from the states it finds (see {@link NotificationController}).
 * Thread-safe.
 */
public final class Deduplicator {
  private final Map<String, Boolean> seen;

  public Deduplicator(int capacity) {
    this.seen =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** True the first time a key is offered, false after. */
  public synchronized boolean firstTime(String app, Trigger trigger, String revision) {
    return seen.put(app + "|" + trigger.id() + "|" + revision, Boolean.TRUE) == null;
  }
}
