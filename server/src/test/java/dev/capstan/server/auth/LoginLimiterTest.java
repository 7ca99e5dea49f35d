package dev.capstan.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginLimiterTest {

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void backsOffExponentiallyAfterFreeFailures() {
    MovingClock clock = new MovingClock();
    LoginLimiter limiter = LoginLimiter.defaults(clock);
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.retryAfter("alice", "10.0.0.1")).isEmpty();
      limiter.failed("alice", "10.0.0.1");
    }
    assertThat(limiter.retryAfter("alice", "10.0.0.1")).contains(Duration.ofSeconds(1));
    clock.now = clock.now.plusSeconds(1);
    assertThat(limiter.retryAfter("alice", "10.0.0.1")).isEmpty();
    limiter.failed("alice", "10.0.0.1");
    assertThat(limiter.retryAfter("alice", "10.0.0.1")).contains(Duration.ofSeconds(2));
  }

  @Test
  void limitsPerAddressAcrossUserNames() {
    LoginLimiter limiter = LoginLimiter.defaults(new MovingClock());
    for (int i = 0; i < 20; i++) {
      limiter.failed("user" + i, "10.0.0.2");
    }
    assertThat(limiter.retryAfter("someone-else", "10.0.0.2")).isPresent();
    assertThat(limiter.retryAfter("someone-else", "10.0.0.3")).isEmpty();
  }

  @Test
  void successClearsTheUserAndOldFailuresAreForgotten() {
    MovingClock clock = new MovingClock();
    LoginLimiter limiter = LoginLimiter.defaults(clock);
    for (int i = 0; i < 5; i++) {
      limiter.failed("bob", "a" + i);
    }
    assertThat(limiter.retryAfter("bob", "z")).isPresent();
    limiter.succeeded("bob");
    assertThat(limiter.retryAfter("bob", "z")).isEmpty();
    for (int i = 0; i < 5; i++) {
      limiter.failed("carol", "b" + i);
    }
    clock.now = clock.now.plus(Duration.ofMinutes(16));
    assertThat(limiter.retryAfter("carol", "z")).isEmpty();
  }

  @Test
  void delayIsCapped() {
    MovingClock clock = new MovingClock();
    LoginLimiter limiter = LoginLimiter.defaults(clock);
    for (int i = 0; i < 40; i++) {
      limiter.failed("eve", "x");
    }
    assertThat(limiter.retryAfter("eve", "y").orElseThrow()).isEqualTo(Duration.ofMinutes(5));
  }
}
