package dev.capstan.kustomize.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kustomize.KustomizeException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaSetTest {
  @Test
  void builtInDefaultKnowsPodSpecMergeKeys() {
    Schema containers =
        SchemaSet.kubernetesDefault()
            .forType("apps/v1", "Deployment")
            .field("spec")
            .field("template")
            .field("spec")
            .field("containers");
    assertThat(containers.mergesLists()).isTrue();
    assertThat(containers.mergeKeys()).containsExactly("name");
    Schema ports = containers.elements().field("ports");
    assertThat(ports.mergeKeys()).containsExactly("containerPort", "protocol");
    Schema volumes = containers.elements().field("volumeMounts");
    assertThat(volumes.mergeKeys()).containsExactly("mountPath");
  }

  @Test
  void listsWithoutStrategyDoNotMerge() {
    Schema tolerations =
        SchemaSet.kubernetesDefault().forType("v1", "Pod").field("spec").field("tolerations");
    assertThat(tolerations).isNotNull();
    assertThat(tolerations.mergesLists()).isFalse();
    assertThat(SchemaSet.kubernetesDefault().forType("example.com/v1", "Foo")).isNull();
  }

  @Test
  void newerBuiltInVersionKnowsNewerFields() {
    Schema spec = SchemaSet.kubernetes("v1.36.3").forType("v1", "Pod").field("spec");
    assertThat(spec.field("resourceClaims").mergeKeys()).containsExactly("name");
    assertThat(SchemaSet.kubernetes("v1.36.3").forType("batch/v1beta1", "CronJob")).isNull();
    assertThat(SchemaSet.kubernetesDefault().forType("batch/v1beta1", "CronJob")).isNotNull();
    assertThatThrownBy(() -> SchemaSet.kubernetes("v1.99.0"))
        .isInstanceOf(KustomizeException.class)
        .hasMessage("the specified OpenAPI version is not built in");
  }

  @Test
  void clusterScopeComesFromTheSpecPaths() {
    SchemaSet s = SchemaSet.kubernetesDefault();
    assertThat(s.isClusterScoped("v1", "Namespace")).isTrue();
    assertThat(s.isClusterScoped("rbac.authorization.k8s.io/v1", "ClusterRole")).isTrue();
    assertThat(s.isClusterScoped("v1", "ConfigMap")).isFalse();
    assertThat(s.isClusterScoped("example.com/v1", "Foo")).isFalse();
  }

  private static final String CUSTOM =
      """
      {"definitions": {
        "x.Foo": {"properties": {"spec": {"$ref": "#/definitions/x.FooSpec"}},
                  "x-kubernetes-group-version-kind": [{"group": "example.com", "version": "v1", "kind": "Foo"}]},
        "x.FooSpec": {"properties": {
          "items": {"type": "array", "items": {"$ref": "#/definitions/x.Item"},
                    "x-kubernetes-patch-strategy": "merge", "x-kubernetes-patch-merge-key": "id"},
          "template": {"$ref": "#/definitions/io.k8s.api.core.v1.PodTemplateSpec"}}},
        "x.Item": {"properties": {"id": {"type": "string"}}}
      }}
      """;

  @Test
  void customSchemaAloneKnowsOnlyItsKinds() {
    SchemaSet s = SchemaSet.parse(CUSTOM, "custom.json");
    Schema items = s.forType("example.com/v1", "Foo").field("spec").field("items");
    assertThat(items.mergeKeys()).isEqualTo(List.of("id"));
    assertThat(s.forType("apps/v1", "Deployment")).isNull();
    assertThat(s.forType("example.com/v1", "Foo").field("spec").field("template")).isNull();
  }

  @Test
  void customSchemaOverBuiltInResolvesKubernetesReferences() {
    SchemaSet s = SchemaSet.parse(CUSTOM, "custom.json", SchemaSet.kubernetesDefault());
    Schema containers =
        s.forType("example.com/v1", "Foo")
            .field("spec")
            .field("template")
            .field("spec")
            .field("containers");
    assertThat(containers.mergeKeys()).containsExactly("name");
    assertThat(s.forType("apps/v1", "Deployment")).isNotNull();
  }

  @Test
  void settingsFollowKustomizeRules() {
    OpenApiSettings root = OpenApiSettings.defaults();
    assertThatThrownBy(
            () -> root.apply(Map.of("path", "s.json", "version", "v1.21.2"), p -> CUSTOM, true))
        .hasMessage("builtin version and custom schema provided, cannot use both");
    assertThatThrownBy(() -> root.apply(Map.of("version", "v1.36.3"), p -> CUSTOM, true))
        .hasMessage("the specified OpenAPI version is not built in");
    OpenApiSettings s = OpenApiSettings.defaults();
    s.apply(Map.of("path", "s.json"), p -> CUSTOM, true);
    SchemaSet chosen = s.current();
    s.apply(Map.of("path", "other.json"), p -> "{\"definitions\": {}}", false);
    assertThat(s.current()).isSameAs(chosen);
  }
}
