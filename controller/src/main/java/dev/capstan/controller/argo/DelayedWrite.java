package dev.capstan.controller.argo;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A write that happens only when it is not cancelled within a delay: an operation's first {@code
 * Running} state is written once the sync has run for a moment, so a sync that is over at once (an
 * Application of a few objects) costs one status write instead of two. Once {@link #cancel}
 * returns, the write has either happened or never will. Thread-safe.
 */
final class DelayedWrite {

  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("capstan-delayed-write").daemon().factory());

  private final Object lock = new Object();
  private boolean over;
  private final java.util.Optional<ScheduledFuture<?>> scheduled;

  private DelayedWrite() {
    this.over = true;
    this.scheduled = java.util.Optional.empty();
  }

  private DelayedWrite(Duration delay, Runnable write) {
    this.scheduled =
        java.util.Optional.of(
            TIMER.schedule(
                () -> {
                  synchronized (lock) {
                    if (!over) {
                      over = true;
                      write.run();
                    }
                  }
                },
                delay.toMillis(),
                TimeUnit.MILLISECONDS));
  }

  /** No write at all. */
  static DelayedWrite none() {
    return new DelayedWrite();
  }

  /** Schedules {@code write} (on a shared timer thread; it must not throw) after {@code delay}. */
  static DelayedWrite after(Duration delay, Runnable write) {
    return new DelayedWrite(delay, write);
  }

  /** Cancels the write, waiting for it to finish when it has started. */
  void cancel() {
    synchronized (lock) {
      over = true;
    }
    scheduled.ifPresent(f -> f.cancel(false));
  }
}
