package dev.capstan.engine.sync;

import dev.capstan.engine.cluster.ApiResource;
import dev.capstan.engine.cluster.ObjectTrees;
import dev.capstan.engine.cluster.ResourceKey;
import dev.capstan.engine.cluster.ResourceOperationException;
import dev.capstan.engine.diff.Differ;
import dev.capstan.engine.diff.LiveSource;
import dev.capstan.engine.diff.LiveValuesKeeper;
import dev.capstan.engine.diff.ObjectComparator;
import dev.capstan.engine.diff.ResourceDiff;
import dev.capstan.engine.diff.ServerSideDryRun;
import dev.capstan.engine.inventory.Claim;
import dev.capstan.engine.inventory.Ownership;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;

/**
 * Applies one desired object with server-side apply, after checking who owns it and whether
 * anything would change:
 *
 * <ol>
 *   <li>an object another owner claims is not applied ({@link Action#SKIPPED} with a warning), so
 *       two applications never overwrite each other back and forth;
 *   <li>an object whose dry run matches the live one is not sent ({@link Action#UNCHANGED});
 *   <li>otherwise it is applied with the sync's field manager, forcing conflicts when the options
 *       say so ({@link Action#CREATED} or {@link Action#CONFIGURED}); a dry run stops before this,
 *       after letting the server validate a would-be creation.
 * </ol>
 *
 * With {@code respectIgnoreDifferences} the ignored fields are sent with their live values; with
 * {@code recreateOnImmutable} a change refused as immutable deletes and re-creates the object.
 *
 * <p>An object without any mark is adopted: applying adds our mark, as Argo CD and Flux do.
 */
final class ObjectApplier {

  /**
   * The change and the comparison made for one object, and the object as the server last returned
   * it (the apply's response, or the live object when nothing was sent; empty otherwise).
   */
  record Applied(
      Change change, Optional<ResourceDiff> diff, Optional<GenericKubernetesResource> observed) {
    Applied(Change change, Optional<ResourceDiff> diff) {
      this(change, diff, Optional.empty());
    }
  }

  private final KubernetesClient client;
  private final ServerSideDryRun dryRun;
  private final Differ differ;

  /**
   * An applier whose {@link Differ} re-reads with {@code reader} an object whose dry run shows it
   * changed after the caller's read (the caller may read from a watch cache).
   */
  ObjectApplier(KubernetesClient client, ServerSideDryRun dryRun, LiveReader reader) {
    this.client = client;
    this.dryRun = dryRun;
    this.differ = new Differ(dryRun, reader::get);
  }

  /**
   * Applies {@code desired}, whose type is known, reading its live copy from {@code source}. Never
   * throws for a per-object failure.
   */
  Applied apply(
      DesiredObject desired,
      ApiResource type,
      Ownership ownership,
      SyncOptions options,
      LiveSource source) {
    ResourceKey key = desired.key();
    try {
      Optional<GenericKubernetesResource> live = source.read(key, type);
      if (live.isPresent() && ownership.claimOf(live.get()) instanceof Claim.Other other) {
        return new Applied(
            new Change(
                key,
                Action.SKIPPED,
                "shared resource: also claimed by "
                    + other.owner()
                    + "; not applied so that the two do not overwrite each other"),
            Optional.empty());
      }
      GenericKubernetesResource object =
          live.isPresent() && options.respectIgnoreDifferences()
              ? LiveValuesKeeper.keep(desired.object(), live.get(), options.diffOptions())
              : desired.object();
      ResourceDiff diff;
      try {
        diff = differ.diff(object, live, type, options.diffOptions());
      } catch (ResourceOperationException e) {
        if (live.isEmpty()
            || !options.recreateOnImmutable()
            || !Recreator.isImmutableFieldError(e)) {
          throw e;
        }
        return recreate(key, object, live.get(), type, options);
      }
      if (diff.inSync()) {
        return new Applied(Change.of(key, Action.UNCHANGED), Optional.of(diff), live);
      }
      Action action = live.isPresent() ? Action.CONFIGURED : Action.CREATED;
      if (options.dryRun()) {
        if (live.isEmpty()) {
          validateCreate(object, type, options);
        }
        return new Applied(new Change(key, action, "dry run"), Optional.of(diff));
      }
      GenericKubernetesResource applied = serverSideApply(object, type, options);
      return new Applied(Change.of(key, action), Optional.of(diff), Optional.ofNullable(applied));
    } catch (ResourceOperationException e) {
      return new Applied(new Change(key, Action.FAILED, e.getMessage()), Optional.empty());
    } catch (IllegalArgumentException e) {
      return new Applied(
          new Change(
              key, Action.FAILED, key + " diff failed (invalid ignore rule): " + e.getMessage()),
          Optional.empty());
    }
  }

  /** Re-creates an object whose change touches an immutable field (no server prediction exists). */
  private Applied recreate(
      ResourceKey key,
      GenericKubernetesResource object,
      GenericKubernetesResource live,
      ApiResource type,
      SyncOptions options) {
    ResourceDiff diff =
        ObjectComparator.compare(
            key, ObjectTrees.toJson(object), ObjectTrees.toJson(live), options.diffOptions());
    if (options.dryRun()) {
      return new Applied(
          new Change(
              key, Action.CONFIGURED, "dry run: would be re-created (an immutable field changed)"),
          Optional.of(diff));
    }
    new Recreator(client, this).recreate(object, type, options, options.waitTimeout());
    return new Applied(
        new Change(key, Action.CONFIGURED, "re-created: an immutable field changed"),
        Optional.of(diff));
  }

  /**
   * Lets the server validate a would-be creation in a dry run. A 404 (its namespace is created by
   * the same sync) is no error; anything else is.
   */
  private void validateCreate(
      GenericKubernetesResource object, ApiResource type, SyncOptions options) {
    try {
      dryRun.preview(object, type, options.fieldManager());
    } catch (ResourceOperationException e) {
      if (e.httpStatus() != 404) {
        throw e;
      }
    }
  }

  /** The outcome for an object whose type is served only once its CRD is applied (dry runs). */
  static Applied wouldCreate(DesiredObject desired, SyncOptions options) {
    ResourceDiff diff =
        ObjectComparator.compare(
            desired.key(), ObjectTrees.toJson(desired.object()), null, options.diffOptions());
    return new Applied(new Change(desired.key(), Action.CREATED, "dry run"), Optional.of(diff));
  }

  /** Sends one apply; the caller has checked ownership. */
  GenericKubernetesResource serverSideApply(
      GenericKubernetesResource object, ApiResource type, SyncOptions options) {
    var op = client.genericKubernetesResources(type.context());
    var resource =
        type.namespaced()
            ? op.inNamespace(object.getMetadata().getNamespace()).resource(object)
            : op.resource(object);
    try {
      var apply = resource.fieldManager(options.fieldManager());
      return options.forceConflicts()
          ? apply.forceConflicts().serverSideApply()
          : apply.serverSideApply();
    } catch (KubernetesClientException e) {
      throw ResourceOperationException.of(ResourceKey.of(object), "apply", e);
    }
  }
}
