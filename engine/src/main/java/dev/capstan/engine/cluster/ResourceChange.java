package dev.capstan.engine.cluster;

import dev.capstan.kustomize.resource.Gvk;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Objects;
import java.util.Optional;

/**
 * One observed change of a watched object.
 *
 * @param type what happened
 * @param gvk the watched group/version/kind the change was seen through
 * @param key the object's identity
 * @param before the object before the change; empty for {@link Type#ADDED}
 * @param after the object after the change; empty for {@link Type#DELETED}
 * @param meaningful false when only server-maintained fields changed ({@code status}, {@code
 *     metadata.resourceVersion}, {@code metadata.managedFields}, {@code metadata.generation}): a
 *     listener looking for drift may ignore such changes
 */
public record ResourceChange(
    Type type,
    Gvk gvk,
    ResourceKey key,
    Optional<GenericKubernetesResource> before,
    Optional<GenericKubernetesResource> after,
    boolean meaningful) {

  /** The kind of change. */
  public enum Type {
    /** The object appeared (also reported for every object when a watch starts). */
    ADDED,
    /** The object changed. */
    UPDATED,
    /** The object is gone. */
    DELETED
  }

  public ResourceChange {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(gvk, "gvk");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }

  /** The object as it is now, or as it was last seen when deleted. */
  public GenericKubernetesResource object() {
    return after.or(() -> before).orElseThrow();
  }

  @Override
  public String toString() {
    return type + " " + key + (meaningful ? "" : " (status only)");
  }
}
