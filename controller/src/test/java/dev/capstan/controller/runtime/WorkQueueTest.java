package dev.capstan.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

  @Test
  void aKeyIsNeverHandledTwiceAtOnceAndAnAddDuringHandlingRunsItAgain() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    AtomicInteger runs = new AtomicInteger();
    try (WorkQueue<String> q =
        new WorkQueue<>(
            "t",
            4,
            k -> {
              int now = running.incrementAndGet();
              maxRunning.accumulateAndGet(now, Math::max);
              if (runs.incrementAndGet() == 1) {
                inside.countDown();
                try {
                  release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              running.decrementAndGet();
              return Optional.empty();
            })) {
      q.add("a");
      assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
      q.add("a");
      q.add("a");
      release.countDown();
      await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 2 && q.depth() == 0);
      assertThat(maxRunning.get()).isEqualTo(1);
    }
  }

  @Test
  void differentKeysRunConcurrentlyUpToTheWorkerCount() {
    ConcurrentHashMap<String, Boolean> seen = new ConcurrentHashMap<>();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    CountDownLatch gate = new CountDownLatch(1);
    try (WorkQueue<String> q =
        new WorkQueue<>(
            "t",
            2,
            k -> {
              maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
              try {
                gate.await(200, TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              running.decrementAndGet();
              seen.put(k, true);
              return Optional.empty();
            })) {
      List.of("a", "b", "c", "d").forEach(q::add);
      await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 4);
      assertThat(maxRunning.get()).isEqualTo(2);
    }
  }

  @Test
  void theReturnedDelayRequeuesAndFailuresAreRetried() {
    List<String> calls = new CopyOnWriteArrayList<>();
    AtomicInteger failures = new AtomicInteger();
    try (WorkQueue<String> q =
        new WorkQueue<>(
            "t",
            1,
            k -> {
              calls.add(k);
              if (k.equals("bad") && failures.incrementAndGet() == 1) {
                throw new IllegalStateException("first attempt fails");
              }
              return k.equals("poll") && calls.stream().filter("poll"::equals).count() < 3
                  ? Optional.of(Duration.ofMillis(50))
                  : Optional.empty();
            })) {
      q.add("poll");
      q.add("bad");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  calls.stream().filter("poll"::equals).count() == 3
                      && calls.stream().filter("bad"::equals).count() == 2);
    }
  }

  @Test
  void urgentKeysGoAheadOfTheWaitingKeysAndAQueuedOneMovesThere() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> order = new CopyOnWriteArrayList<>();
    Set<String> urgent = ConcurrentHashMap.newKeySet();
    try (WorkQueue<String> q =
        new WorkQueue<>(
            "t",
            1,
            k -> {
              order.add(k);
              if (k.equals("busy")) {
                inside.countDown();
                try {
                  release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return Optional.empty();
            },
            urgent::contains)) {
      q.add("busy"); // holds the only worker while the queue fills
      assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
      List.of("a", "b", "c").forEach(q::add);
      urgent.addAll(List.of("now", "c", "busy"));
      q.add("now"); // not queued yet: goes to the front
      q.add("c"); // queued at the back: moved to the front, not queued twice
      q.add("busy"); // being handled: runs again after, ahead of the rest as it is urgent
      q.add("a"); // not urgent and queued: stays where it is
      release.countDown();
      await().atMost(Duration.ofSeconds(5)).until(() -> order.size() == 6 && q.depth() == 0);
      assertThat(order).containsExactly("busy", "busy", "c", "now", "a", "b");
    }
  }
}
