package dev.capstan.engine.inventory;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * How one owner (an Argo CD Application, a Flux Kustomization) marks the objects it applies and
 * recognises them later.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface Ownership {

  /** The owner for messages, e.g. {@code application guestbook}. */
  String owner();

  /** A copy of {@code desired} carrying this owner's mark; the argument is not changed. */
  GenericKubernetesResource mark(GenericKubernetesResource desired);

  /** Whose the live object is according to its marks. */
  Claim claimOf(GenericKubernetesResource live);

  /**
   * The owner's name as a cluster cache indexes marked objects by it ({@link
   * dev.capstan.engine.cluster.ClusterCache#ownedBy}), when this kind of mark is indexed; empty
   * otherwise.
   */
  default java.util.Optional<String> indexKey() {
    return java.util.Optional.empty();
  }
}
