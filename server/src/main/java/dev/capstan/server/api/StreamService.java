package dev.capstan.server.api;

import dev.capstan.server.cache.ResourceCache;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * {@code GET /api/v1/stream/applications}: Server-Sent Events of application changes in Argo CD's
 * shape, {@code {"result": {"type": "ADDED|MODIFIED|DELETED", "application": {...}}}}. The current
 * Applications come first as ADDED (as Argo CD's watch does), then every change. Filters: {@code
 * name}, {@code projects}, {@code appNamespace}, {@code selector}; only Applications the caller may
 * get are sent (checked per event, so a policy change applies at once). Each stream runs on its own
 * virtual thread; a slow client that falls 10,000 events behind is disconnected.
 */
public final class StreamService implements HttpService {
  private static final int MAX_BACKLOG = 10_000;

  private final ResourceCache apps;
  private final ApplicationService applications;
  private final Predicate<String> servedNamespaces;
  private final AtomicInteger clients;

  public StreamService(
      ResourceCache apps,
      ApplicationService applications,
      Predicate<String> servedNamespaces,
      MeterRegistry metrics) {
    this.apps = apps;
    this.applications = applications;
    this.servedNamespaces = servedNamespaces;
    this.clients = metrics.gauge("capstan_server_sse_clients", new AtomicInteger());
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/applications", this::stream);
  }

  private void stream(ServerRequest req, ServerResponse res) {
    Caller caller = Authentication.caller(req);
    var q = req.query();
    Optional<String> name =
        q.first("name")
            .asOptional()
            .filter(s -> !s.isEmpty())
            .map(n -> Names.objectName("application name", n));
    List<String> projects = new ArrayList<>(q.all("projects", List::of));
    Optional<String> appNs =
        q.first("appNamespace").asOptional().filter(s -> !s.isEmpty()).map(Names::namespace);
    LabelSelector selector = LabelSelector.parse(q.first("selector").orElse(""));
    Predicate<GenericKubernetesResource> wanted =
        a ->
            servedNamespaces.test(a.getMetadata().getNamespace())
                && (name.isEmpty() || name.get().equals(a.getMetadata().getName()))
                && (projects.isEmpty() || projects.contains(ApplicationService.project(a)))
                && (appNs.isEmpty() || appNs.get().equals(a.getMetadata().getNamespace()))
                && selector.matches(a.getMetadata().getLabels());
    BlockingQueue<ResourceCache.Change> queue = new LinkedBlockingQueue<>(MAX_BACKLOG);
    Runnable unsubscribe =
        apps.subscribe(
            c -> {
              if (!queue.offer(c)) {
                queue.clear();
                queue.offer(new ResourceCache.Change("OVERFLOW", c.object(), Optional.empty()));
              }
            });
    clients.incrementAndGet();
    try (SseSink sink = res.sink(SseSink.TYPE)) {
      for (GenericKubernetesResource a : apps.list()) {
        if (wanted.test(a) && caller.can("applications", "get", applications.rbacObject(a))) {
          emit(sink, "ADDED", a);
        }
      }
      while (true) {
        ResourceCache.Change c = queue.poll(15, TimeUnit.SECONDS);
        if (c == null) {
          sink.emit(SseEvent.builder().comment("keepalive").build());
          continue;
        }
        if (c.type().equals("OVERFLOW")) {
          return;
        }
        if (wanted.test(c.object())
            && caller.can("applications", "get", applications.rbacObject(c.object()))) {
          emit(sink, c.type(), c.object());
        }
      }
    } catch (UncheckedIOException | IllegalStateException e) {
      // The client went away.
    } catch (InterruptedException e) {
      // The server is stopping.
      Thread.currentThread().interrupt();
    } finally {
      unsubscribe.run();
      clients.decrementAndGet();
    }
  }

  private static void emit(SseSink sink, String type, GenericKubernetesResource app) {
    try {
      String data =
          Json.MAPPER.writeValueAsString(
              Map.of("result", Map.of("type", type, "application", ApplicationService.view(app))));
      sink.emit(SseEvent.create(data));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
