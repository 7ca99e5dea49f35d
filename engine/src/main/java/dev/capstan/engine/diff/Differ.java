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

  /** How often the live object is re-read when it changed between reading and the dry run. */
  static final int ATTEMPTS = 3;

  /** The dry run as a function, the seam unit tests replace. */
  @FunctionalInterface
  interface Preview {
    GenericKubernetesResource preview(
        GenericKubernetesResource desired, ApiResource type, String fieldManager);
  }

  private final Preview dryRun;
  private final LiveSource source;

  /**
   * A differ previewing with {@code dryRun}; {@code source} re-reads a live object that changed
   * between the caller's read and the dry run (a controller updating an annotation, say), so both
   * sides of a comparison are of the same resourceVersion.
   */
  public Differ(ServerSideDryRun dryRun, LiveSource source) {
    this(dryRun::preview, source);
  }

  Differ(Preview dryRun, LiveSource source) {
    this.dryRun = dryRun;
    this.source = source;
  }

  /**
   * Compares {@code desired} (already carrying its ownership mark and namespace) with {@code live}.
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
    GenericKubernetesResource current = live.get();
    GenericKubernetesResource predicted = dryRun.preview(desired, type, options.fieldManager());
    // A dry run keeps the resourceVersion of the object it started from: a different one means the
    // object changed after it was read, and the comparison would show someone else's change.
    for (int attempt = 1; attempt < ATTEMPTS && !sameVersion(predicted, current); attempt++) {
      Optional<GenericKubernetesResource> reread = source.read(key, type);
      if (reread.isEmpty()) {
        return ObjectComparator.compare(key, ObjectTrees.toJson(desired), null, options);
      }
      current = reread.get();
      if (!sameVersion(predicted, current)) {
        predicted = dryRun.preview(desired, type, options.fieldManager());
      }
    }
    return ObjectComparator.compare(
        key, ObjectTrees.toJson(predicted), ObjectTrees.toJson(current), options);
  }

  private static boolean sameVersion(GenericKubernetesResource a, GenericKubernetesResource b) {
    return java.util.Objects.equals(
        a.getMetadata().getResourceVersion(), b.getMetadata().getResourceVersion());
  }

  /** The entry for a live object that is ours but no longer desired. */
  public static ResourceDiff extra(GenericKubernetesResource live, DiffOptions options) {
    return ObjectComparator.compare(ResourceKey.of(live), null, ObjectTrees.toJson(live), options);
  }
}
