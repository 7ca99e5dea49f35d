package dev.capstan.engine.diff;

import dev.capstan.engine.cluster.ApiResource;
import dev.capstan.engine.cluster.ResourceKey;
import dev.capstan.engine.cluster.ResourceOperationException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Asks the API server what an object would look like after a server-side apply, without changing
 * anything: {@code PATCH ?dryRun=All&fieldManager=<manager>&force=true} with an apply patch. The
 * answer includes defaults, admission mutations and the merge with fields other managers own, so
 * comparing it with the live object shows exactly what applying would change.
 */
public final class ServerSideDryRun {

  private final KubernetesClient client;

  public ServerSideDryRun(KubernetesClient client) {
    this.client = client;
  }

  /**
   * The object as it would be after applying {@code desired}.
   *
   * @throws ResourceOperationException when the server rejects the dry run
   */
  public GenericKubernetesResource preview(
      GenericKubernetesResource desired, ApiResource type, String fieldManager) {
    var op = client.genericKubernetesResources(type.context());
    var resource =
        type.namespaced()
            ? op.inNamespace(desired.getMetadata().getNamespace()).resource(desired)
            : op.resource(desired);
    try {
      return resource.dryRun().fieldManager(fieldManager).forceConflicts().serverSideApply();
    } catch (KubernetesClientException e) {
      throw ResourceOperationException.of(ResourceKey.of(desired), "dry-run apply", e);
    }
  }
}
