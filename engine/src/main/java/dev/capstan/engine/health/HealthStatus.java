package dev.capstan.engine.health;

import java.util.Locale;
import java.util.Optional;

/**
 * Health of one resource or of a whole application, with Argo CD's vocabulary and ordering.
 *
 * <p>The declaration order is the severity order Argo CD uses to pick the worst health of an
 * application: {@code Healthy < Suspended < Progressing < Missing < Degraded < Unknown}. {@link
 * #isWorseThan(HealthStatus)} and {@link #worst(HealthStatus, HealthStatus)} read it.
 */
public enum HealthStatus {
  /** The resource is fully up and serving. */
  HEALTHY("Healthy"),
  /** The resource is paused or suspended on purpose (a suspended CronJob, a paused rollout). */
  SUSPENDED("Suspended"),
  /** The resource is not healthy yet but may still get there. */
  PROGRESSING("Progressing"),
  /** The resource is expected but absent from the cluster. */
  MISSING("Missing"),
  /** The resource failed or cannot reach a healthy state. */
  DEGRADED("Degraded"),
  /** Health could not be assessed (a failing custom script, for instance). */
  UNKNOWN("Unknown");

  private final String wireName;

  HealthStatus(String wireName) {
    this.wireName = wireName;
  }

  /** The PascalCase name used by Argo CD in status fields and scripts, e.g. {@code Healthy}. */
  public String wireName() {
    return wireName;
  }

  /** True when this status ranks strictly after {@code other} in the severity order. */
  public boolean isWorseThan(HealthStatus other) {
    return compareTo(other) > 0;
  }

  /** The more severe of two statuses. */
  public static HealthStatus worst(HealthStatus a, HealthStatus b) {
    return a.isWorseThan(b) ? a : b;
  }

  /**
   * Parses an Argo CD status name. Matching ignores case, as health scripts sometimes spell {@code
   * "healthy"}; an unrecognised name yields empty.
   */
  public static Optional<HealthStatus> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (HealthStatus status : values()) {
      if (status.wireName.toLowerCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
