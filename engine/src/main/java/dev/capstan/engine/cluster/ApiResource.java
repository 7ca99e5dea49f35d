package dev.capstan.engine.cluster;

import dev.capstan.kustomize.resource.Gvk;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Objects;

/**
 * A REST resource served by the API server, as discovery describes it.
 *
 * @param gvk group, version and kind
 * @param plural the resource name in URLs, e.g. {@code deployments}
 * @param namespaced true when objects of the kind live in a namespace
 * @param verbs the verbs the server allows, e.g. {@code watch}, {@code patch}
 */
public record ApiResource(Gvk gvk, String plural, boolean namespaced, List<String> verbs) {

  public ApiResource {
    Objects.requireNonNull(gvk, "gvk");
    Objects.requireNonNull(plural, "plural");
    verbs = List.copyOf(verbs);
  }

  /** A resource allowing every verb a GitOps engine uses; handy for tests and static tables. */
  public static ApiResource of(Gvk gvk, String plural, boolean namespaced) {
    return new ApiResource(
        gvk,
        plural,
        namespaced,
        List.of("get", "list", "watch", "create", "update", "patch", "delete"));
  }

  /** True when the server allows the verb on this resource. */
  public boolean allows(String verb) {
    return verbs.contains(verb);
  }

  /** The fabric8 description of this resource, for {@code genericKubernetesResources(...)}. */
  public ResourceDefinitionContext context() {
    return new ResourceDefinitionContext.Builder()
        .withGroup(gvk.group())
        .withVersion(gvk.version())
        .withKind(gvk.kind())
        .withPlural(plural)
        .withNamespaced(namespaced)
        .build();
  }
}
