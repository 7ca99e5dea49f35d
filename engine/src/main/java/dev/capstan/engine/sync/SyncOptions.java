package dev.capstan.engine.sync;

import dev.capstan.engine.diff.DiffOptions;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import java.time.Duration;
import java.util.Objects;

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
    DiffOptions diffOptions) {

  public SyncOptions {
    targetNamespace = targetNamespace == null ? "" : targetNamespace;
    Objects.requireNonNull(prunePropagation, "prunePropagation");
    Objects.requireNonNull(waitTimeout, "waitTimeout");
    Objects.requireNonNull(diffOptions, "diffOptions");
  }

  /**
   * No prune, no dry run, no target namespace, no namespace creation, empty sets never prune, no
   * RespectIgnoreDifferences, background prune propagation, conflicts forced, no re-creation, 30 s
   * for CRDs, default diff options.
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
        DiffOptions.defaults());
  }

  /** The field manager applies use. */
  public String fieldManager() {
    return diffOptions.fieldManager();
  }

  public SyncOptions withPrune(boolean value) {
    return new SyncOptions(
        value,
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
        diffOptions);
  }

  public SyncOptions withDryRun(boolean value) {
    return new SyncOptions(
        prune,
        value,
        targetNamespace,
        createNamespace,
        allowEmpty,
        pruneLast,
        prunePropagation,
        respectIgnoreDifferences,
        forceConflicts,
        recreateOnImmutable,
        waitTimeout,
        diffOptions);
  }

  public SyncOptions withTargetNamespace(String value) {
    return new SyncOptions(
        prune,
        dryRun,
        value,
        createNamespace,
        allowEmpty,
        pruneLast,
        prunePropagation,
        respectIgnoreDifferences,
        forceConflicts,
        recreateOnImmutable,
        waitTimeout,
        diffOptions);
  }

  public SyncOptions withCreateNamespace(boolean value) {
    return new SyncOptions(
        prune,
        dryRun,
        targetNamespace,
        value,
        allowEmpty,
        pruneLast,
        prunePropagation,
        respectIgnoreDifferences,
        forceConflicts,
        recreateOnImmutable,
        waitTimeout,
        diffOptions);
  }

  public SyncOptions withAllowEmpty(boolean value) {
    return new SyncOptions(
        prune,
        dryRun,
        targetNamespace,
        createNamespace,
        value,
        pruneLast,
        prunePropagation,
        respectIgnoreDifferences,
        forceConflicts,
        recreateOnImmutable,
        waitTimeout,
        diffOptions);
  }

  public SyncOptions withPruneLast(boolean value) {
    return new SyncOptions(
        prune,
        dryRun,
        targetNamespace,
        createNamespace,
        allowEmpty,
        value,
        prunePropagation,
        respectIgnoreDifferences,
        forceConflicts,
        recreateOnImmutable,
        waitTimeout,
        diffOptions);
  }

  public SyncOptions withPrunePropagation(DeletionPropagation value) {
    return new SyncOptions(
        prune,
        dryRun,
        targetNamespace,
        createNamespace,
        allowEmpty,
        pruneLast,
        value,
        respectIgnoreDifferences,
        forceConflicts,
        recreateOnImmutable,
        waitTimeout,
        diffOptions);
  }

  public SyncOptions withRespectIgnoreDifferences(boolean value) {
    return new SyncOptions(
        prune,
        dryRun,
        targetNamespace,
        createNamespace,
        allowEmpty,
        pruneLast,
        prunePropagation,
        value,
        forceConflicts,
        recreateOnImmutable,
        waitTimeout,
        diffOptions);
  }

  public SyncOptions withForceConflicts(boolean value) {
    return new SyncOptions(
        prune,
        dryRun,
        targetNamespace,
        createNamespace,
        allowEmpty,
        pruneLast,
        prunePropagation,
        respectIgnoreDifferences,
        value,
        recreateOnImmutable,
        waitTimeout,
        diffOptions);
  }

  public SyncOptions withRecreateOnImmutable(boolean value) {
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
        value,
        waitTimeout,
        diffOptions);
  }

  public SyncOptions withWaitTimeout(Duration value) {
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
        value,
        diffOptions);
  }

  public SyncOptions withDiffOptions(DiffOptions value) {
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
        value);
  }
}
