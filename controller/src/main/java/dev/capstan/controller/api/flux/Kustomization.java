package dev.capstan.controller.api.flux;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Flux's {@code Kustomization} ({@code kustomize.toolkit.fluxcd.io/v1}): a path in a source's
 * artifact, built with Kustomize and applied at an interval, with pruning through an inventory.
 *
 * <p>Not to be confused with Kustomize's own {@code kustomization.yaml} ({@code
 * kustomize.config.k8s.io}). Not thread-safe, like every fabric8 resource object; spec and status
 * values are immutable.
 */
@Group(Kustomization.GROUP)
@Version(Kustomization.VERSION)
@Kind("Kustomization")
@Plural("kustomizations")
@Singular("kustomization")
@ShortNames("ks")
public class Kustomization extends CustomResource<KustomizationSpec, KustomizationStatus>
    implements Namespaced {

  /** The API group of Flux's Kustomization. */
  public static final String GROUP = "kustomize.toolkit.fluxcd.io";

  /** The API version Capstan serves for Flux's Kustomization. */
  public static final String VERSION = "v1";

  /** Flux's finalizer: while it is on a Kustomization, deleting it first prunes what it applied. */
  public static final String FINALIZER = "finalizers.fluxcd.io";
}
