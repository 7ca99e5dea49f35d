package dev.capstan.engine.cluster;

import dev.capstan.kustomize.resource.Gvk;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ResourceTypes} answered from a fixed table: the in-memory seam for tests and for tools
 * that work without a cluster. {@link #builtIns()} knows the common built-in kinds.
 *
 * <p>Immutable and thread-safe.
 */
public final class StaticResourceTypes implements ResourceTypes {

  private final Map<Gvk, ApiResource> table;

  private StaticResourceTypes(Map<Gvk, ApiResource> table) {
    this.table = Map.copyOf(table);
  }

  /** A table of exactly these resources. */
  public static StaticResourceTypes of(List<ApiResource> resources) {
    Map<Gvk, ApiResource> t = new LinkedHashMap<>();
    resources.forEach(r -> t.put(r.gvk(), r));
    return new StaticResourceTypes(t);
  }

  /** The common built-in kinds of a Kubernetes API server. */
  public static StaticResourceTypes builtIns() {
    return of(
        List.of(
            ApiResource.of(new Gvk("", "v1", "Namespace"), "namespaces", false),
            ApiResource.of(new Gvk("", "v1", "ConfigMap"), "configmaps", true),
            ApiResource.of(new Gvk("", "v1", "Secret"), "secrets", true),
            ApiResource.of(new Gvk("", "v1", "Service"), "services", true),
            ApiResource.of(new Gvk("", "v1", "ServiceAccount"), "serviceaccounts", true),
            ApiResource.of(new Gvk("", "v1", "Pod"), "pods", true),
            ApiResource.of(
                new Gvk("", "v1", "PersistentVolumeClaim"), "persistentvolumeclaims", true),
            ApiResource.of(new Gvk("", "v1", "PersistentVolume"), "persistentvolumes", false),
            ApiResource.of(new Gvk("apps", "v1", "Deployment"), "deployments", true),
            ApiResource.of(new Gvk("apps", "v1", "StatefulSet"), "statefulsets", true),
            ApiResource.of(new Gvk("apps", "v1", "DaemonSet"), "daemonsets", true),
            ApiResource.of(new Gvk("batch", "v1", "Job"), "jobs", true),
            ApiResource.of(new Gvk("batch", "v1", "CronJob"), "cronjobs", true),
            ApiResource.of(new Gvk("networking.k8s.io", "v1", "Ingress"), "ingresses", true),
            ApiResource.of(
                new Gvk("rbac.authorization.k8s.io", "v1", "ClusterRole"), "clusterroles", false),
            ApiResource.of(
                new Gvk("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding"),
                "clusterrolebindings",
                false),
            ApiResource.of(new Gvk("rbac.authorization.k8s.io", "v1", "Role"), "roles", true),
            ApiResource.of(
                new Gvk("rbac.authorization.k8s.io", "v1", "RoleBinding"), "rolebindings", true),
            ApiResource.of(
                new Gvk("apiextensions.k8s.io", "v1", "CustomResourceDefinition"),
                "customresourcedefinitions",
                false)));
  }

  /** This table plus {@code more} (later entries win). */
  public StaticResourceTypes with(ApiResource... more) {
    Map<Gvk, ApiResource> t = new LinkedHashMap<>(table);
    for (ApiResource r : more) {
      t.put(r.gvk(), r);
    }
    return new StaticResourceTypes(t);
  }

  @Override
  public Optional<ApiResource> find(Gvk gvk) {
    return Optional.ofNullable(table.get(gvk));
  }

  @Override
  public void invalidate() {
    // a fixed table has nothing to forget
  }
}
