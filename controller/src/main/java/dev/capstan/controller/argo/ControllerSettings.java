package dev.capstan.controller.argo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the Argo CD controller runs. Immutable; start from {@link #defaults(String, Path)}.
 *
 * @param namespace the controller's namespace: Applications, AppProjects, repository Secrets,
 *     {@code capstan-cm} and the leader Lease live here (Argo CD's {@code argocd})
 * @param applicationNamespaces further namespaces whose Applications are reconciled (Argo CD's
 *     "applications in any namespace"); {@code *} means all
 * @param workers Applications reconciled at once
 * @param reconciliation how often Git is polled (Argo CD {@code timeout.reconciliation}, 180 s)
 * @param jitter up to this much is added to each poll so polls spread out (60 s)
 * @param cacheDirectory where Git snapshots are kept
 * @param leaderElection whether to take the Lease {@code capstan-controller} before reconciling
 * @param metricsPort port of {@code /metrics}; 0 picks a free one, -1 serves none
 */
public record ControllerSettings(
    String namespace,
    List<String> applicationNamespaces,
    int workers,
    Duration reconciliation,
    Duration jitter,
    Path cacheDirectory,
    boolean leaderElection,
    int metricsPort) {

  public ControllerSettings {
    Objects.requireNonNull(namespace, "namespace");
    applicationNamespaces = List.copyOf(applicationNamespaces);
    Objects.requireNonNull(reconciliation, "reconciliation");
    Objects.requireNonNull(jitter, "jitter");
    Objects.requireNonNull(cacheDirectory, "cacheDirectory");
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1");
    }
  }

  /**
   * Namespace {@code namespace} only, 10 workers, 180 s + up to 60 s polls, leader election on,
   * metrics on 8082.
   */
  public static ControllerSettings defaults(String namespace, Path cacheDirectory) {
    return new ControllerSettings(
        namespace,
        List.of(),
        10,
        Duration.ofSeconds(180),
        Duration.ofSeconds(60),
        cacheDirectory,
        true,
        8082);
  }

  public ControllerSettings withApplicationNamespaces(List<String> value) {
    return new ControllerSettings(
        namespace,
        value,
        workers,
        reconciliation,
        jitter,
        cacheDirectory,
        leaderElection,
        metricsPort);
  }

  public ControllerSettings withWorkers(int value) {
    return new ControllerSettings(
        namespace,
        applicationNamespaces,
        value,
        reconciliation,
        jitter,
        cacheDirectory,
        leaderElection,
        metricsPort);
  }

  public ControllerSettings withReconciliation(Duration interval, Duration jitterValue) {
    return new ControllerSettings(
        namespace,
        applicationNamespaces,
        workers,
        interval,
        jitterValue,
        cacheDirectory,
        leaderElection,
        metricsPort);
  }

  public ControllerSettings withLeaderElection(boolean value) {
    return new ControllerSettings(
        namespace,
        applicationNamespaces,
        workers,
        reconciliation,
        jitter,
        cacheDirectory,
        value,
        metricsPort);
  }

  public ControllerSettings withMetricsPort(int value) {
    return new ControllerSettings(
        namespace,
        applicationNamespaces,
        workers,
        reconciliation,
        jitter,
        cacheDirectory,
        leaderElection,
        value);
  }

  /**
   * These settings with {@code timeout.reconciliation} and {@code timeout.reconciliation.jitter} of
   * a {@code capstan-cm} (Argo CD {@code argocd-cm} format: Go durations like {@code 180s}, or
   * plain seconds) where present and valid.
   */
  public ControllerSettings withConfigMap(java.util.Map<String, String> data) {
    return withReconciliation(
        duration(data.get("timeout.reconciliation")).orElse(reconciliation),
        duration(data.get("timeout.reconciliation.jitter")).orElse(jitter));
  }

  private static java.util.Optional<Duration> duration(String text) {
    if (text == null || text.isBlank()) {
      return java.util.Optional.empty();
    }
    try {
      String t = text.strip();
      return java.util.Optional.of(
          t.chars().allMatch(Character::isDigit)
              ? Duration.ofSeconds(Long.parseLong(t))
              : dev.capstan.controller.api.flux.GoDuration.parse(t));
    } catch (RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  /** True when Applications of {@code ns} are reconciled. */
  public boolean watches(String ns) {
    return ns.equals(namespace)
        || applicationNamespaces.contains("*")
        || applicationNamespaces.contains(ns);
  }

  /** True when every namespace is watched. */
  public boolean watchesAllNamespaces() {
    return applicationNamespaces.contains("*");
  }
}
