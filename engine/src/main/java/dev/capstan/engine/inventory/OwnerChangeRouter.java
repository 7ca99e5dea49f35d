package dev.capstan.engine.inventory;

import dev.capstan.engine.cluster.ChangeListener;
import dev.capstan.engine.cluster.ResourceChange;
import dev.capstan.engine.cluster.ResourceKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link ChangeListener} that turns a changed or deleted managed object into "owner X needs a
 * look": it reads the owner from the object's mark and hands the owner's name to a callback,
 * typically a controller's work queue. This is how drift made by hand ({@code kubectl scale},
 * {@code kubectl delete}) reaches the right application within about a second.
 *
 * <p>Changes that only touch status and server-maintained metadata are dropped, so a Deployment
 * rolling out does not trigger a sync on every status update. The callback runs on the cache's
 * event thread and must return quickly.
 *
 * @param ownerOf reads the owner's name from an object, empty when it has no owner of this kind
 * @param enqueue receives the owner's name and the changed object's key
 */
public record OwnerChangeRouter(
    Function<GenericKubernetesResource, Optional<String>> ownerOf, Enqueue enqueue)
    implements ChangeListener {

  /** Receives a routed change. */
  @FunctionalInterface
  public interface Enqueue {
    /** {@code owner}'s object {@code key} changed or was deleted. */
    void changed(String owner, ResourceKey key);
  }

  public OwnerChangeRouter {
    Objects.requireNonNull(ownerOf, "ownerOf");
    Objects.requireNonNull(enqueue, "enqueue");
  }

  /** Routes by Argo CD tracking id to the application name it names. */
  public static OwnerChangeRouter byTrackingId(Enqueue enqueue) {
    return new OwnerChangeRouter(OwnerChangeRouter::trackingIdOwner, enqueue);
  }

  /**
   * The application an object's Argo CD tracking id names, when the id describes this very object
   * (a copied annotation does not count); the same name {@link TrackingIdOwnership#indexKey} gives.
   */
  public static Optional<String> trackingIdOwner(GenericKubernetesResource o) {
    return TrackingIdOwnership.trackingId(o)
        .filter(id -> id.matches(ResourceKey.of(o)))
        .map(TrackingId::application);
  }

  /** Routes by Flux's Kustomization labels to {@code namespace/name} of the Kustomization. */
  public static OwnerChangeRouter byFluxLabels(Enqueue enqueue) {
    return new OwnerChangeRouter(
        o -> {
          Map<String, String> labels = o.getMetadata() == null ? null : o.getMetadata().getLabels();
          if (labels == null) {
            return Optional.empty();
          }
          String name = labels.get("kustomize.toolkit.fluxcd.io/name");
          String namespace = labels.get("kustomize.toolkit.fluxcd.io/namespace");
          return name == null || namespace == null
              ? Optional.empty()
              : Optional.of(namespace + "/" + name);
        },
        enqueue);
  }

  @Override
  public void onChange(ResourceChange change) {
    if (!change.meaningful()) {
      return;
    }
    // A change may move an object from one owner to another: both need to look.
    change.before().flatMap(ownerOf).ifPresent(owner -> enqueue.changed(owner, change.key()));
    change
        .after()
        .flatMap(ownerOf)
        .filter(owner -> change.before().flatMap(ownerOf).map(b -> !b.equals(owner)).orElse(true))
        .ifPresent(owner -> enqueue.changed(owner, change.key()));
  }
}
