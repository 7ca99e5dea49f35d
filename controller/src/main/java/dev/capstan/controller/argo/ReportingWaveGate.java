package dev.capstan.controller.argo;

import dev.capstan.engine.sync.Wave;
import dev.capstan.engine.sync.WaveGate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The controller's wave gate: waits, as Argo CD does, until a wave is healthy before the next one
 * starts, and on the way tells the sync running on this thread what it is waiting for (so the
 * operation's {@code Running} state says so). It asks the current health gate (built from the
 * current {@code capstan-cm}, so a changed health script applies to the next check) in short
 * slices, up to {@code timeout} in all.
 *
 * <p>When the API server does not answer, the wave is reported not ready at once with the reason:
 * the sync stops there (nothing later applied, nothing pruned) and the controller resumes the
 * operation when the server answers again, instead of waiting blindly. {@code Degraded} stops the
 * sync at once, as before.
 *
 * <p>Thread-safe; listeners are per thread ({@link #reporting}).
 */
final class ReportingWaveGate implements WaveGate {

  /** Told what a wave waits for. */
  @FunctionalInterface
  interface Listener {
    void waiting(Wave wave, String reason);
  }

  private static final ThreadLocal<Listener> LISTENER = new ThreadLocal<>();
  private static final Pattern SLICE_SUFFIX =
      Pattern.compile("\\s*\\(not healthy within \\d+s\\)$");

  private final Supplier<WaveGate> slices;
  private final Duration timeout;

  /**
   * @param slices the health gate to ask, each call returning after a short slice of time
   * @param timeout how long a wave may take to become healthy in all
   */
  ReportingWaveGate(Supplier<WaveGate> slices, Duration timeout) {
    this.slices = slices;
    this.timeout = timeout;
  }

  /** Runs {@code body} with {@code listener} told about every wave this thread waits for. */
  static <T> T reporting(Listener listener, Supplier<T> body) {
    Listener before = LISTENER.get();
    LISTENER.set(listener);
    try {
      return body.get();
    } finally {
      if (before == null) {
        LISTENER.remove();
      } else {
        LISTENER.set(before);
      }
    }
  }

  /** Whether a failure message says the API server did not answer (or is not ready yet). */
  static boolean apiServerUnavailable(String message) {
    return message.contains("(no response)")
        || message.contains("(HTTP 503)")
        || message.contains("(HTTP 504)");
  }

  @Override
  public Optional<NotReady> await(Wave wave) {
    Instant deadline = Instant.now().plus(timeout);
    Listener listener = LISTENER.get();
    while (true) {
      Optional<NotReady> slice = slices.get().await(wave);
      if (slice.isEmpty()) {
        return slice;
      }
      String reason = SLICE_SUFFIX.matcher(slice.get().reason()).replaceFirst("");
      NotReady notReady = new NotReady(slice.get().key(), reason);
      if (reason.startsWith("Degraded")
          || reason.startsWith("interrupted")
          || apiServerUnavailable(reason)
          || Thread.currentThread().isInterrupted()) {
        return Optional.of(notReady);
      }
      if (Instant.now().isAfter(deadline)) {
        return Optional.of(
            new NotReady(
                notReady.key(), reason + " (not healthy within " + timeout.toSeconds() + "s)"));
      }
      if (listener != null) {
        listener.waiting(wave, notReady.key() + " is " + reason);
      }
    }
  }
}
