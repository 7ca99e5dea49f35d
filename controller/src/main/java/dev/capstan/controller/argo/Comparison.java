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

  /** The shared-resource warnings of the preview. */
  List<String> sharedWarnings() {
    return preview.warnings();
  }
}
