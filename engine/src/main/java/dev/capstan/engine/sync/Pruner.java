package dev.capstan.engine.sync;

import dev.capstan.engine.cluster.ApiResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Deletes one object the {@link PrunePlanner} decided to prune, with the propagation policy of the
 * options (background by default: the garbage collector removes dependents such as ReplicaSets and
 * Pods afterwards, as with Flux).
 */
final class Pruner {

  private final KubernetesClient client;

  Pruner(KubernetesClient client) {
    this.client = client;
  }

  /** Deletes (or, in a dry run, does not) and reports the change. Never throws. */
  Change prune(PruneDecision decision, ApiResource type, SyncOptions options) {
    if (!decision.delete()) {
      return new Change(decision.key(), Action.SKIPPED, decision.reason());
    }
    if (options.dryRun()) {
      return new Change(decision.key(), Action.DELETED, "dry run");
    }
    var op = client.genericKubernetesResources(type.context());
    try {
      var target =
          type.namespaced()
              ? op.inNamespace(decision.key().namespace()).withName(decision.key().name())
              : op.withName(decision.key().name());
      target.withPropagationPolicy(options.prunePropagation()).delete();
      return Change.of(decision.key(), Action.DELETED);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return new Change(decision.key(), Action.DELETED, "already gone");
      }
      return new Change(
          decision.key(),
          Action.FAILED,
          decision.key() + " prune failed (HTTP " + e.getCode() + "): " + e.getMessage());
    }
  }
}
