package dev.capstan.controller.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A work queue keyed by object, as client-go's: a key is queued at most once, is handled by at most
 * one worker at a time (a key added while it is being handled runs again right after), and {@code
 * workers} keys are handled concurrently.
 *
 * <p>The handler returns when the key wants to be looked at again (the poll interval, or a retry
 * backoff); each key has at most one such timer, a later one replacing it. A handler that throws is
 * retried with exponential backoff (1 s doubling up to 5 minutes) until it returns normally.
 * Thread-safe.
 *
 * @param <K> the key type (value semantics)
 */
public final class WorkQueue<K> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WorkQueue.class);
  private static final Duration MAX_FAILURE_BACKOFF = Duration.ofMinutes(5);

  private final Function<K, Optional<Duration>> handler;
  private final Predicate<K> urgent;
  private final LinkedBlockingDeque<K> queue = new LinkedBlockingDeque<>();
  private final Set<K> dirty = new HashSet<>();
  private final Set<K> processing = new HashSet<>();
  private final Map<K, ScheduledFuture<?>> timers = new HashMap<>();
  private final Map<K, Integer> failures = new HashMap<>();
  private final ExecutorService workers;
  private final ScheduledExecutorService scheduler;
  private volatile boolean closed;

  /**
   * Starts {@code workers} threads calling {@code handler}.
   *
   * @param handler handles one key; returns the delay of the next look, empty for none
   */
  public WorkQueue(String name, int workers, Function<K, Optional<Duration>> handler) {
    this(name, workers, handler, key -> false);
  }

  /**
   * Starts {@code workers} threads calling {@code handler}; keys for which {@code urgent} holds
   * when they are queued (by {@link #add} or a timer) go ahead of the others. For short work that
   * should not wait behind a long queue; {@code urgent} must be quick and must not call this queue.
   *
   * @param handler handles one key; returns the delay of the next look, empty for none
   */
  public WorkQueue(
      String name, int workers, Function<K, Optional<Duration>> handler, Predicate<K> urgent) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1");
    }
    this.handler = handler;
    this.urgent = urgent;
    this.workers =
        Executors.newFixedThreadPool(
            workers, Thread.ofPlatform().name(name + "-worker-", 0).daemon().factory());
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name(name + "-timer").daemon().factory());
    for (int i = 0; i < workers; i++) {
      this.workers.execute(this::work);
    }
  }

  /**
   * Queues {@code key} now: at the back (no-op when already queued), or, when it is urgent, ahead
   * of every waiting key (moved there when already queued). While the key is being handled it runs
   * again right after.
   */
  public void add(K key) {
    if (closed) {
      return;
    }
    boolean front = urgent.test(key);
    synchronized (this) {
      boolean queued = !dirty.add(key);
      if (processing.contains(key)) {
        return;
      }
      if (queued && (!front || !queue.remove(key))) {
        return; // already waiting, or taken by a worker just now, which handles it next
      }
      enqueue(key, front);
    }
  }

  /** Queues {@code key} after {@code delay}, replacing any earlier timer of the key. */
  public synchronized void addAfter(K key, Duration delay) {
    if (closed) {
      return;
    }
    ScheduledFuture<?> previous = timers.remove(key);
    if (previous != null) {
      previous.cancel(false);
    }
    timers.put(
        key,
        scheduler.schedule(() -> add(key), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS));
  }

  /** Drops the key's timer and failure count (the object is gone). */
  public synchronized void forget(K key) {
    ScheduledFuture<?> previous = timers.remove(key);
    if (previous != null) {
      previous.cancel(false);
    }
    failures.remove(key);
  }

  /** Keys queued or being handled right now. */
  public synchronized int depth() {
    return dirty.size() + processing.size();
  }

  private void work() {
    while (!closed) {
      K key;
      try {
        key = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      synchronized (this) {
        dirty.remove(key);
        processing.add(key);
      }
      Optional<Duration> next;
      try {
        next = handler.apply(key);
        synchronized (this) {
          failures.remove(key);
        }
      } catch (RuntimeException e) {
        int n;
        synchronized (this) {
          n = failures.merge(key, 1, Integer::sum);
        }
        long millis = Math.min(MAX_FAILURE_BACKOFF.toMillis(), 1000L << Math.min(n - 1, 20));
        LOG.warn("{} failed (attempt {}), retrying in {} ms: {}", key, n, millis, e.toString(), e);
        next = Optional.of(Duration.ofMillis(millis));
      }
      next.ifPresent(d -> addAfter(key, d));
      boolean again;
      synchronized (this) {
        processing.remove(key);
        again = dirty.contains(key);
      }
      if (again) {
        requeue(key);
      }
    }
  }

  /** Queues a key that was added while it was being handled (it is marked dirty already). */
  private void requeue(K key) {
    boolean front = urgent.test(key);
    synchronized (this) {
      enqueue(key, front);
    }
  }

  /** Puts {@code key} at the front or the back of the queue; the caller holds the lock. */
  private void enqueue(K key, boolean front) {
    if (front) {
      queue.addFirst(key);
    } else {
      queue.addLast(key);
    }
  }

  /** Stops the workers (a handler running now finishes) and every timer. */
  @Override
  public void close() {
    closed = true;
    scheduler.shutdownNow();
    workers.shutdownNow();
    try {
      workers.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
