package dev.capstan.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login rate limiting with backoff, per user and per client address: after {@code freeFailures}
 * failed attempts of a key, each further attempt must wait {@code 2^(failures - freeFailures)}
 * seconds after the last failure, capped at {@code maxDelay}. Failures older than {@code window}
 * are forgotten; a success clears the user's count (not the address's). At most {@code maxKeys}
 * keys are tracked (the oldest are dropped), so a flood of names cannot exhaust memory.
 * Thread-safe.
 */
public final class LoginLimiter {

  /**
   * Defaults: 5 free failures per user and 20 per address (many users may share one address behind
   * a NAT), 5 minutes cap, 15 minutes window, 10,000 keys.
   */
  public static LoginLimiter defaults(Clock clock) {
    return new LoginLimiter(clock, 5, 20, Duration.ofMinutes(5), Duration.ofMinutes(15), 10_000);
  }

  private record Failures(int count, Instant last) {}

  private final Clock clock;
  private final int freeFailures;
  private final int freeAddressFailures;
  private final Duration maxDelay;
  private final Duration window;
  private final int maxKeys;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  public LoginLimiter(
      Clock clock,
      int freeFailures,
      int freeAddressFailures,
      Duration maxDelay,
      Duration window,
      int maxKeys) {
    this.clock = clock;
    this.freeFailures = freeFailures;
    this.freeAddressFailures = freeAddressFailures;
    this.maxDelay = maxDelay;
    this.window = window;
    this.maxKeys = maxKeys;
  }

  /**
   * How long the caller must still wait before trying {@code user} from {@code address}; empty when
   * it may try now.
   */
  public Optional<Duration> retryAfter(String user, String address) {
    Instant now = clock.instant();
    Duration wait = Duration.ZERO;
    for (String key : new String[] {"user:" + user, "addr:" + address}) {
      Failures f = failures.get(key);
      int free = key.startsWith("addr:") ? freeAddressFailures : freeFailures;
      if (f == null || f.last.plus(window).isBefore(now) || f.count < free) {
        continue;
      }
      Duration d = delay(f.count - free);
      Duration left = Duration.between(now, f.last.plus(d));
      if (left.compareTo(wait) > 0) {
        wait = left;
      }
    }
    return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait);
  }

  /** Records a failed attempt. */
  public void failed(String user, String address) {
    Instant now = clock.instant();
    if (failures.size() >= maxKeys) {
      failures.entrySet().stream()
          .min(java.util.Comparator.comparing(e -> e.getValue().last))
          .ifPresent(e -> failures.remove(e.getKey()));
    }
    for (String key : new String[] {"user:" + user, "addr:" + address}) {
      failures.merge(
          key,
          new Failures(1, now),
          (old, one) ->
              old.last.plus(window).isBefore(now) ? one : new Failures(old.count + 1, now));
    }
  }

  /** Records a successful login: the user's failures are forgotten. */
  public void succeeded(String user) {
    failures.remove("user:" + user);
  }

  private Duration delay(int excess) {
    int exponent = Math.min(excess, 20);
    Duration d = Duration.ofSeconds(1L << exponent);
    return d.compareTo(maxDelay) > 0 ? maxDelay : d;
  }
}
