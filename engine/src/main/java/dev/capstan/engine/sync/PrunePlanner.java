package dev.capstan.engine.sync;

import dev.capstan.engine.cluster.ResourceKey;
import dev.capstan.engine.inventory.Claim;
import dev.capstan.engine.inventory.Ownership;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Decides which live objects that left the desired set are deleted. An object is deleted only when
 * all of these hold:
 *
 * <ol>
 *   <li>it carries this owner's mark ({@link Ownership#claimOf}) — an object Capstan did not
 *       create, or that another owner claims, is never deleted, whatever an inventory says;
 *   <li>it is not already being deleted;
 *   <li>it does not opt out ({@code argocd.argoproj.io/sync-options: Prune=false}, Flux's {@code
 *       kustomize.toolkit.fluxcd.io/prune: disabled});
 *   <li>pruning is on ({@link SyncOptions#prune()});
 *   <li>the desired set is not empty, unless {@link SyncOptions#allowEmpty()}.
 * </ol>
 *
 * <p>Decisions come in delete order: reverse {@link KindOrder} (workloads before the config they
 * use, namespaces last), with {@code PruneLast} objects after all others. Objects not carrying our
 * mark produce no decision at all. Pure.
 */
public final class PrunePlanner {

  private PrunePlanner() {}

  /**
   * Plans the prune of {@code candidates} (live objects found through the previous inventory or the
   * cluster cache) against the keys still desired.
   */
  public static List<PruneDecision> plan(
      Set<ResourceKey> desired,
      Collection<GenericKubernetesResource> candidates,
      Ownership ownership,
      SyncOptions options) {
    List<PruneDecision> out = new ArrayList<>();
    for (GenericKubernetesResource live : candidates) {
      ResourceKey key = ResourceKey.of(live);
      if (desired.contains(key) || !(ownership.claimOf(live) instanceof Claim.Ours)) {
        continue;
      }
      ResourceSyncOptions annotations = ResourceSyncOptions.of(live);
      if (live.getMetadata().getDeletionTimestamp() != null) {
        out.add(PruneDecision.keep(key, live, "already being deleted"));
      } else if (annotations.pruneDisabled()) {
        out.add(PruneDecision.keep(key, live, "ignored (Prune=false)"));
      } else if (!options.prune()) {
        out.add(PruneDecision.keep(key, live, "ignored (requires pruning)"));
      } else if (desired.isEmpty() && !options.allowEmpty()) {
        out.add(
            PruneDecision.keep(
                key, live, "not pruned: the desired set is empty and allowEmpty is off"));
      } else {
        boolean last = options.pruneLast() || annotations.pruneLast();
        out.add(new PruneDecision(key, live, true, last, ""));
      }
    }
    out.sort(
        Comparator.comparing(PruneDecision::last)
            .thenComparing(d -> -KindOrder.rank(d.key().kind()))
            .thenComparing(PruneDecision::key));
    return List.copyOf(out);
  }
}
