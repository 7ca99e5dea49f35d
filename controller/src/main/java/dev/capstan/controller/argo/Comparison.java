package dev.capstan.controller.argo;

import dev.capstan.controller.api.argo.ApplicationStatus.ResourceStatus;
import dev.capstan.engine.render.SourceType;
import dev.capstan.engine.sync.SyncResult;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;

/**
 * The outcome of comparing Git with the cluster for one Application.
 *
 * @param revisions resolved commit of each source
 * @param types source type of each rendered source
 * @param desired rendered objects
 * @param preview the dry-run sync: what a sync would do, and the diff
 * @param resources per-resource status (sync and health) in Argo CD's shape
 * @param synced true when every resource that counts is in sync
 */
record Comparison(
    List<String> revisions,
    List<SourceType> types,
    List<GenericKubernetesResource> desired,
    SyncResult preview,
    List<ResourceStatus> resources,
    boolean synced) {

  Comparison {
    revisions = List.copyOf(revisions);
    types = List.copyOf(types);
    desired = List.copyOf(desired);
    resources = List.copyOf(resources);
  }

  /**
   * The comparison after a sync of the same desired objects, without asking the cluster again: an
   * object the sync created, configured or found unchanged now matches Git (the server answered its
   * apply with the object as desired), a pruned one is gone, and every other row (failed, skipped,
   * left for pruning) stays as it was compared. Something changing an object after the apply shows
   * on the next comparison.
   */
  Comparison afterSync(SyncResult result) {
    java.util.Map<dev.capstan.engine.cluster.ResourceKey, dev.capstan.engine.sync.Action> actions =
        new java.util.HashMap<>();
    result.changes().changes().forEach(c -> actions.put(c.key(), c.action()));
    List<ResourceStatus> rows = new java.util.ArrayList<>();
    for (ResourceStatus r : resources) {
      var key =
          new dev.capstan.engine.cluster.ResourceKey(r.group(), r.kind(), r.namespace(), r.name());
      dev.capstan.engine.sync.Action action = actions.get(key);
      if (action == null) {
        rows.add(r);
        continue;
      }
      switch (action) {
        case CREATED, CONFIGURED, UNCHANGED ->
            rows.add(
                ResourceStatuses.row(key, r.version(), ResourceStatuses.SYNCED, false, r.health()));
        case DELETED -> {}
        case SKIPPED, FAILED -> rows.add(r);
      }
    }
    return new Comparison(revisions, types, desired, preview, rows, ResourceStatuses.synced(rows));
  }

  /** The shared-resource warnings of the preview. */
  List<String> sharedWarnings() {
    return preview.warnings();
  }
}
