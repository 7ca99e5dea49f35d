package dev.capstan.cli.flux;

import dev.capstan.controller.flux.FluxController;
import dev.capstan.controller.flux.FluxSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Flux controller inside {@code capstan controller} exactly while this process leads (the
 * Argo CD controller's Lease decides, so both dialects share one leader): it is started when a
 * leadership term begins and closed when the term ends, so a process that lost its Lease stops
 * reconciling Flux objects too. Its {@code gotk_*} metrics go to the given registry (the Argo CD
 * controller's, so one {@code /metrics} serves both).
 */
public final class FluxLauncher {

  private static final Logger LOG = LoggerFactory.getLogger(FluxLauncher.class);
  private static final Duration CHECK = Duration.ofMillis(250);

  private FluxLauncher() {}

  /** Runs the Flux controller (all namespaces) while {@code leading} says so; close stops it. */
  public static AutoCloseable startWhenLeading(
      KubernetesClient client,
      Path cacheDirectory,
      BooleanSupplier leading,
      io.micrometer.core.instrument.MeterRegistry registry) {
    return followLeadership(
        leading,
        () -> {
          try {
            Files.createDirectories(cacheDirectory);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return FluxController.start(client, FluxSettings.defaults(cacheDirectory), registry);
        });
  }

  /**
   * Starts what {@code start} gives whenever {@code leading} turns true, and closes it whenever it
   * turns false, checking every 250 ms; close stops following and closes what runs. A start that
   * fails is logged and tried again at the next check.
   */
  static AutoCloseable followLeadership(
      BooleanSupplier leading, Supplier<? extends AutoCloseable> start) {
    Thread t =
        Thread.ofPlatform()
            .daemon()
            .name("flux-launcher")
            .start(
                () -> {
                  AutoCloseable running = null;
                  try {
                    while (!Thread.currentThread().isInterrupted()) {
                      boolean lead = leading.getAsBoolean();
                      if (lead && running == null) {
                        running = tryStart(start);
                      } else if (!lead && running != null) {
                        LOG.info("leadership ended: stopping the Flux controller");
                        close(running);
                        running = null;
                      }
                      Thread.sleep(CHECK);
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  } finally {
                    if (running != null) {
                      close(running);
                    }
                  }
                });
    return () -> {
      t.interrupt();
      t.join(Duration.ofSeconds(30));
    };
  }

  private static AutoCloseable tryStart(Supplier<? extends AutoCloseable> start) {
    try {
      return start.get();
    } catch (RuntimeException e) {
      LOG.warn("starting the Flux controller failed ({}); retrying", e.getMessage());
      return null;
    }
  }

  private static void close(AutoCloseable running) {
    try {
      running.close();
    } catch (Exception e) {
      LOG.warn("stopping the Flux controller failed: {}", e.toString());
    }
  }
}
