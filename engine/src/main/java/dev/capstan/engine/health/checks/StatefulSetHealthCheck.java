package dev.capstan.engine.health.checks;

import dev.capstan.engine.health.HealthCheck;
import dev.capstan.engine.health.HealthResult;
import dev.capstan.engine.health.LiveObject;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Health of {@code apps/StatefulSet}, as Argo CD assesses it: Progressing until the spec is
 * observed and all replicas are ready; then, by update strategy, a partitioned rolling update must
 * have updated the pods above the partition, {@code OnDelete} is Healthy as soon as pods are ready,
 * and the default rolling update must have reached the update revision.
 */
public final class StatefulSetHealthCheck implements HealthCheck {

  @Override
  public Optional<HealthResult> assess(LiveObject live) {
    long observed = live.integer("status.observedGeneration", 0);
    if (observed == 0 || live.integer("metadata.generation", 0) > observed) {
      return progressing("Waiting for statefulset spec update to be observed...");
    }
    OptionalLong specReplicas = live.integer("spec.replicas");
    long ready = live.integer("status.readyReplicas", 0);
    long updated = live.integer("status.updatedReplicas", 0);
    if (specReplicas.isPresent() && ready < specReplicas.getAsLong()) {
      return progressing(
          "Waiting for %d pods to be ready...".formatted(specReplicas.getAsLong() - ready));
    }
    String strategy = live.string("spec.updateStrategy.type", "");
    if ("RollingUpdate".equals(strategy)
        && live.object("spec.updateStrategy.rollingUpdate").isPresent()) {
      OptionalLong partition = live.integer("spec.updateStrategy.rollingUpdate.partition");
      if (specReplicas.isPresent() && partition.isPresent()) {
        long expected = specReplicas.getAsLong() - partition.getAsLong();
        if (updated < expected) {
          return progressing(
              ("Waiting for partitioned roll out to finish: %d out of %d new pods have been"
                      + " updated...")
                  .formatted(updated, expected));
        }
      }
      return Optional.of(
          HealthResult.healthy(
              "partitioned roll out complete: %d new pods have been updated..."
                  .formatted(updated)));
    }
    if ("OnDelete".equals(strategy)) {
      return Optional.of(HealthResult.healthy("statefulset has %d ready pods".formatted(ready)));
    }
    String updateRevision = live.string("status.updateRevision", "");
    String currentRevision = live.string("status.currentRevision", "");
    if (!updateRevision.equals(currentRevision)) {
      return progressing(
          "waiting for statefulset rolling update to complete %d pods at revision %s..."
              .formatted(updated, updateRevision));
    }
    return Optional.of(
        HealthResult.healthy(
            "statefulset rolling update complete %d pods at revision %s..."
                .formatted(live.integer("status.currentReplicas", 0), currentRevision)));
  }

  private static Optional<HealthResult> progressing(String message) {
    return Optional.of(HealthResult.progressing(message));
  }
}
