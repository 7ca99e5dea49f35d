package dev.capstan.server.notify;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Optional;

/** The built-in triggers, named as Argo CD Notifications' catalog names them. */
public enum Trigger {
  ON_SYNC_SUCCEEDED("on-sync-succeeded"),
  ON_SYNC_FAILED("on-sync-failed"),
  ON_HEALTH_DEGRADED("on-health-degraded"),
  ON_DEPLOYED("on-deployed");

  private final String id;

  Trigger(String id) {
    this.id = id;
  }

  /** The trigger's name in config ({@code on-sync-succeeded}). */
  public String id() {
    return id;
  }

  /** The trigger named {@code id}. */
  public static Optional<Trigger> of(String id) {
    for (Trigger t : values()) {
      if (t.id.equals(id)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** Whether the Application's state satisfies this trigger's condition. */
  public boolean matches(GenericKubernetesResource app) {
    String phase = str(app.get("status", "operationState", "phase"));
    String health = str(app.get("status", "health", "status"));
    return switch (this) {
      case ON_SYNC_SUCCEEDED -> phase.equals("Succeeded");
      case ON_SYNC_FAILED -> phase.equals("Failed") || phase.equals("Error");
      case ON_HEALTH_DEGRADED -> health.equals("Degraded");
      case ON_DEPLOYED -> phase.equals("Succeeded") && health.equals("Healthy");
    };
  }

  /**
   * The revision a notification is about: the operation's synced revision, else the compared one.
   */
  public static String revision(GenericKubernetesResource app) {
    String r = str(app.get("status", "operationState", "syncResult", "revision"));
    return r.isEmpty() ? str(app.get("status", "sync", "revision")) : r;
  }

  static String str(Object o) {
    return o == null ? "" : o.toString();
  }
}
