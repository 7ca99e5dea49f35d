package dev.capstan.cli.flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FluxLauncherTest {

  /** Counts starts and closes of a stand-in for the Flux controller. */
  private static final class Runs {
    final AtomicInteger started = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();

    AutoCloseable start() {
      started.incrementAndGet();
      return closed::incrementAndGet;
    }

    int running() {
      return started.get() - closed.get();
    }
  }

  @Test
  void runsOnlyWhileLeadingAndAgainInANewTerm() throws Exception {
    AtomicBoolean leading = new AtomicBoolean(false);
    Runs runs = new Runs();
    try (AutoCloseable launcher = FluxLauncher.followLeadership(leading::get, runs::start)) {
      await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> true);
      assertThat(runs.started).hasValue(0);

      leading.set(true);
      await().atMost(Duration.ofSeconds(5)).until(() -> runs.running() == 1);

      // The Lease is lost: the Flux controller must stop, not keep reconciling.
      leading.set(false);
      await().atMost(Duration.ofSeconds(5)).until(() -> runs.closed.get() == 1);
      assertThat(runs.running()).isZero();

      // A new term starts it again, once.
      leading.set(true);
      await().atMost(Duration.ofSeconds(5)).until(() -> runs.started.get() == 2);
      await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> true);
      assertThat(runs.started).hasValue(2);
      assertThat(runs.running()).isEqualTo(1);
    }
    assertThat(runs.running()).isZero();
  }

  @Test
  void aFailedStartIsRetriedWhileLeading() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    AtomicBoolean running = new AtomicBoolean();
    try (AutoCloseable launcher =
        FluxLauncher.followLeadership(
            () -> true,
            () -> {
              if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("the API server is not ready");
              }
              running.set(true);
              return () -> running.set(false);
            })) {
      await().atMost(Duration.ofSeconds(5)).untilTrue(running);
      assertThat(attempts).hasValue(3);
    }
    assertThat(running).isFalse();
  }
}
