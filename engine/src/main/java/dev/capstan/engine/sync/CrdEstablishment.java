package dev.capstan.engine.sync;

import dev.capstan.engine.cluster.ApiResource;
import dev.capstan.kustomize.resource.Gvk;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Waits until a CustomResourceDefinition is {@code Established}, i.e. the API server serves its
 * kind, so its custom resources can be applied.
 */
final class CrdEstablishment {

  static final ApiResource CRD =
      ApiResource.of(
          new Gvk("apiextensions.k8s.io", "v1", "CustomResourceDefinition"),
          "customresourcedefinitions",
          false);

  private final KubernetesClient client;

  CrdEstablishment(KubernetesClient client) {
    this.client = client;
  }

  /** True when the CRD became Established within {@code timeout}; false on timeout or failure. */
  boolean await(String name, Duration timeout) {
    try {
      client
          .genericKubernetesResources(CRD.context())
          .withName(name)
          .waitUntilCondition(
              CrdEstablishment::established, timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (KubernetesClientTimeoutException e) {
      return false;
    } catch (KubernetesClientException e) {
      return false;
    }
  }

  /** True when the object's {@code status.conditions} has {@code Established=True}. */
  static boolean established(GenericKubernetesResource crd) {
    if (crd == null || !(crd.getAdditionalProperties().get("status") instanceof Map<?, ?> status)) {
      return false;
    }
    if (!(status.get("conditions") instanceof List<?> conditions)) {
      return false;
    }
    return conditions.stream()
        .anyMatch(
            c ->
                c instanceof Map<?, ?> m
                    && "Established".equals(m.get("type"))
                    && "True".equals(m.get("status")));
  }
}
