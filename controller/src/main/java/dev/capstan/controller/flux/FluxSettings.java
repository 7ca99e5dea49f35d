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
 * @param applyConcurrency how many objects of one Kustomization are applied at the same time, after
 *     its Namespaces and CRDs (Flux's {@code --concurrent-ssa}, 4)
 */
public record FluxSettings(
    String namespace,
    Path cacheDirectory,
    int workers,
    Duration dependencyRequeue,
    Duration healthPoll,
    int applyConcurrency) {

  public FluxSettings {
    namespace = Objects.requireNonNullElse(namespace, "");
    Objects.requireNonNull(cacheDirectory, "cacheDirectory");
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1");
    }
    if (applyConcurrency < 1) {
      throw new IllegalArgumentException("applyConcurrency must be at least 1");
    }
  }

  /**
   * All namespaces, 4 workers, dependencies re-checked every 30 s, health every 2 s, 4 applies at a
   * time.
   */
  public static FluxSettings defaults(Path cacheDirectory) {
    return new FluxSettings(
        "", cacheDirectory, 4, Duration.ofSeconds(30), Duration.ofSeconds(2), 4);
  }

  public FluxSettings withNamespace(String value) {
    return new FluxSettings(
        value, cacheDirectory, workers, dependencyRequeue, healthPoll, applyConcurrency);
  }

  public FluxSettings withWorkers(int value) {
    return new FluxSettings(
        namespace, cacheDirectory, value, dependencyRequeue, healthPoll, applyConcurrency);
  }

  public FluxSettings withDependencyRequeue(Duration value) {
    return new FluxSettings(
        namespace, cacheDirectory, workers, value, healthPoll, applyConcurrency);
  }

  public FluxSettings withHealthPoll(Duration value) {
    return new FluxSettings(
        namespace, cacheDirectory, workers, dependencyRequeue, value, applyConcurrency);
  }

  public FluxSettings withApplyConcurrency(int value) {
    return new FluxSettings(
        namespace, cacheDirectory, workers, dependencyRequeue, healthPoll, value);
  }
}
