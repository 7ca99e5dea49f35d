package dev.capstan.engine.sync;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which kinds are applied within one sync wave, a public contract: Namespaces, then
 * CustomResourceDefinitions, then the order Argo CD's gitops-engine and Helm use (policies and
 * quotas, service accounts, secrets, config maps, storage, RBAC, services, workloads, ingresses,
 * API services), and last every kind not listed (custom resources), which may depend on anything
 * above.
 */
public final class KindOrder {

  /** The listed kinds in apply order. */
  public static final List<String> KINDS =
      List.of(
          "Namespace",
          "CustomResourceDefinition",
          "PriorityClass",
          "NetworkPolicy",
          "ResourceQuota",
          "LimitRange",
          "PodSecurityPolicy",
          "PodDisruptionBudget",
          "ServiceAccount",
          "Secret",
          "SecretList",
          "ConfigMap",
          "StorageClass",
          "PersistentVolume",
          "PersistentVolumeClaim",
          "ClusterRole",
          "ClusterRoleList",
          "ClusterRoleBinding",
          "ClusterRoleBindingList",
          "Role",
          "RoleList",
          "RoleBinding",
          "RoleBindingList",
          "Service",
          "DaemonSet",
          "Pod",
          "ReplicationController",
          "ReplicaSet",
          "Deployment",
          "HorizontalPodAutoscaler",
          "StatefulSet",
          "Job",
          "CronJob",
          "IngressClass",
          "Ingress",
          "APIService");

  private static final Map<String, Integer> RANK = new HashMap<>();

  static {
    for (int i = 0; i < KINDS.size(); i++) {
      RANK.put(KINDS.get(i), i);
    }
  }

  private KindOrder() {}

  /** The position of a kind in apply order; unlisted kinds all rank after every listed one. */
  public static int rank(String kind) {
    return RANK.getOrDefault(kind, KINDS.size());
  }

  /** True for the kinds applied in a wave's first stage: Namespaces and CRDs. */
  public static boolean isDefinition(String group, String kind) {
    return (group.isEmpty() && kind.equals("Namespace"))
        || (group.equals("apiextensions.k8s.io") && kind.equals("CustomResourceDefinition"));
  }
}
