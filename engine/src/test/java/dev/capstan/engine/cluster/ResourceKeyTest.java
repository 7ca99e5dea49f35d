package dev.capstan.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceKeyTest {

  @Test
  void rendersKindNamespaceName() {
    assertThat(new ResourceKey("apps", "Deployment", "prod", "web"))
        .hasToString("Deployment/prod/web");
    assertThat(new ResourceKey("", "Namespace", null, "prod")).hasToString("Namespace/prod");
  }

  @Test
  void ofAnObjectIgnoresTheVersion() {
    GenericKubernetesResource v1 = object("apps/v1", "Deployment");
    GenericKubernetesResource v2 = object("apps/v2", "Deployment");

    assertThat(ResourceKey.of(v1))
        .isEqualTo(ResourceKey.of(v2))
        .isEqualTo(new ResourceKey("apps", "Deployment", "prod", "web"));
    assertThat(ResourceKey.of(object("v1", "Service")).group()).isEmpty();
  }

  @Test
  void statusOnlyUpdatesAreNotMeaningful() {
    GenericKubernetesResource before = object("apps/v1", "Deployment");
    before.setAdditionalProperty("spec", Map.of("replicas", 2));
    GenericKubernetesResource statusOnly = ObjectTrees.copy(before);
    statusOnly.setAdditionalProperty("status", Map.of("readyReplicas", 2));
    statusOnly.getMetadata().setResourceVersion("2");
    GenericKubernetesResource scaled = ObjectTrees.copy(before);
    scaled.setAdditionalProperty("spec", Map.of("replicas", 5));

    assertThat(InformerClusterCache.sameApartFromServerFields(before, statusOnly)).isTrue();
    assertThat(InformerClusterCache.sameApartFromServerFields(before, scaled)).isFalse();
  }

  @Test
  void staticTypesResolveBuiltIns() {
    var types = StaticResourceTypes.builtIns();

    assertThat(types.find(new dev.capstan.kustomize.resource.Gvk("apps", "v1", "Deployment")))
        .hasValueSatisfying(
            r -> {
              assertThat(r.plural()).isEqualTo("deployments");
              assertThat(r.namespaced()).isTrue();
            });
    assertThat(types.find(new dev.capstan.kustomize.resource.Gvk("example.com", "v1", "Widget")))
        .isEmpty();
  }

  private static GenericKubernetesResource object(String apiVersion, String kind) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(apiVersion)
        .withKind(kind)
        .withNewMetadata()
        .withName("web")
        .withNamespace("prod")
        .withResourceVersion("1")
        .endMetadata()
        .build();
  }
}
