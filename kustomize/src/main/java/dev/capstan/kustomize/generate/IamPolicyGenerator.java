package dev.capstan.kustomize.generate;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The builtin {@code IAMPolicyGenerator} plugin: a Kubernetes ServiceAccount bound to a cloud
 * identity. Only {@code cloud: gke} exists (Workload Identity): the ServiceAccount gets the
 * annotation {@code iam.gke.io/gcp-service-account: NAME@PROJECT.iam.gserviceaccount.com}.
 *
 * @param cloud the cloud; only {@code gke}
 * @param serviceName the Kubernetes ServiceAccount's name
 * @param serviceNamespace its namespace, empty for none
 * @param accountName the cloud service account's name
 * @param projectId the cloud project
 */
public record IamPolicyGenerator(
    String cloud, String serviceName, String serviceNamespace, String accountName, String projectId)
    implements Generator {

  /** Reads the plugin config (non-strict). */
  public static IamPolicyGenerator read(ArgsReader config) {
    ArgsReader ks = config.nested("kubernetesService", "KubernetesService");
    ArgsReader sa = config.nested("serviceAccount", "ServiceAccount");
    return new IamPolicyGenerator(
        config.string("cloud"),
        ks == null ? "" : ks.string("name"),
        ks == null ? "" : ks.string("namespace"),
        sa == null ? "" : sa.string("name"),
        sa == null ? "" : sa.string("projectId"));
  }

  @Override
  public ResourceList generate() {
    if (!cloud.equals("gke")) {
      throw new KustomizeException("cloud provider " + cloud + " not supported yet"); // as kubectl
    }
    if (serviceName.isEmpty()) {
      throw new KustomizeException("IAMPolicyGenerator: kubernetesService.name must be set");
    }
    if (accountName.isEmpty()) {
      throw new KustomizeException("IAMPolicyGenerator: serviceAccount.name must be set");
    }
    Map<String, Object> annotations = new LinkedHashMap<>();
    annotations.put(
        "iam.gke.io/gcp-service-account",
        accountName + "@" + projectId + ".iam.gserviceaccount.com");
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("annotations", annotations);
    metadata.put("name", serviceName);
    if (!serviceNamespace.isEmpty()) {
      metadata.put("namespace", serviceNamespace);
    }
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("apiVersion", "v1");
    content.put("kind", "ServiceAccount");
    content.put("metadata", metadata);
    ResourceList out = new ResourceList();
    out.add(new Resource(content));
    return out;
  }
}
