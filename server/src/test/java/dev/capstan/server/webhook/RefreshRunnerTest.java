package dev.capstan.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RefreshRunnerTest {

  @Test
  void runsEveryTaskWithAtMostParallelismAtOnceAndReportsInOrder() {
    RefreshRunner runner = new RefreshRunner(3, Duration.ofSeconds(30));
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    CountDownLatch threeStarted = new CountDownLatch(3);
    List<RefreshRunner.Task> tasks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String id = "ns/app-" + i;
      boolean fails = i == 7;
      tasks.add(
          new RefreshRunner.Task(
              id,
              () -> {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                threeStarted.countDown();
                try {
                  // The first tasks wait until three run together, so the overlap is real.
                  threeStarted.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                return !fails;
              }));
    }
    RefreshRunner.Outcome outcome = runner.run(tasks);
    assertThat(peak.get()).isEqualTo(3);
    assertThat(outcome.failed()).containsExactly("ns/app-7");
    assertThat(outcome.pending()).isEmpty();
    assertThat(outcome.refreshed())
        .hasSize(19)
        .startsWith("ns/app-0", "ns/app-1")
        .endsWith("ns/app-19")
        .doesNotContain("ns/app-7");
  }

  @Test
  void aThrowingTaskIsFailedNotLost() {
    RefreshRunner runner = new RefreshRunner(2, Duration.ofSeconds(30));
    RefreshRunner.Outcome outcome =
        runner.run(
            List.of(
                new RefreshRunner.Task(
                    "ns/boom",
                    () -> {
                      throw new IllegalStateException("boom");
                    }),
                new RefreshRunner.Task("ns/ok", () -> true)));
    assertThat(outcome.refreshed()).containsExactly("ns/ok");
    assertThat(outcome.failed()).containsExactly("ns/boom");
  }

  @Test
  void answersAfterTheBudgetWithSlowTasksPendingThatStillFinish() {
    RefreshRunner runner = new RefreshRunner(2, Duration.ofMillis(200));
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean slowDone = new AtomicBoolean();
    RefreshRunner.Outcome outcome =
        runner.run(
            List.of(
                new RefreshRunner.Task("ns/fast", () -> true),
                new RefreshRunner.Task(
                    "ns/slow",
                    () -> {
                      try {
                        release.await(30, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      slowDone.set(true);
                      return true;
                    })));
    assertThat(outcome.refreshed()).containsExactly("ns/fast");
    assertThat(outcome.pending()).containsExactly("ns/slow");
    release.countDown();
    await().atMost(Duration.ofSeconds(10)).untilTrue(slowDone);
  }
}
