package dev.capstan.engine.cluster;

import dev.capstan.kustomize.resource.Gvk;
import java.util.Optional;

/**
 * Resolves a group/version/kind to the REST resource that serves it. This is the seam between the
 * engine and API discovery: {@link DiscoveryResourceTypes} asks the server, {@link
 * StaticResourceTypes} answers from a table in tests.
 *
 * <p>Implementations are thread-safe.
 */
public interface ResourceTypes {

  /**
   * The resource serving {@code gvk}, or empty when the server does not serve it (yet). An
   * implementation backed by the server refreshes its knowledge of the group/version before it
   * answers empty, so a kind whose CRD was just established is found.
   */
  Optional<ApiResource> find(Gvk gvk);

  /** Forgets everything learnt, so the next lookups ask again (e.g. after a CRD changed). */
  void invalidate();

  /**
   * The resource serving {@code gvk}.
   *
   * @throws UnknownKindException when the server does not serve the kind
   */
  default ApiResource require(Gvk gvk) {
    return find(gvk).orElseThrow(() -> new UnknownKindException(gvk));
  }
}
