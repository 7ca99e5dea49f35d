package dev.capstan.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.engine.cluster.ResourceKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectComparatorTest {

  private static final ResourceKey WEB = new ResourceKey("apps", "Deployment", "prod", "web");
  private static final ResourceKey DB = new ResourceKey("", "Secret", "prod", "db");

  @Test
  void serverMaintainedFieldsAndStatusDoNotCount() {
    ResourceDiff diff = compare("deployment-in-sync", WEB, DiffOptions.defaults());

    assertThat(diff.status()).isEqualTo(DiffStatus.IN_SYNC);
    assertThat(diff.unifiedDiff()).isEmpty();
    assertThat(diff.live().path("metadata").has("managedFields")).isFalse();
    assertThat(diff.live().has("status")).isFalse();
  }

  @Test
  void changedReplicasAreOutOfSyncWithAUnifiedDiff() {
    ResourceDiff diff = compare("deployment-replicas", WEB, DiffOptions.defaults());

    assertThat(diff.status()).isEqualTo(DiffStatus.OUT_OF_SYNC);
    assertThat(diff.unifiedDiff()).isEqualTo(Fixtures.text("deployment-replicas", "expected.diff"));
  }

  @Test
  void jsonPointerIgnoresAField() {
    DiffOptions options =
        DiffOptions.defaults()
            .withIgnoreDifferences(
                List.of(
                    IgnoreDifference.forKind("apps", "Deployment")
                        .withJsonPointers("/spec/replicas")));

    assertThat(compare("deployment-replicas", WEB, options).status()).isEqualTo(DiffStatus.IN_SYNC);
  }

  @Test
  void ignoreRuleForAnotherObjectDoesNotApply() {
    DiffOptions options =
        DiffOptions.defaults()
            .withIgnoreDifferences(
                List.of(
                    IgnoreDifference.forKind("apps", "Deployment")
                        .withName("api")
                        .withJsonPointers("/spec/replicas")));

    assertThat(compare("deployment-replicas", WEB, options).status())
        .isEqualTo(DiffStatus.OUT_OF_SYNC);
  }

  @Test
  void jqPathExpressionIgnoresAField() {
    DiffOptions options =
        DiffOptions.defaults()
            .withIgnoreDifferences(
                List.of(
                    IgnoreDifference.forKind("*", "*").withJqPathExpressions(".spec.replicas")));

    assertThat(compare("deployment-replicas", WEB, options).status()).isEqualTo(DiffStatus.IN_SYNC);
  }

  @Test
  void jqSelectOnListItemsIgnoresOnlyTheSelectedItem() {
    ObjectNode target = Fixtures.yaml("deployment-in-sync", "target.yaml");
    ObjectNode live = Fixtures.yaml("deployment-in-sync", "live.yaml");
    ObjectNode sidecar =
        ((com.fasterxml.jackson.databind.node.ArrayNode) live.at("/spec/template/spec/containers"))
            .addObject();
    sidecar.put("name", "injected").put("image", "mesh:1");
    DiffOptions ignoreSidecar =
        DiffOptions.defaults()
            .withIgnoreDifferences(
                List.of(
                    IgnoreDifference.forKind("apps", "Deployment")
                        .withJqPathExpressions(
                            ".spec.template.spec.containers[] | select(.name == \"injected\")")));

    assertThat(ObjectComparator.compare(WEB, target, live, DiffOptions.defaults()).status())
        .isEqualTo(DiffStatus.OUT_OF_SYNC);
    assertThat(ObjectComparator.compare(WEB, target, live, ignoreSidecar).status())
        .isEqualTo(DiffStatus.IN_SYNC);
  }

  @Test
  void fieldsOwnedByAnIgnoredManagerDoNotCount() {
    ObjectNode target = Fixtures.yaml("deployment-replicas", "target.yaml");
    ObjectNode live = Fixtures.yaml("deployment-replicas", "live.yaml");
    ((ObjectNode) live.at("/metadata/managedFields/0")).put("manager", "kube-controller-manager");
    DiffOptions options =
        DiffOptions.defaults()
            .withIgnoreDifferences(
                List.of(
                    IgnoreDifference.forKind("apps", "Deployment")
                        .withManagedFieldsManagers("kube-controller-manager")));

    assertThat(ObjectComparator.compare(WEB, target, live, options).status())
        .isEqualTo(DiffStatus.IN_SYNC);
    assertThat(ObjectComparator.compare(WEB, target, live, DiffOptions.defaults()).status())
        .isEqualTo(DiffStatus.OUT_OF_SYNC);
  }

  @Test
  void managedFieldsOfListItemsByKeyAreRemoved() throws Exception {
    ObjectNode object =
        (ObjectNode)
            DiffJson.MAPPER.readTree(
                """
                {"spec":{"containers":[{"name":"web","image":"a","resources":{"limits":{"cpu":"1"}}},
                                       {"name":"side","image":"b"}]}}
                """);
    var fields =
        DiffJson.MAPPER.readTree(
            """
            {"f:spec":{"f:containers":{"k:{\\"name\\":\\"web\\"}":{".":{},"f:resources":{"f:limits":{"f:cpu":{}}}},
                                       "k:{\\"name\\":\\"side\\"}":{".":{}}}}}
            """);

    ManagedFieldsRemover.remove(object, fields);

    assertThat(object.toString())
        .isEqualTo(
            "{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"a\",\"resources\":{\"limits\":{}}}]}}");
  }

  @Test
  void secretDiffShowsWhichKeysDifferButNeverTheirValues() {
    ResourceDiff diff = compare("secret-changed-key", DB, DiffOptions.defaults());

    assertThat(diff.status()).isEqualTo(DiffStatus.OUT_OF_SYNC);
    assertThat(diff.unifiedDiff()).isEqualTo(Fixtures.text("secret-changed-key", "expected.diff"));
    String everything = diff.unifiedDiff() + diff.live() + diff.target();
    for (String secret :
        List.of(
            "aHVudGVyMg==",
            "hunter2",
            "c3dvcmRmaXNo",
            "swordfish",
            "YWRtaW4=",
            "admin",
            "b2xk",
            "s3cr3t-t0ken")) {
      assertThat(everything).doesNotContain(secret);
    }
  }

  @Test
  void equalSecretValuesGetEqualMasksAndDifferentValuesDifferentOnes() {
    ResourceDiff diff = compare("secret-changed-key", DB, DiffOptions.defaults());

    // user: "admin" via stringData equals live's base64 "YWRtaW4=", so both sides show one mask
    assertThat(diff.target().at("/data/user").asText())
        .isEqualTo(diff.live().at("/data/user").asText());
    assertThat(diff.target().at("/data/password").asText())
        .isNotEqualTo(diff.live().at("/data/password").asText())
        .matches("\\++");
    assertThat(diff.target().has("stringData")).isFalse();
  }

  @Test
  void missingAndExtraObjects() {
    ObjectNode target = Fixtures.yaml("deployment-in-sync", "target.yaml");
    ObjectNode live = Fixtures.yaml("deployment-in-sync", "live.yaml");

    ResourceDiff missing = ObjectComparator.compare(WEB, target, null, DiffOptions.defaults());
    ResourceDiff extra = ObjectComparator.compare(WEB, null, live, DiffOptions.defaults());

    assertThat(missing.status()).isEqualTo(DiffStatus.MISSING);
    assertThat(missing.unifiedDiff())
        .startsWith("--- /dev/null\n+++ desired/Deployment/prod/web\n");
    assertThat(extra.status()).isEqualTo(DiffStatus.EXTRA);
    assertThat(extra.unifiedDiff()).startsWith("--- live/Deployment/prod/web\n+++ /dev/null\n");
  }

  @Test
  void numbersCompareByValue() throws Exception {
    ObjectNode a = (ObjectNode) DiffJson.MAPPER.readTree("{\"kind\":\"X\",\"spec\":{\"n\":1}}");
    ObjectNode asDouble =
        (ObjectNode) DiffJson.MAPPER.readTree("{\"kind\":\"X\",\"spec\":{\"n\":1.0}}");
    ObjectNode asLong = a.deepCopy();
    ((ObjectNode) asLong.get("spec")).put("n", 1L);
    ObjectNode two = (ObjectNode) DiffJson.MAPPER.readTree("{\"kind\":\"X\",\"spec\":{\"n\":2}}");

    assertThat(ObjectComparator.compare(WEB, a, asDouble, DiffOptions.defaults()).status())
        .isEqualTo(DiffStatus.IN_SYNC);
    assertThat(ObjectComparator.compare(WEB, a, asLong, DiffOptions.defaults()).status())
        .isEqualTo(DiffStatus.IN_SYNC);
    assertThat(ObjectComparator.compare(WEB, a, two, DiffOptions.defaults()).status())
        .isEqualTo(DiffStatus.OUT_OF_SYNC);
  }

  @Test
  void invalidJqExpressionIsAClearError() {
    DiffOptions options =
        DiffOptions.defaults()
            .withIgnoreDifferences(
                List.of(
                    IgnoreDifference.forKind("apps", "Deployment")
                        .withJqPathExpressions(".spec[")));

    assertThatThrownBy(() -> compare("deployment-replicas", WEB, options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(".spec[");
  }

  @Test
  void argumentsAreNotChanged() {
    ObjectNode target = Fixtures.yaml("secret-changed-key", "target.yaml");
    ObjectNode live = Fixtures.yaml("secret-changed-key", "live.yaml");
    String before = target.toString() + live;

    ObjectComparator.compare(DB, target, live, DiffOptions.defaults());

    assertThat(target.toString() + live).isEqualTo(before);
  }

  private static ResourceDiff compare(String testCase, ResourceKey key, DiffOptions options) {
    return ObjectComparator.compare(
        key, Fixtures.yaml(testCase, "target.yaml"), Fixtures.yaml(testCase, "live.yaml"), options);
  }
}
