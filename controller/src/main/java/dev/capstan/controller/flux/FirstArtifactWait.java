package dev.capstan.controller.flux;

import dev.capstan.controller.api.Condition;
import dev.capstan.controller.api.flux.GitRepository;
import dev.capstan.controller.api.flux.Kustomization;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Decides whether a new Kustomization waits quietly for its GitRepository's first artifact.
 *
 * <p>A Kustomization created together with its source (a bootstrap, a benchmark's thousand at once)
 * has nothing to apply until the source's first fetch ends. Writing "Source artifact not found" and
 * adding the finalizer for each of them only competes with that fetch for the API server. So a
 * Kustomization that has never reported a condition, whose GitRepository exists without an artifact
 * and has not failed ({@code Ready} is not {@code False}), waits without a write for at most {@code
 * window} after its creation. The artifact's arrival or the source's failure wakes it earlier;
 * after the window it reports as Flux does.
 */
final class FirstArtifactWait {
  private FirstArtifactWait() {}

  /**
   * How much longer {@code ks} waits quietly, or empty when it should be reconciled now.
   *
   * @param source the GitRepository {@code ks} names, as the informer holds it, if it does
   */
  static Optional<Duration> remaining(
      Kustomization ks, Optional<GitRepository> source, Instant now, Duration window) {
    boolean reported = ks.getStatus() != null && !ks.getStatus().conditions().isEmpty();
    if (reported || source.isEmpty() || !fetchingFirstArtifact(source.get())) {
      return Optional.empty();
    }
    // never longer than the window, even when this clock runs behind the API server's
    return created(ks)
        .map(c -> Duration.between(now, c.plus(window)))
        .filter(d -> d.isPositive())
        .map(d -> d.compareTo(window) > 0 ? window : d);
  }

  private static boolean fetchingFirstArtifact(GitRepository repo) {
    var status = repo.getStatus();
    if (status == null) {
      return true;
    }
    boolean failed = status.condition(ConditionSet.READY).map(Condition::isFalse).orElse(false);
    return status.artifact() == null && !failed;
  }

  private static Optional<Instant> created(Kustomization ks) {
    String stamp = ks.getMetadata().getCreationTimestamp();
    if (stamp == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(stamp));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
