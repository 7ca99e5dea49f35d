package dev.capstan.engine.inventory;

import dev.capstan.engine.cluster.ObjectTrees;
import dev.capstan.engine.cluster.ResourceKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Argo CD's annotation tracking: objects carry {@value TrackingId#ANNOTATION} naming the
 * application and the object itself.
 *
 * <p>An annotation naming this application but another object (copied by hand) counts as {@link
 * Claim.Unclaimed}, never as ours, so such an object is never pruned. An annotation naming another
 * application is {@link Claim.Other}.
 *
 * @param application the application name written into tracking ids
 */
public record TrackingIdOwnership(String application) implements Ownership {

  public TrackingIdOwnership {
    Objects.requireNonNull(application, "application");
    if (application.isEmpty() || application.contains(":")) {
      throw new IllegalArgumentException("application name must be non-empty and without ':'");
    }
  }

  /** The application name, as {@link OwnerChangeRouter#byTrackingId} reads it from a mark. */
  @Override
  public java.util.Optional<String> indexKey() {
    return java.util.Optional.of(application);
  }

  @Override
  public String owner() {
    return "application " + application;
  }

  @Override
  public GenericKubernetesResource mark(GenericKubernetesResource desired) {
    GenericKubernetesResource copy = ObjectTrees.copy(desired);
    Map<String, String> annotations =
        copy.getMetadata().getAnnotations() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(copy.getMetadata().getAnnotations());
    annotations.put(
        TrackingId.ANNOTATION, TrackingId.of(application, ResourceKey.of(copy)).value());
    copy.getMetadata().setAnnotations(annotations);
    return copy;
  }

  @Override
  public Claim claimOf(GenericKubernetesResource live) {
    Optional<TrackingId> id = trackingId(live);
    if (id.isEmpty() || !id.get().matches(ResourceKey.of(live))) {
      return Claim.unclaimed();
    }
    return id.get().application().equals(application)
        ? Claim.ours()
        : Claim.other("application " + id.get().application());
  }

  /** The parsed tracking id of an object, if it has a well-formed one. */
  public static Optional<TrackingId> trackingId(GenericKubernetesResource object) {
    Map<String, String> annotations =
        object.getMetadata() == null ? null : object.getMetadata().getAnnotations();
    return annotations == null
        ? Optional.empty()
        : TrackingId.parse(annotations.get(TrackingId.ANNOTATION));
  }
}
