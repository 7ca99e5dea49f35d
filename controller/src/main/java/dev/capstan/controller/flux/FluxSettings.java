package dev.capstan.controller.flux;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the Flux controller runs. Immutable; start from {@link #defaults(Path)}.
 *
 * @param namespace the only namespace watched, or empty for all namespaces (Flux's default)
 * @param cacheDirectory where Git caches and artifacts live (owned by this process)
 * @param workers concurrent reconciles per kind
 * @param dependencyRequeue how soon a Kustomization waiting for a dependency looks again (Flux's
 *     {@code --requeue-dependency}, 30 s); a dependency becoming Ready also wakes it at once
 * @param healthPoll how often a pending health check looks again
 */
public record FluxSettings(
    String namespace,
    Path cacheDirectory,
    int workers,
    Duration dependencyRequeue,
    Duration healthPoll) {

  public FluxSettings {
    namespace = Objects.requireNonNullElse(namespace, "");
    Objects.requireNonNull(cacheDirectory, "cacheDirectory");
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1");
    }
  }

  /** All namespaces, 4 workers, dependencies re-checked every 30 s, health every 2 s. */
  public static FluxSettings defaults(Path cacheDirectory) {
    return new FluxSettings("", cacheDirectory, 4, Duration.ofSeconds(30), Duration.ofSeconds(2));
  }

  public FluxSettings withNamespace(String value) {
    return new FluxSettings(value, cacheDirectory, workers, dependencyRequeue, healthPoll);
  }

  public FluxSettings withWorkers(int value) {
    return new FluxSettings(namespace, cacheDirectory, value, dependencyRequeue, healthPoll);
  }

  public FluxSettings withDependencyRequeue(Duration value) {
    return new FluxSettings(namespace, cacheDirectory, workers, value, healthPoll);
  }

  public FluxSettings withHealthPoll(Duration value) {
    return new FluxSettings(namespace, cacheDirectory, workers, dependencyRequeue, value);
  }
}
