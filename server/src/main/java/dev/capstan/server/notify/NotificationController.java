package dev.capstan.server.notify;

import dev.capstan.server.cache.NamedObjectWatch;
import dev.capstan.server.cache.ResourceCache;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * Watches Applications (through the server's cache) and sends the notifications their status
 * transitions call for. At start the states already present are marked as notified, so a restart
 * does not repeat old news. Sending happens on virtual threads; a failed send is logged and
 * recorded, not retried. Thread-safe.
 */
public final class NotificationController implements AutoCloseable {
  public static final String CONFIG_MAP = "capstan-notifications-cm";
  private static final System.Logger LOG = System.getLogger(NotificationController.class.getName());

  private final NamedObjectWatch<ConfigMap> configMap;
  private final NotificationPlanner planner = new NotificationPlanner(new Deduplicator(100_000));
  private final Sender sender;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Delivery> recent = new CopyOnWriteArrayList<>();
  private final Runnable unsubscribe;

  private NotificationController(
      KubernetesClient client,
      String namespace,
      ResourceCache apps,
      Predicate<String> served,
      Sender sender) {
    this.sender = sender;
    this.configMap =
        new NamedObjectWatch<>(client.configMaps().inNamespace(namespace).withName(CONFIG_MAP));
    apps.list().forEach(planner::prime);
    this.unsubscribe =
        apps.subscribe(
            change -> {
              if (!change.type().equals("DELETED")
                  && served.test(change.object().getMetadata().getNamespace())) {
                onChange(change.object());
              }
            });
  }

  /** Starts watching with the HTTP sender. */
  public static NotificationController start(
      KubernetesClient client, String namespace, ResourceCache apps, Predicate<String> served) {
    return new NotificationController(client, namespace, apps, served, new HttpSender());
  }

  /** The last deliveries (at most 1,000), oldest first. */
  public List<Delivery> recent() {
    return List.copyOf(recent);
  }

  private void onChange(GenericKubernetesResource app) {
    NotificationConfig config;
    try {
      config =
          configMap
              .get()
              .map(cm -> NotificationConfig.parse(cm.getData() == null ? Map.of() : cm.getData()))
              .orElse(NotificationConfig.empty());
    } catch (IllegalArgumentException e) {
      LOG.log(
          System.Logger.Level.ERROR,
          "ConfigMap/" + CONFIG_MAP + " is invalid, no notifications sent: " + e.getMessage());
      return;
    }
    for (Delivery d : planner.plan(app, config)) {
      NotificationConfig.Service service = config.services().get(d.service());
      if (service == null) {
        record(new Delivery(d.app(), d.trigger(), d.revision(), d.service(), "no such service"));
        continue;
      }
      executor.submit(
          () ->
              record(
                  new Delivery(
                      d.app(),
                      d.trigger(),
                      d.revision(),
                      d.service(),
                      sender.send(service, body(service, d, app)))));
    }
  }

  private void record(Delivery d) {
    if (!d.outcome().equals("sent")) {
      LOG.log(
          System.Logger.Level.WARNING,
          "notification "
              + d.trigger().id()
              + " of Application/"
              + d.app()
              + " to "
              + d.service()
              + ": "
              + d.outcome());
    }
    recent.add(d);
    while (recent.size() > 1000) {
      recent.removeFirst();
    }
  }

  static Map<String, Object> body(
      NotificationConfig.Service service, Delivery d, GenericKubernetesResource app) {
    String sync = Trigger.str(app.get("status", "sync", "status"));
    String health = Trigger.str(app.get("status", "health", "status"));
    String phase = Trigger.str(app.get("status", "operationState", "phase"));
    String message = Trigger.str(app.get("status", "operationState", "message"));
    String text =
        switch (d.trigger()) {
          case ON_SYNC_SUCCEEDED ->
              "Application "
                  + d.app()
                  + " has been successfully synced at revision "
                  + d.revision()
                  + ".";
          case ON_SYNC_FAILED ->
              "The sync operation of application " + d.app() + " has failed: " + message;
          case ON_HEALTH_DEGRADED -> "Application " + d.app() + " has degraded.";
          case ON_DEPLOYED ->
              "Application " + d.app() + " is now running new version " + d.revision() + ".";
        };
    if (service.slack()) {
      return Map.of("text", text);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "app",
        Map.of("namespace", app.getMetadata().getNamespace(), "name", app.getMetadata().getName()));
    body.put("trigger", d.trigger().id());
    body.put("revision", d.revision());
    body.put("syncStatus", sync);
    body.put("healthStatus", health);
    body.put("operationPhase", phase);
    body.put("message", text);
    return body;
  }

  @Override
  public void close() {
    unsubscribe.run();
    executor.shutdownNow();
    configMap.close();
  }
}
