/**
 * Making the cluster match Git: apply in order with server-side apply, then prune.
 *
 * <h2>Inputs and outputs</h2>
 *
 * The {@link dev.capstan.engine.sync.Syncer} takes an {@link
 * dev.capstan.engine.inventory.Ownership} (who is syncing: an Argo CD Application marks objects
 * with its tracking id, a Flux Kustomization with its labels), the desired objects as fabric8
 * {@code GenericKubernetesResource}s, the {@link dev.capstan.engine.inventory.Inventory} the last
 * sync returned, and {@link dev.capstan.engine.sync.SyncOptions}. It returns a {@link
 * dev.capstan.engine.sync.SyncResult}: a {@link dev.capstan.engine.sync.ChangeSet} with one {@link
 * dev.capstan.engine.sync.Action} per object in the order taken, the {@link
 * dev.capstan.engine.diff.DiffResult} it decided by, the next inventory and warnings. It never
 * knows a CRD of Capstan's own; the dialects translate their specs into these values.
 *
 * <h2>Steps</h2>
 *
 * <ol>
 *   <li><b>Create namespace.</b> With {@code createNamespace} the target namespace is created when
 *       missing. It is not marked as owned and is never pruned.
 *   <li><b>Prepare.</b> Every desired object's kind is resolved through discovery, or through a CRD
 *       in the same desired set; namespaced objects without a namespace get the target namespace;
 *       every object gets the owner's mark. Unresolvable kinds and duplicates fail here.
 *   <li><b>Order.</b> Objects are grouped by {@code argocd.argoproj.io/sync-wave} (default 0,
 *       lowest first). A Namespace is pulled into the earliest wave of the objects in it, a CRD
 *       into the earliest wave of its custom resources. Within a wave, Namespaces and CRDs are
 *       applied first; the sync then waits until each applied CRD is {@code Established} and
 *       refreshes discovery; then the rest follows in {@link dev.capstan.engine.sync.KindOrder}
 *       (ServiceAccounts, Secrets, ConfigMaps, storage, RBAC, Services, workloads, Ingresses,
 *       unknown kinds last), then namespace and name.
 *   <li><b>Apply.</b> For each object: read the live object; if another owner's mark is on it, skip
 *       it with a warning (two applications claiming one object never overwrite each other back and
 *       forth); otherwise compare through a server-side apply dry run and apply only when something
 *       would change ({@code Unchanged} otherwise). Applies use field manager {@code capstan} and
 *       force conflicts, like Flux and Argo CD's {@code ServerSideApply=true}: a field someone
 *       edited by hand is taken back, which is what correcting drift means. A wave with a failure
 *       stops the sync: later waves are skipped. Between waves a {@link
 *       dev.capstan.engine.sync.WaveGate} may hold the next wave back until this one is ready
 *       ({@link dev.capstan.engine.sync.HealthWaveGate}); with {@code respectIgnoreDifferences}
 *       ignored fields are applied with their live values.
 *   <li><b>Prune.</b> Candidates are the previous inventory's objects no longer desired, plus (when
 *       a {@link dev.capstan.engine.cluster.ClusterCache} is given) watched objects that carry the
 *       owner's mark. {@link dev.capstan.engine.sync.PrunePlanner} deletes only objects that carry
 *       the owner's mark, are not opted out ({@code Prune=false}), with {@code prune} on, and never
 *       all objects because the desired set came out empty (unless {@code allowEmpty}). Nothing is
 *       pruned after any failure. Deletion runs in reverse kind order, {@code PruneLast} objects
 *       last, with background propagation.
 * </ol>
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li>Idempotent: syncing the same set twice sends no write the second time.
 *   <li>A dry run ({@code dryRun}) reads and dry-run-applies but writes nothing; its change set
 *       says what would happen, with message {@code dry run}.
 *   <li>Per-object failures are {@code Failed} entries, never exceptions; only malformed input
 *       ({@link IllegalArgumentException}) and discovery failures ({@link
 *       dev.capstan.engine.cluster.ClusterException}) are thrown.
 *   <li>Secret values never appear in results: diffs mask them.
 * </ul>
 *
 * <p>Differences from Argo CD, on purpose: prunes run after all waves (Argo CD prunes within the
 * wave of the pruned object), objects already in sync are not re-applied (Argo CD's {@code
 * ApplyOutOfSyncOnly}, Flux's default), waiting for health between waves is opt-in and bounded, and
 * hooks are not supported.
 */
package dev.capstan.engine.sync;
