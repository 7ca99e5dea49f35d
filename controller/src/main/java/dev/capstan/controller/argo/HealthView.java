package dev.capstan.controller.argo;

import dev.capstan.controller.api.argo.ApplicationStatus.HealthStatus;
import dev.capstan.controller.api.argo.ApplicationStatus.ResourceStatus;
import dev.capstan.controller.runtime.ResourceVersions;
import dev.capstan.engine.cluster.ClusterCache;
import dev.capstan.engine.cluster.ClusterException;
import dev.capstan.engine.cluster.ResourceKey;
import dev.capstan.engine.health.ApplicationHealth;
import dev.capstan.engine.health.HealthAssessor;
import dev.capstan.engine.health.LiveObject;
import dev.capstan.engine.health.ManagedResource;
import dev.capstan.kustomize.resource.Gvk;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health of an Application's resources from the cluster cache: watches each managed kind (so drift
 * of it is routed back), reads live objects from the cache and asks the engine's {@link
 * HealthAssessor}. Thread-safe.
 */
final class HealthView {
  private static final Logger LOG = LoggerFactory.getLogger(HealthView.class);

  /** Rows with health, and the application's health. */
  record Assessed(List<ResourceStatus> rows, HealthStatus status) {}

  private final ClusterCache cache;
  private final java.util.function.Supplier<HealthAssessor> assessor;

  /** {@code assessor} gives the health checks of the current config. */
  HealthView(ClusterCache cache, java.util.function.Supplier<HealthAssessor> assessor) {
    this.cache = cache;
    this.assessor = assessor;
  }

  Assessed assess(List<ResourceStatus> rows, List<GenericKubernetesResource> desired) {
    return assess(rows, desired, java.util.Map.of());
  }

  /**
   * Like {@link #assess(List, List)}, with the objects a sync just got back from the API server:
   * each is taken instead of the cache's copy when the watch has not caught up with it yet (by
   * resourceVersion), so the status written after a sync does not show a just-created object as
   * Missing.
   */
  Assessed assess(
      List<ResourceStatus> rows,
      List<GenericKubernetesResource> desired,
      java.util.Map<ResourceKey, GenericKubernetesResource> observed) {
    List<ManagedResource> managed = new ArrayList<>();
    for (ResourceStatus r : rows) {
      if (r.status().equals(ResourceStatuses.UNKNOWN)) {
        continue; // another application's object
      }
      ResourceKey key = new ResourceKey(r.group(), r.kind(), r.namespace(), r.name());
      try {
        cache.watch(new Gvk(r.group(), r.version(), r.kind()));
      } catch (ClusterException e) {
        LOG.debug("{} not watched: {}", key, e.getMessage());
      }
      Optional<GenericKubernetesResource> cached = cache.get(key);
      GenericKubernetesResource seen = observed.get(key);
      if (seen != null
          && (cached.isEmpty()
              || ResourceVersions.newer(seen.getMetadata(), cached.get().getMetadata()))) {
        cached = Optional.of(seen);
      }
      Optional<LiveObject> live = cached.map(LiveObject::fromResource);
      Optional<LiveObject> target = target(key, desired).map(LiveObject::fromResource);
      if (target.isPresent() && live.isPresent()) {
        managed.add(ManagedResource.of(target.get(), live.get()));
      } else if (target.isPresent()) {
        managed.add(
            new ManagedResource(
                target.get().groupKind(), r.namespace(), r.name(), target, Optional.empty()));
      } else if (live.isPresent()) {
        managed.add(ManagedResource.live(live.get()));
      }
    }
    ApplicationHealth health = assessor.get().assessApplication(managed);
    return new Assessed(
        ResourceStatuses.withHealth(rows, health),
        new HealthStatus(health.status().wireName(), "", ""));
  }

  private static Optional<GenericKubernetesResource> target(
      ResourceKey key, List<GenericKubernetesResource> desired) {
    return desired.stream()
        .filter(
            o -> {
              ResourceKey k = ResourceKey.of(o);
              return k.group().equals(key.group())
                  && k.kind().equals(key.kind())
                  && k.name().equals(key.name())
                  && (k.namespace().isEmpty() || k.namespace().equals(key.namespace()));
            })
        .findFirst();
  }
}
