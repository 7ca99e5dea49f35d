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
 * Flux's {@code GitRepository} ({@code source.toolkit.fluxcd.io/v1}): a Git repository watched at
 * an interval, whose resolved revision is published as an {@link Artifact} for Kustomizations.
 *
 * <p>Not thread-safe, like every fabric8 resource object; spec and status values are immutable.
 */
@Group(GitRepository.GROUP)
@Version(GitRepository.VERSION)
@Kind(GitRepository.KIND)
@Plural("gitrepositories")
@Singular("gitrepository")
@ShortNames("gitrepo")
public class GitRepository extends CustomResource<GitRepositorySpec, GitRepositoryStatus>
    implements Namespaced {

  /** The API group of Flux's source resources. */
  public static final String GROUP = "source.toolkit.fluxcd.io";

  /** The API version Capstan serves for Flux's source resources. */
  public static final String VERSION = "v1";

  /** The kind, as a Kustomization's {@code sourceRef.kind} names it. */
  public static final String KIND = "GitRepository";
}
