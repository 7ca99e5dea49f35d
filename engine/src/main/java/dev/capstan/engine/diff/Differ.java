package dev.capstan.engine.diff;

import dev.capstan.engine.cluster.ApiResource;
import dev.capstan.engine.cluster.ObjectTrees;
import dev.capstan.engine.cluster.ResourceKey;
import dev.capstan.engine.cluster.ResourceOperationException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Optional;

/**
 * The diff facade: compares one desired object with its live counterpart the way a sync would
 * change it. An existing object is compared through a server-side apply dry run ({@link
 * ServerSideDryRun}); a missing one is reported {@link DiffStatus#MISSING} without asking the
 * server (its namespace or CRD may not exist yet); a live object that is no longer desired is
 * {@link DiffStatus#EXTRA}.
 *
 * <p>Thread-safe; reads only.
 */
public final class Differ {

  private final ServerSideDryRun dryRun;

  public Differ(ServerSideDryRun dryRun) {
    this.dryRun = dryRun;
  }

  /**
   * Compares {@code desired} (already carrying its ownership mark and namespace) with {@code
   * live}.
   *
   * @throws ResourceOperationException when the dry run is rejected
   * @throws IllegalArgumentException when an ignore rule is invalid
   */
  public ResourceDiff diff(
      GenericKubernetesResource desired,
      Optional<GenericKubernetesResource> live,
      ApiResource type,
      DiffOptions options) {
    ResourceKey key = ResourceKey.of(desired);
    if (live.isEmpty()) {
      return ObjectComparator.compare(key, ObjectTrees.toJson(desired), null, options);
    }
    GenericKubernetesResource predicted = dryRun.preview(desired, type, options.fieldManager());
    return ObjectComparator.compare(
        key, ObjectTrees.toJson(predicted), ObjectTrees.toJson(live.get()), options);
  }

  /** The entry for a live object that is ours but no longer desired. */
  public static ResourceDiff extra(GenericKubernetesResource live, DiffOptions options) {
    return ObjectComparator.compare(ResourceKey.of(live), null, ObjectTrees.toJson(live), options);
  }
}
