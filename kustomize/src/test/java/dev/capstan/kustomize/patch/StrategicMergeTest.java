package dev.capstan.kustomize.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.openapi.SchemaSet;
import dev.capstan.kustomize.yaml.YamlReader;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Strategic merge behaviour; every expectation here was probed with {@code kubectl kustomize}
 * (kustomize v5.5.0) on the same resource and patch.
 */
class StrategicMergeTest {
  private final StrategicMerge merge = new StrategicMerge(SchemaSet.kubernetesDefault());

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String text) {
    return (Map<String, Object>) YamlReader.readOne(text, "test");
  }

  private Map<String, Object> apply(String target, String patch) {
    return merge.apply(yaml(target), yaml(patch)).orElseThrow();
  }

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        template:
          spec:
            containers:
            - {name: a, image: a, ports: [{containerPort: 80}, {containerPort: 81, protocol: UDP}]}
            - {name: b, image: b, args: [x, y]}
            volumes:
            - {name: v1, emptyDir: {}}
            - {name: v2, emptyDir: {}}
      """;

  @Test
  void mergesContainersByNameWithPatchItemsFirst() {
    Map<String, Object> out =
        apply(
            DEPLOYMENT,
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  containers:
                  - {name: b, image: b2, args: [z]}
                  - {name: c, image: c}
                  volumes:
                  - {name: v2, $patch: delete}
                  - {name: v3, emptyDir: {}}
            """);
    assertThat(out)
        .isEqualTo(
            yaml(
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      containers:
                      - {name: b, image: b2, args: [z]}
                      - {name: c, image: c}
                      - {name: a, image: a, ports: [{containerPort: 80}, {containerPort: 81, protocol: UDP}]}
                      volumes:
                      - {name: v3, emptyDir: {}}
                      - {name: v1, emptyDir: {}}
                """));
  }

  @Test
  void multiKeyPortsIgnoreAPatchItemWithoutTheSecondKey() {
    // kyaml merges container ports by (containerPort, protocol); a patch item lacking protocol
    // matches nothing and is dropped, exactly as kubectl kustomize does.
    Map<String, Object> out =
        apply(
            DEPLOYMENT,
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  containers:
                  - name: a
                    ports: [{containerPort: 81, name: x}]
            """);
    assertThat(path(out, "spec", "template", "spec", "containers"))
        .asList()
        .first()
        .isEqualTo(
            yaml(
                "{name: a, image: a, ports: [{containerPort: 80}, {containerPort: 81, protocol: UDP}]}"));
  }

  @Test
  void partialPortKeysCombineInKyamlOrder() {
    // Probed: a port without protocol pairs with the last compatible (port, protocol) tuple.
    Map<String, Object> out =
        apply(
            "{apiVersion: v1, kind: Service, metadata: {name: s}, spec: {ports: []}}",
            """
            apiVersion: v1
            kind: Service
            metadata: {name: s}
            spec:
              ports:
              - {port: 443, name: a}
              - {port: 443, protocol: UDP, name: b}
              - {port: 443, protocol: TCP, name: a, targetPort: 8080}
            """);
    assertThat(path(out, "spec", "ports"))
        .isEqualTo(
            yaml("{l: [{port: 443, protocol: TCP, name: a, targetPort: 8080}, {port: 443, protocol: UDP, name: b}]}")
                .get("l"));
  }

  @Test
  void aPatchItemWithoutTheMergeKeyRemovesTheKeyedItems() {
    Map<String, Object> out =
        apply(
            DEPLOYMENT,
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec: {template: {spec: {containers: [{image: foo}]}}}
            """);
    assertThat(path(out, "spec", "template", "spec", "containers")).asList().isEmpty();
  }

  @Test
  void nullRemovesAFieldAndIsNotAdded() {
    Map<String, Object> out =
        apply(
            "{apiVersion: v1, kind: Service, metadata: {name: s, labels: {a: b, c: d}}}",
            "{apiVersion: v1, kind: Service, metadata: {name: s, labels: {a: null, e: null, f: g}}}");
    assertThat(path(out, "metadata", "labels")).isEqualTo(yaml("{c: d, f: g}"));
  }

  @Test
  void nullsInsideANewSubtreeAreDropped() {
    Map<String, Object> out =
        apply(
            "{apiVersion: v1, kind: ConfigMap, metadata: {name: c}}",
            "{apiVersion: v1, kind: ConfigMap, metadata: {name: c}, x: {a: null, b: {c: null, d: 1}}}");
    assertThat(out.get("x")).isEqualTo(yaml("{b: {d: 1}}"));
  }

  @Test
  void replaceDirectiveOnAMapAndOnAList() {
    Map<String, Object> out =
        apply(
            DEPLOYMENT,
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  $patch: replace
                  volumes:
                  - $patch: replace
                  - {name: only, emptyDir: {}}
            """);
    assertThat(path(out, "spec", "template", "spec"))
        .isEqualTo(yaml("{volumes: [{name: only, emptyDir: {}}]}"));
  }

  @Test
  void deleteDirectiveAtTheTopDeletesTheDocument() {
    Optional<Map<String, Object>> out =
        merge.apply(
            yaml(DEPLOYMENT),
            yaml("{apiVersion: apps/v1, kind: Deployment, metadata: {name: web}, $patch: delete}"));
    assertThat(out).isEmpty();
  }

  @Test
  void unknownKindsReplaceListsButEmbeddedKnownKindsMerge() {
    Map<String, Object> out =
        apply(
            """
            apiVersion: example.com/v1
            kind: Foo
            metadata: {name: f}
            spec:
              items: [{name: a, v: 1}, {name: b, v: 2}]
              template:
                apiVersion: apps/v1
                kind: Deployment
                spec: {template: {spec: {containers: [{name: a, image: a}, {name: b, image: b}]}}}
            """,
            """
            apiVersion: example.com/v1
            kind: Foo
            metadata: {name: f}
            spec:
              items: [{name: b, v: 3}]
              template:
                apiVersion: apps/v1
                kind: Deployment
                spec: {template: {spec: {containers: [{name: b, image: b2}]}}}
            """);
    assertThat(path(out, "spec", "items")).isEqualTo(yaml("{l: [{name: b, v: 3}]}").get("l"));
    assertThat(path(out, "spec", "template", "spec", "template", "spec", "containers"))
        .isEqualTo(yaml("{l: [{name: b, image: b2}, {name: a, image: a}]}").get("l"));
  }

  @Test
  void primitiveMergeListsPutPatchValuesFirstWithoutDuplicates() {
    Map<String, Object> out =
        apply(
            "{apiVersion: v1, kind: Service, metadata: {name: s, finalizers: [x, y]}}",
            "{apiVersion: v1, kind: Service, metadata: {name: s, finalizers: [z, x]}}");
    assertThat(path(out, "metadata", "finalizers")).isEqualTo(yaml("{l: [z, x, y]}").get("l"));
  }

  @Test
  void clientSideDirectivesAreCopiedLikeFields() {
    // kustomize does not interpret $retainKeys / $setElementOrder / $deleteFromPrimitiveList.
    Map<String, Object> out =
        apply(
            DEPLOYMENT,
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              strategy: {$retainKeys: [type], type: Recreate}
            """);
    assertThat(path(out, "spec", "strategy"))
        .isEqualTo(yaml("{$retainKeys: [type], type: Recreate}"));
  }

  @Test
  void unknownDirectiveFails() {
    assertThatThrownBy(
            () ->
                apply(
                    DEPLOYMENT,
                    "{apiVersion: apps/v1, kind: Deployment, metadata: {name: web}, spec: {$patch: bogus}}"))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("unknown patch strategy 'bogus'");
  }

  @Test
  void mappingAgainstAScalarFails() {
    assertThatThrownBy(
            () ->
                apply(DEPLOYMENT, "{apiVersion: apps/v1, kind: Deployment, metadata: {name: [x]}}"))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("wrong node kind");
  }

  @SuppressWarnings("unchecked")
  private static Object path(Map<String, Object> m, String... keys) {
    Object cur = m;
    for (String k : keys) {
      cur = ((Map<String, Object>) cur).get(k);
    }
    return cur;
  }
}
