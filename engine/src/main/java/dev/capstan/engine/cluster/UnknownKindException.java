package dev.capstan.engine.cluster;

import dev.capstan.kustomize.resource.Gvk;

/**
 * The API server does not serve a group/version/kind. Transient: the CRD that serves it may be
 * established a moment later, or be applied by the same sync.
 */
public final class UnknownKindException extends ClusterException {

  private final transient Gvk gvk;

  public UnknownKindException(Gvk gvk) {
    super(
        "kind " + gvk + " is not served by the API server (no matching resource in discovery)",
        null);
    this.gvk = gvk;
  }

  /** The kind that was not found. */
  public Gvk gvk() {
    return gvk;
  }

  @Override
  public boolean isTransient() {
    return true;
  }
}
