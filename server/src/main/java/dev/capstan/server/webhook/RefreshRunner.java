package dev.capstan.server.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Runs a push's refresh patches concurrently on a small bounded pool and waits for them at most a
 * fixed time, so a webhook is answered quickly however many objects it refreshes.
 *
 * <p>At most {@code parallelism} patches run at once (the rest queue, in order). {@link #run}
 * returns when every patch is done or {@code answerWithin} has passed, whichever comes first;
 * patches still queued or running then are reported as {@code pending} and finish in the
 * background. The pool's threads are daemons and end after 30 s without work, so an idle runner
 * holds no thread and needs no closing. Thread-safe.
 */
final class RefreshRunner {
  /** One object to refresh: its id for the answer, and the patch (true when it was applied). */
  record Task(String id, BooleanSupplier patch) {}

  /** What became of the tasks, each list in the order the tasks were given. */
  record Outcome(List<String> refreshed, List<String> failed, List<String> pending) {
    Outcome {
      refreshed = List.copyOf(refreshed);
      failed = List.copyOf(failed);
      pending = List.copyOf(pending);
    }
  }

  private final ThreadPoolExecutor pool;
  private final Duration answerWithin;

  RefreshRunner(int parallelism, Duration answerWithin) {
    this.answerWithin = answerWithin;
    AtomicInteger count = new AtomicInteger();
    ThreadFactory threads =
        r -> {
          Thread t = new Thread(r, "capstan-webhook-refresh-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.pool =
        new ThreadPoolExecutor(
            parallelism, parallelism, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
    pool.allowCoreThreadTimeOut(true);
  }

  /** Starts every task and waits for them up to {@code answerWithin}. */
  Outcome run(List<Task> tasks) {
    List<CompletableFuture<Boolean>> futures = new ArrayList<>();
    for (Task task : tasks) {
      futures.add(CompletableFuture.supplyAsync(task.patch()::getAsBoolean, pool));
    }
    try {
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
          .get(answerWithin.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Reported per task below: pending, or failed.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<String> refreshed = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      CompletableFuture<Boolean> f = futures.get(i);
      String id = tasks.get(i).id();
      if (!f.isDone()) {
        pending.add(id);
      } else if (!f.isCompletedExceptionally() && f.join()) {
        refreshed.add(id);
      } else {
        failed.add(id);
      }
    }
    return new Outcome(refreshed, failed, pending);
  }
}
