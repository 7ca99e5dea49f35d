package dev.capstan.engine.sync;

import dev.capstan.engine.diff.DiffOptions;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a sync behaves. Immutable; start from {@link #defaults()} and change what differs: {@code
 * SyncOptions.defaults().withPrune(true).withTargetNamespace("prod")}.
 *
 * @param prune delete objects that left the desired set (Argo CD {@code prune}, Flux {@code
 *     spec.prune}); off by default, as in Argo CD
 * @param dryRun compare and plan, change nothing; the change set says what would happen
 * @param targetNamespace namespace given to namespaced objects that have none (Argo CD's
 *     destination namespace, Flux's {@code targetNamespace}); empty leaves them as they are
 * @param createNamespace create {@code targetNamespace} when missing (Argo CD {@code
 *     CreateNamespace=true}); the namespace is not marked as owned and never pruned
 * @param allowEmpty allow a sync whose desired set is empty to prune everything it owns; without it
 *     an empty desired set prunes nothing, because an empty render is far more often a mistake (a
 *     wrong path, a broken generator) than a wish to delete an application
 * @param pruneLast prune only after everything else was applied (Argo CD {@code PruneLast=true} for
 *     the whole sync; objects may also ask for it by annotation)
 * @param prunePropagation how pruned objects' dependents are deleted (Argo CD {@code
 *     PrunePropagationPolicy}); {@code Background} by default, as Flux does: the garbage collector
 *     removes dependents after the owner is gone
 * @param respectIgnoreDifferences apply ignored fields with their live values (Argo CD {@code
 *     RespectIgnoreDifferences=true}), so that a sync made for another reason does not reset them;
 *     off by default, as in Argo CD
 * @param forceConflicts take over fields another field manager owns, as Argo CD's server-side apply
 *     and Flux do; on by default, otherwise the first {@code kubectl edit} of a field would stop
 *     Capstan from ever correcting it
 * @param recreateOnImmutable delete and re-create an object when the server refuses a change
 *     because a field is immutable (Flux {@code spec.force}); off by default, because re-creating
 *     means downtime and, for a PersistentVolumeClaim, data loss
 * @param waitTimeout how long to wait for an applied CRD to become Established before its custom
 *     resources are applied, and for a deleted object to disappear before it is re-created
 * @param diffOptions field manager and ignore rules; the field manager is also the one applies use
 *     ({@value DiffOptions#FIELD_MANAGER} by default)
 * @param applyConcurrency how many objects of one wave, after its Namespaces and CRDs, are applied
 *     at the same time (Flux's {@code --concurrent-ssa}); 1 by default: one after the other, in
 *     kind order. The change set keeps the kind order either way
 */
public record SyncOptions(
    boolean prune,
    boolean dryRun,
    String targetNamespace,
    boolean createNamespace,
    boolean allowEmpty,
    boolean pruneLast,
    DeletionPropagation prunePropagation,
    boolean respectIgnoreDifferences,
    boolean forceConflicts,
    boolean recreateOnImmutable,
    Duration waitTimeout,
    DiffOptions diffOptions,
    int applyConcurrency) {

  public SyncOptions {
    targetNamespace = targetNamespace == null ? "" : targetNamespace;
    Objects.requireNonNull(prunePropagation, "prunePropagation");
    Objects.requireNonNull(waitTimeout, "waitTimeout");
    Objects.requireNonNull(diffOptions, "diffOptions");
    if (applyConcurrency < 1) {
      throw new IllegalArgumentException(
          "applyConcurrency must be at least 1: " + applyConcurrency);
    }
  }

  /**
   * No prune, no dry run, no target namespace, no namespace creation, empty sets never prune, no
   * RespectIgnoreDifferences, background prune propagation, conflicts forced, no re-creation, 30 s
   * for CRDs, default diff options, one apply at a time.
   */
  public static SyncOptions defaults() {
    return new SyncOptions(
        false,
        false,
        "",
        false,
        false,
        false,
        DeletionPropagation.BACKGROUND,
        false,
        true,
        false,
        Duration.ofSeconds(30),
        DiffOptions.defaults(),
        1);
  }

  /** The field manager applies use. */
  public String fieldManager() {
    return diffOptions.fieldManager();
  }

  public SyncOptions withPrune(boolean value) {
    return with(b -> b.prune = value);
  }

  public SyncOptions withDryRun(boolean value) {
    return with(b -> b.dryRun = value);
  }

  public SyncOptions withTargetNamespace(String value) {
    return with(b -> b.targetNamespace = value);
  }

  public SyncOptions withCreateNamespace(boolean value) {
    return with(b -> b.createNamespace = value);
  }

  public SyncOptions withAllowEmpty(boolean value) {
    return with(b -> b.allowEmpty = value);
  }

  public SyncOptions withPruneLast(boolean value) {
    return with(b -> b.pruneLast = value);
  }

  public SyncOptions withPrunePropagation(DeletionPropagation value) {
    return with(b -> b.prunePropagation = value);
  }

  public SyncOptions withRespectIgnoreDifferences(boolean value) {
    return with(b -> b.respectIgnoreDifferences = value);
  }

  public SyncOptions withForceConflicts(boolean value) {
    return with(b -> b.forceConflicts = value);
  }

  public SyncOptions withRecreateOnImmutable(boolean value) {
    return with(b -> b.recreateOnImmutable = value);
  }

  public SyncOptions withWaitTimeout(Duration value) {
    return with(b -> b.waitTimeout = value);
  }

  public SyncOptions withDiffOptions(DiffOptions value) {
    return with(b -> b.diffOptions = value);
  }

  public SyncOptions withApplyConcurrency(int value) {
    return with(b -> b.applyConcurrency = value);
  }

  /** A copy of these options with {@code change} made to it; the one place every wither uses. */
  private SyncOptions with(Consumer<Builder> change) {
    Builder b = new Builder(this);
    change.accept(b);
    return b.build();
  }

  /** The components of a copy in the making; {@link #build()} checks them. */
  private static final class Builder {
    boolean prune;
    boolean dryRun;
    String targetNamespace;
    boolean createNamespace;
    boolean allowEmpty;
    boolean pruneLast;
    DeletionPropagation prunePropagation;
    boolean respectIgnoreDifferences;
    boolean forceConflicts;
    boolean recreateOnImmutable;
    Duration waitTimeout;
    DiffOptions diffOptions;
    int applyConcurrency;

    Builder(SyncOptions o) {
      prune = o.prune;
      dryRun = o.dryRun;
      targetNamespace = o.targetNamespace;
      createNamespace = o.createNamespace;
      allowEmpty = o.allowEmpty;
      pruneLast = o.pruneLast;
      prunePropagation = o.prunePropagation;
      respectIgnoreDifferences = o.respectIgnoreDifferences;
      forceConflicts = o.forceConflicts;
      recreateOnImmutable = o.recreateOnImmutable;
      waitTimeout = o.waitTimeout;
      diffOptions = o.diffOptions;
      applyConcurrency = o.applyConcurrency;
    }

    SyncOptions build() {
      return new SyncOptions(
          prune,
          dryRun,
          targetNamespace,
          createNamespace,
          allowEmpty,
          pruneLast,
          prunePropagation,
          respectIgnoreDifferences,
          forceConflicts,
          recreateOnImmutable,
          waitTimeout,
          diffOptions,
          applyConcurrency);
    }
  }
}
