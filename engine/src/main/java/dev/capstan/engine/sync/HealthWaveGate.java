package dev.capstan.engine.sync;

import dev.capstan.engine.cluster.ApiResource;
import dev.capstan.engine.cluster.ClusterException;
import dev.capstan.engine.cluster.ResourceKey;
import dev.capstan.engine.cluster.ResourceTypes;
import dev.capstan.engine.health.HealthAssessor;
import dev.capstan.engine.health.HealthStatus;
import dev.capstan.engine.health.LiveObject;
import dev.capstan.engine.health.ResourceHealth;
import dev.capstan.kustomize.resource.Gvk;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link WaveGate} that waits until every object of the wave is healthy according to the engine's
 * health checks: {@code Healthy}, {@code Suspended}, or a kind no check has an opinion on. It polls
 * the API server every {@code pollInterval}. A {@code Degraded} object stops the sync at once;
 * anything else still not ready after {@code timeout} stops it too.
 */
public final class HealthWaveGate implements WaveGate {

  private final ResourceTypes types;
  private final LiveReader reader;
  private final HealthAssessor assessor;
  private final Duration timeout;
  private final Duration pollInterval;

  public HealthWaveGate(
      KubernetesClient client,
      ResourceTypes types,
      HealthAssessor assessor,
      Duration timeout,
      Duration pollInterval) {
    this.types = types;
    this.reader = new LiveReader(client);
    this.assessor = assessor;
    this.timeout = timeout;
    this.pollInterval = pollInterval;
  }

  @Override
  public Optional<NotReady> await(Wave wave) {
    List<GenericKubernetesResource> objects = new ArrayList<>(wave.definitions());
    objects.addAll(wave.rest());
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      Optional<NotReady> pending = Optional.empty();
      for (GenericKubernetesResource o : objects) {
        Optional<NotReady> notReady = check(o);
        if (notReady.isPresent()) {
          if (notReady.get().reason().startsWith(HealthStatus.DEGRADED.wireName())) {
            return notReady;
          }
          pending = pending.or(() -> notReady);
        }
      }
      if (pending.isEmpty()) {
        return Optional.empty();
      }
      if (Instant.now().isAfter(deadline)) {
        NotReady p = pending.get();
        return Optional.of(
            new NotReady(
                p.key(), p.reason() + " (not healthy within " + timeout.toSeconds() + "s)"));
      }
      try {
        Thread.sleep(pollInterval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.of(
            new NotReady(pending.get().key(), "interrupted while waiting for health"));
      }
    }
  }

  private Optional<NotReady> check(GenericKubernetesResource desired) {
    ResourceKey key = ResourceKey.of(desired);
    try {
      Optional<ApiResource> type = types.find(Gvk.of(desired.getApiVersion(), desired.getKind()));
      Optional<GenericKubernetesResource> live = type.flatMap(t -> reader.get(key, t));
      if (live.isEmpty()) {
        return Optional.of(new NotReady(key, HealthStatus.MISSING.wireName()));
      }
      ResourceHealth health = assessor.assess(LiveObject.fromResource(live.get()));
      Optional<HealthStatus> status = health.status();
      if (status.isEmpty()
          || status.get() == HealthStatus.HEALTHY
          || status.get() == HealthStatus.SUSPENDED) {
        return Optional.empty();
      }
      String message = health.result().map(r -> r.message()).orElse("");
      return Optional.of(
          new NotReady(key, status.get().wireName() + (message.isEmpty() ? "" : ": " + message)));
    } catch (ClusterException e) {
      return Optional.of(new NotReady(key, "Unknown: " + e.getMessage()));
    }
  }
}
