package dev.capstan.cli.flux;

import dev.capstan.controller.flux.FluxController;
import dev.capstan.controller.flux.FluxSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Starts the Flux controller inside {@code capstan controller} once this process leads (the Argo CD
 * controller's Lease decides, so both dialects share one leader). Until leader election is shared
 * infrastructure, losing the Lease does not stop the Flux controller; the process is expected to
 * exit then. Its {@code gotk_*} metrics go to the given registry (the Argo CD controller's, so one
 * {@code /metrics} serves both).
 */
public final class FluxLauncher {

  private FluxLauncher() {}

  /**
   * Starts the Flux controller (all namespaces) as soon as {@code leading} says so; close stops it.
   */
  public static AutoCloseable startWhenLeading(
      KubernetesClient client,
      Path cacheDirectory,
      BooleanSupplier leading,
      io.micrometer.core.instrument.MeterRegistry registry) {
    AtomicReference<FluxController> started = new AtomicReference<>();
    Thread t =
        Thread.ofPlatform()
            .daemon()
            .name("flux-launcher")
            .start(
                () -> {
                  while (!leading.getAsBoolean()) {
                    LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
                    if (Thread.currentThread().isInterrupted()) {
                      return;
                    }
                  }
                  try {
                    Files.createDirectories(cacheDirectory);
                    started.set(
                        FluxController.start(
                            client, FluxSettings.defaults(cacheDirectory), registry));
                  } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                });
    return () -> {
      t.interrupt();
      FluxController c = started.get();
      if (c != null) {
        c.close();
      }
    };
  }
}
