package dev.capstan.controller.flux;

import dev.capstan.controller.runtime.EventDraft;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records Kubernetes Events on GitRepositories and Kustomizations with Flux's reasons, from the
 * component {@value #COMPONENT} ({@code capstan events} and {@code capstan logs} read them back). A
 * failure to record is logged and otherwise ignored: events are informational.
 *
 * <p>Events are sent in the background, two at a time, as client-go's event recorder does, so a
 * reconcile does not wait for them; at most {@value #BACKLOG} wait to be sent, and one more than
 * that is dropped with a log line (client-go drops too). The log line is written at once.
 */
final class FluxEvents implements AutoCloseable {

  static final String COMPONENT = "capstan-flux-controller";
  static final int BACKLOG = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(FluxEvents.class);

  private final KubernetesClient client;
  private final Clock clock;
  private final ThreadPoolExecutor senders;

  FluxEvents(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
    AtomicInteger count = new AtomicInteger();
    this.senders =
        new ThreadPoolExecutor(
            2,
            2,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(BACKLOG),
            r -> {
              Thread t = new Thread(r, "flux-events-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            (r, pool) -> LOG.warn("event dropped: {} events are waiting to be sent", BACKLOG));
    senders.allowCoreThreadTimeOut(true);
  }

  /** Sends what is waiting (for up to 5 s), then stops. */
  @Override
  public void close() {
    senders.shutdown();
    try {
      if (!senders.awaitTermination(5, TimeUnit.SECONDS)) {
        senders.shutdownNow();
      }
    } catch (InterruptedException e) {
      senders.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  void normal(HasMetadata object, String reason, String message) {
    record(object, "Normal", reason, message);
  }

  void warning(HasMetadata object, String reason, String message) {
    record(object, "Warning", reason, message);
  }

  private void record(HasMetadata object, String type, String reason, String message) {
    String ns = object.getMetadata().getNamespace();
    EventDraft draft = EventDraft.about(object, type, reason, message);
    LOG.info(
        "{} {}/{}/{} {}: {}",
        type,
        object.getKind(),
        ns,
        object.getMetadata().getName(),
        reason,
        draft.text());
    Event event =
        draft.toBuilder(COMPONENT, Instant.now(clock)).withReportingComponent(COMPONENT).build();
    if (senders.isShutdown()) {
      return;
    }
    senders.execute(() -> send(event));
  }

  private void send(Event event) {
    String ns = event.getMetadata().getNamespace();
    try {
      client.v1().events().inNamespace(ns).resource(event).create();
    } catch (KubernetesClientException e) {
      LOG.debug(
          "event on {}/{} not recorded: {}",
          ns,
          event.getInvolvedObject().getName(),
          e.getMessage());
    }
  }
}
