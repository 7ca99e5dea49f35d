package dev.capstan.engine.sync;

import dev.capstan.engine.cluster.ApiResource;
import dev.capstan.engine.cluster.ResourceKey;
import dev.capstan.engine.cluster.ResourceOperationException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;

/** Reads one live object straight from the API server (not a cache: a sync needs the latest). */
final class LiveReader {

  private final KubernetesClient client;

  LiveReader(KubernetesClient client) {
    this.client = client;
  }

  /**
   * The live object with {@code key}, or empty when it does not exist.
   *
   * @throws ResourceOperationException when the read fails
   */
  Optional<GenericKubernetesResource> get(ResourceKey key, ApiResource type) {
    var op = client.genericKubernetesResources(type.context());
    try {
      GenericKubernetesResource live =
          type.namespaced()
              ? op.inNamespace(key.namespace()).withName(key.name()).get()
              : op.withName(key.name()).get();
      return Optional.ofNullable(live);
    } catch (KubernetesClientException e) {
      throw ResourceOperationException.of(key, "get", e);
    }
  }
}
