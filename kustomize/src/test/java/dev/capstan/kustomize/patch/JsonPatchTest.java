package dev.capstan.kustomize.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.yaml.YamlReader;
import org.junit.jupiter.api.Test;

class JsonPatchTest {
  private static Object yaml(String text) {
    return YamlReader.readOne(text, "test");
  }

  @Test
  void appliesEveryOperationInOrder() {
    JsonPatch p =
        JsonPatch.parse(
            """
            [
              {"op": "add", "path": "/spec/list/-", "value": 3},
              {"op": "add", "path": "/spec/list/0", "value": 0},
              {"op": "replace", "path": "/spec/name", "value": "b"},
              {"op": "copy", "from": "/spec/name", "path": "/spec/copy"},
              {"op": "move", "from": "/spec/copy", "path": "/spec/moved"},
              {"op": "remove", "path": "/spec/gone"},
              {"op": "test", "path": "/spec/list/1", "value": 1},
              {"op": "add", "path": "/metadata/annotations/a~1b~0c", "value": "x"}
            ]
            """,
            "test");
    Object out =
        p.apply(yaml("{metadata: {annotations: {}}, spec: {name: a, gone: 1, list: [1, 2]}}"));
    assertThat(out)
        .isEqualTo(
            yaml(
                "{metadata: {annotations: {a/b~c: x}}, spec: {name: b, moved: b, list: [0, 1, 2, 3]}}"));
  }

  @Test
  void yamlFormIsAccepted() {
    JsonPatch p = JsonPatch.parse("- op: replace\n  path: /a\n  value: {b: 1}\n", "test");
    assertThat(p.apply(yaml("{a: 1}"))).isEqualTo(yaml("{a: {b: 1}}"));
  }

  @Test
  void yamlPatchScalarsResolveAsYaml11LikeKustomize() {
    JsonPatch p =
        JsonPatch.parse(
            "- {op: add, path: /a, value: {b: yes, c: 'yes', d: off, e: 0777, f: 1_000, g: ~}}\n",
            "test");
    assertThat(p.apply(yaml("{}")))
        .isEqualTo(yaml("{a: {b: true, c: 'yes', d: false, e: 511, f: 1000, g: null}}"));
    JsonPatch json =
        JsonPatch.parse("[{\"op\": \"add\", \"path\": \"/a\", \"value\": \"yes\"}]", "test");
    assertThat(json.apply(yaml("{}"))).isEqualTo(yaml("{a: 'yes'}"));
  }

  @Test
  void operationsOnMissingPathsFail() {
    assertThatThrownBy(
            () -> JsonPatch.parse("[{op: replace, path: /x, value: 1}]", "t").apply(yaml("{a: 1}")))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("missing");
    assertThatThrownBy(
            () -> JsonPatch.parse("[{op: add, path: /x/y, value: 1}]", "t").apply(yaml("{a: 1}")))
        .isInstanceOf(KustomizeException.class);
    assertThatThrownBy(
            () -> JsonPatch.parse("[{op: remove, path: /l/5}]", "t").apply(yaml("{l: [1]}")))
        .isInstanceOf(KustomizeException.class);
  }

  @Test
  void failingTestStopsThePatch() {
    assertThatThrownBy(
            () -> JsonPatch.parse("[{op: test, path: /a, value: 2}]", "t").apply(yaml("{a: 1}")))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("test");
    assertThat(JsonPatch.parse("[{op: test, path: /a, value: 1.0}]", "t").apply(yaml("{a: 1}")))
        .isEqualTo(yaml("{a: 1}"));
  }

  @Test
  void unknownOperationFails() {
    assertThatThrownBy(() -> JsonPatch.parse("[{op: frob, path: /a}]", "t").apply(yaml("{a: 1}")))
        .isInstanceOf(KustomizeException.class);
  }
}
