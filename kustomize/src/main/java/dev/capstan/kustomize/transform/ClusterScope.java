package dev.capstan.kustomize.transform;

import dev.capstan.kustomize.resource.Gvk;
import java.util.Set;

/**
 * The builtin Kubernetes kinds that are cluster-scoped (they never get a namespace). Kinds not
 * listed, including every custom resource, count as namespaced, as in kustomize.
 */
public final class ClusterScope {
  private static final Set<String> KINDS =
      Set.of(
          "/ComponentStatus",
          "/Namespace",
          "/Node",
          "/PersistentVolume",
          "admissionregistration.k8s.io/MutatingWebhookConfiguration",
          "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
          "admissionregistration.k8s.io/ValidatingAdmissionPolicy",
          "admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding",
          "apiextensions.k8s.io/CustomResourceDefinition",
          "apiregistration.k8s.io/APIService",
          "authentication.k8s.io/TokenReview",
          "authentication.k8s.io/SelfSubjectReview",
          "authorization.k8s.io/SelfSubjectAccessReview",
          "authorization.k8s.io/SelfSubjectRulesReview",
          "authorization.k8s.io/SubjectAccessReview",
          "certificates.k8s.io/CertificateSigningRequest",
          "certificates.k8s.io/ClusterTrustBundle",
          "flowcontrol.apiserver.k8s.io/FlowSchema",
          "flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration",
          "internal.apiserver.k8s.io/StorageVersion",
          "networking.k8s.io/IngressClass",
          "networking.k8s.io/IPAddress",
          "networking.k8s.io/ServiceCIDR",
          "node.k8s.io/RuntimeClass",
          "policy/PodSecurityPolicy",
          "extensions/PodSecurityPolicy",
          "rbac.authorization.k8s.io/ClusterRole",
          "rbac.authorization.k8s.io/ClusterRoleBinding",
          "resource.k8s.io/DeviceClass",
          "resource.k8s.io/ResourceSlice",
          "scheduling.k8s.io/PriorityClass",
          "storage.k8s.io/CSIDriver",
          "storage.k8s.io/CSINode",
          "storage.k8s.io/StorageClass",
          "storage.k8s.io/VolumeAttachment",
          "storage.k8s.io/VolumeAttributesClass",
          "migration.k8s.io/StorageVersionMigration");

  private ClusterScope() {}

  /** Whether resources of this gvk are cluster-scoped. */
  public static boolean isClusterScoped(Gvk gvk) {
    return KINDS.contains(gvk.group() + "/" + gvk.kind());
  }
}
