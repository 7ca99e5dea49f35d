package dev.capstan.server.notify;

import dev.capstan.server.api.LabelSelector;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which notifications an Application's current state calls for: for each trigger that is
 * subscribed to (in the config or by annotation) and whose condition holds, one {@link Delivery}
 * per recipient — unless this application, trigger and revision were notified before. Pure apart
 * from the {@link Deduplicator}.
 */
public final class NotificationPlanner {
  static final String ANNOTATION_PREFIX = "notifications.argoproj.io/subscribe.";

  private final Deduplicator dedup;

  public NotificationPlanner(Deduplicator dedup) {
    this.dedup = dedup;
  }

  /**
   * The deliveries due for {@code app}; each (app, trigger, revision) is returned at most once
   * ever.
   */
  public List<Delivery> plan(GenericKubernetesResource app, NotificationConfig config) {
    Map<Trigger, Set<String>> recipients = recipients(app, config);
    String key = app.getMetadata().getNamespace() + "/" + app.getMetadata().getName();
    String revision = Trigger.revision(app);
    List<Delivery> out = new ArrayList<>();
    for (var e : recipients.entrySet()) {
      Trigger t = e.getKey();
      if (!t.matches(app) || !dedup.firstTime(key, t, revision)) {
        continue;
      }
      for (String r : e.getValue()) {
        out.add(new Delivery(key, t, revision, r, "pending"));
      }
    }
    return out;
  }

  /** Marks what the current state would fire as already sent (used at start-up). */
  public void prime(GenericKubernetesResource app) {
    String key = app.getMetadata().getNamespace() + "/" + app.getMetadata().getName();
    for (Trigger t : Trigger.values()) {
      if (t.matches(app)) {
        dedup.firstTime(key, t, Trigger.revision(app));
      }
    }
  }

  private static Map<Trigger, Set<String>> recipients(
      GenericKubernetesResource app, NotificationConfig config) {
    Map<Trigger, Set<String>> out = new LinkedHashMap<>();
    for (NotificationConfig.Subscription s : config.subscriptions()) {
      if (!s.selector().isEmpty()
          && !LabelSelector.parse(s.selector()).matches(app.getMetadata().getLabels())) {
        continue;
      }
      for (Trigger t : s.triggers()) {
        out.computeIfAbsent(t, k -> new LinkedHashSet<>()).addAll(s.recipients());
      }
    }
    Map<String, String> annotations =
        app.getMetadata().getAnnotations() == null ? Map.of() : app.getMetadata().getAnnotations();
    for (var a : annotations.entrySet()) {
      if (!a.getKey().startsWith(ANNOTATION_PREFIX)) {
        continue;
      }
      String rest = a.getKey().substring(ANNOTATION_PREFIX.length());
      int dot = rest.indexOf('.');
      if (dot < 0) {
        continue;
      }
      Trigger.of(rest.substring(0, dot))
          .ifPresent(
              t -> {
                String service = rest.substring(dot + 1);
                String recipient =
                    service.equals("slack")
                        ? "slack"
                        : service.startsWith("slack.")
                            ? "slack:" + service.substring(6)
                            : "webhook:" + service;
                out.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(recipient);
              });
    }
    return out;
  }
}
