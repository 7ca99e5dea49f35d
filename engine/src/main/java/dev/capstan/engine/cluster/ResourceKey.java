package dev.capstan.engine.cluster;

import dev.capstan.kustomize.resource.Gvk;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Comparator;
import java.util.Objects;

/**
 * The identity of a Kubernetes object: API group, kind, namespace and name. The version is left out
 * on purpose: {@code apps/v1} and a future {@code apps/v2} Deployment of the same name are one
 * object. {@link #toString()} renders the identity used in every message: {@code
 * Kind/namespace/name}, or {@code Kind/name} for cluster-scoped objects.
 *
 * @param group API group, {@code ""} for the core group
 * @param kind the kind, e.g. {@code Deployment}
 * @param namespace the namespace, {@code ""} for cluster-scoped objects
 * @param name the object's name
 */
public record ResourceKey(String group, String kind, String namespace, String name)
    implements Comparable<ResourceKey> {

  private static final Comparator<ResourceKey> ORDER =
      Comparator.comparing(ResourceKey::group)
          .thenComparing(ResourceKey::kind)
          .thenComparing(ResourceKey::namespace)
          .thenComparing(ResourceKey::name);

  /** Normalises null group and namespace to empty; kind and name are required. */
  public ResourceKey {
    group = group == null ? "" : group;
    namespace = namespace == null ? "" : namespace;
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  /** The key of any fabric8 object, typed or generic. */
  public static ResourceKey of(HasMetadata object) {
    Gvk gvk = Gvk.of(object.getApiVersion(), object.getKind());
    var meta = object.getMetadata();
    return new ResourceKey(
        gvk.group(),
        gvk.kind(),
        meta == null ? "" : meta.getNamespace(),
        meta == null ? "" : meta.getName());
  }

  /** A key for a group/version/kind, namespace and name. */
  public static ResourceKey of(Gvk gvk, String namespace, String name) {
    return new ResourceKey(gvk.group(), gvk.kind(), namespace, name);
  }

  /** True for a key without a namespace. */
  public boolean clusterScoped() {
    return namespace.isEmpty();
  }

  /** The same key in another namespace (used when a cluster-scoped kind was given one). */
  public ResourceKey withNamespace(String ns) {
    return new ResourceKey(group, kind, ns, name);
  }

  /** {@code kind.group} or just {@code kind} for the core group, as kubectl prints kinds. */
  public String groupKind() {
    return group.isEmpty() ? kind : kind + "." + group;
  }

  @Override
  public int compareTo(ResourceKey other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
  }
}
