package dev.capstan.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.cluster.ObjectTrees;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveValuesKeeperTest {

  @Test
  void jsonPointerTakesTheLiveValue() {
    GenericKubernetesResource desired =
        ObjectTrees.fromJson(Fixtures.yaml("deployment-replicas", "target.yaml"));
    GenericKubernetesResource live =
        ObjectTrees.fromJson(Fixtures.yaml("deployment-replicas", "live.yaml"));
    DiffOptions options =
        rules(IgnoreDifference.forKind("apps", "Deployment").withJsonPointers("/spec/replicas"));

    GenericKubernetesResource kept = LiveValuesKeeper.keep(desired, live, options);

    assertThat(ObjectTrees.toJson(kept).at("/spec/replicas").asInt()).isEqualTo(5);
    assertThat(ObjectTrees.toJson(desired).at("/spec/replicas").asInt()).isEqualTo(2);
  }

  @Test
  void managedFieldsOfIgnoredManagersAreNotApplied() {
    var liveTree = Fixtures.yaml("deployment-replicas", "live.yaml");
    ((com.fasterxml.jackson.databind.node.ObjectNode) liveTree.at("/metadata/managedFields/0"))
        .put("manager", "hpa");
    GenericKubernetesResource desired =
        ObjectTrees.fromJson(Fixtures.yaml("deployment-replicas", "target.yaml"));

    GenericKubernetesResource kept =
        LiveValuesKeeper.keep(
            desired,
            ObjectTrees.fromJson(liveTree),
            rules(IgnoreDifference.forKind("apps", "Deployment").withManagedFieldsManagers("hpa")));

    assertThat(ObjectTrees.toJson(kept).at("/spec").has("replicas")).isFalse();
  }

  @Test
  void fieldsCapstanCoOwnsStayInTheApply() throws Exception {
    var liveTree = Fixtures.yaml("deployment-replicas", "live.yaml");
    ((com.fasterxml.jackson.databind.node.ArrayNode) liveTree.at("/metadata/managedFields"))
        .removeAll()
        .add(
            DiffJson.MAPPER.readTree(
                "{\"manager\":\"hpa\",\"fieldsV1\":{\"f:spec\":{\"f:replicas\":{},\"f:selector\":{}}}}"))
        .add(
            DiffJson.MAPPER.readTree(
                "{\"manager\":\"capstan\",\"fieldsV1\":{\"f:spec\":{\"f:selector\":{},\"f:template\":{}}}}"));
    GenericKubernetesResource desired =
        ObjectTrees.fromJson(Fixtures.yaml("deployment-replicas", "target.yaml"));

    var kept =
        ObjectTrees.toJson(
            LiveValuesKeeper.keep(
                desired,
                ObjectTrees.fromJson(liveTree),
                rules(
                    IgnoreDifference.forKind("apps", "Deployment")
                        .withManagedFieldsManagers("hpa"))));

    assertThat(kept.at("/spec").has("replicas")).isFalse();
    assertThat(kept.at("/spec").has("selector")).isTrue();
  }

  @Test
  void jqPathsTakeLiveValuesAndDropWhatLiveLacks() {
    var desiredTree = Fixtures.yaml("deployment-in-sync", "target.yaml");
    var liveTree = Fixtures.yaml("deployment-in-sync", "live.yaml");
    ((com.fasterxml.jackson.databind.node.ArrayNode) liveTree.at("/spec/template/spec/containers"))
        .addObject()
        .put("name", "injected")
        .put("image", "mesh:2");
    ((com.fasterxml.jackson.databind.node.ObjectNode)
            desiredTree.at("/spec/template/spec/containers/0"))
        .put("image", "nginx:1.28");
    DiffOptions options =
        rules(
            IgnoreDifference.forKind("apps", "Deployment")
                .withJqPathExpressions(".spec.template.spec.containers[].image"));

    var kept =
        ObjectTrees.toJson(
            LiveValuesKeeper.keep(
                ObjectTrees.fromJson(desiredTree), ObjectTrees.fromJson(liveTree), options));

    assertThat(kept.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("nginx:1.27");
    assertThat(kept.at("/spec/template/spec/containers")).hasSize(1);
  }

  @Test
  void rulesForOtherObjectsChangeNothing() {
    GenericKubernetesResource desired =
        ObjectTrees.fromJson(Fixtures.yaml("deployment-replicas", "target.yaml"));
    GenericKubernetesResource live =
        ObjectTrees.fromJson(Fixtures.yaml("deployment-replicas", "live.yaml"));

    assertThat(
            LiveValuesKeeper.keep(
                desired,
                live,
                rules(IgnoreDifference.forKind("", "Service").withJsonPointers("/spec"))))
        .isSameAs(desired);
  }

  private static DiffOptions rules(IgnoreDifference... rules) {
    return DiffOptions.defaults().withIgnoreDifferences(List.of(rules));
  }
}
