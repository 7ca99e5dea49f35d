package dev.capstan.engine.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveObjectTest {

  private final LiveObject deployment =
      LiveObject.of(
          HealthCorpus.yamlText(
              """
              apiVersion: apps/v1
              kind: Deployment
              metadata:
                name: web
                namespace: prod
                generation: 3
                annotations: {a: "1", n: 2}
              spec:
                replicas: 2.0
                ratio: 0.5
              status:
                conditions:
                - {type: Available, status: "True", reason: MinimumReplicasAvailable}
                - "not an object"
              """));

  @Test
  void identityAndGroupKind() {
    assertThat(deployment.identity()).isEqualTo("Deployment/prod/web");
    assertThat(deployment.groupKind()).isEqualTo(new GroupKind("apps", "Deployment"));
    assertThat(
            LiveObject.of(
                    Map.of(
                        "apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", "x")))
                .identity())
        .isEqualTo("Namespace/x");
  }

  @Test
  void typedReadsAreLenientAboutShapeButNotAboutType() {
    assertThat(deployment.integer("metadata.generation")).hasValue(3);
    assertThat(deployment.integer("spec.replicas")).hasValue(2);
    assertThat(deployment.integer("spec.ratio")).isEmpty();
    assertThat(deployment.string("metadata.generation")).isEmpty();
    assertThat(deployment.string("metadata.name.deeper")).isEmpty();
    assertThat(deployment.list("spec.missing")).isEmpty();
    assertThat(deployment.annotations()).isEqualTo(Map.of("a", "1"));
  }

  @Test
  void conditionsSkipMalformedEntries() {
    assertThat(deployment.conditions())
        .isEqualTo(List.of(new Condition("Available", "True", "MinimumReplicasAvailable", "")));
    assertThat(deployment.condition("Available").orElseThrow().isTrue()).isTrue();
  }

  @Test
  void fabric8ResourceConvertsToATree() {
    io.fabric8.kubernetes.api.model.GenericKubernetesResource resource =
        new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
            .withApiVersion("apps/v1")
            .withKind("Deployment")
            .withNewMetadata()
            .withName("web")
            .withNamespace("prod")
            .withGeneration(2L)
            .endMetadata()
            .addToAdditionalProperties("status", Map.of("observedGeneration", 1))
            .build();

    LiveObject live = LiveObject.fromResource(resource);

    assertThat(live.identity()).isEqualTo("Deployment/prod/web");
    assertThat(live.integer("metadata.generation")).hasValue(2);
    assertThat(HealthAssessor.withDefaults().assess(live).status())
        .contains(HealthStatus.PROGRESSING);
  }

  @Test
  void groupOfApiVersion() {
    assertThat(GroupKind.groupOf("v1")).isEmpty();
    assertThat(GroupKind.groupOf("networking.k8s.io/v1")).isEqualTo("networking.k8s.io");
  }
}
