package dev.capstan.engine.health;

import java.util.List;
import java.util.Objects;

/**
 * The health of an application: the worst health of the resources that count, plus every resource's
 * own health in input order.
 *
 * @param status the worst status among counted resources; Healthy when none counts
 * @param resources per-resource health, in the order given, each marked counted or not
 */
public record ApplicationHealth(HealthStatus status, List<Entry> resources) {

  /**
   * One resource's health and whether it counted towards the application's.
   *
   * @param health the resource's health
   * @param counted true when it took part in choosing the worst status
   * @param reason why it did not count (empty when counted)
   */
  public record Entry(ResourceHealth health, boolean counted, String reason) {
    /** Rejects nulls. */
    public Entry {
      Objects.requireNonNull(health, "health");
      reason = reason == null ? "" : reason;
    }
  }

  /** Copies the list. */
  public ApplicationHealth {
    Objects.requireNonNull(status, "status");
    resources = List.copyOf(resources);
  }
}
