package dev.capstan.kustomize.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden outputs observed from kubectl kustomize (go-yaml v2 marshalling). */
class YamlEmitterTest {

  private static String emitValue(Object v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("k", v);
    return YamlEmitter.emit(m);
  }

  @Test
  void sortsKeysLikeGoYaml() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String k : List.of("b", "a10", "a2", "B", "_x", "a-b", "ab")) {
      m.put(k, 1L);
    }
    assertThat(YamlEmitter.emit(m)).isEqualTo("_x: 1\nB: 1\na-b: 1\na2: 1\na10: 1\nab: 1\nb: 1\n");
  }

  @Test
  void quotesStringsThatReadAsOtherTypes() {
    assertThat(emitValue("yes")).isEqualTo("k: \"yes\"\n");
    assertThat(emitValue("1.0")).isEqualTo("k: \"1.0\"\n");
    assertThat(emitValue("012")).isEqualTo("k: \"012\"\n");
    assertThat(emitValue("")).isEqualTo("k: \"\"\n");
    assertThat(emitValue("2024-01-02")).isEqualTo("k: \"2024-01-02\"\n");
    assertThat(emitValue("12:30")).isEqualTo("k: \"12:30\"\n");
    assertThat(emitValue("hello")).isEqualTo("k: hello\n");
  }

  @Test
  void singleQuotesIndicatorsAndDoubleQuotesSpecials() {
    assertThat(emitValue("a: b")).isEqualTo("k: 'a: b'\n");
    assertThat(emitValue("*x")).isEqualTo("k: '*x'\n");
    assertThat(emitValue("it's: x")).isEqualTo("k: 'it''s: x'\n");
    assertThat(emitValue("tab\there")).isEqualTo("k: \"tab\\there\"\n");
    assertThat(emitValue("emoji \uD83D\uDE00")).isEqualTo("k: \"emoji \\U0001F600\"\n");
  }

  @Test
  void multiLineStringsUseLiteralBlocks() {
    assertThat(emitValue("a\nb\n")).isEqualTo("k: |\n  a\n  b\n");
    assertThat(emitValue("a\nb")).isEqualTo("k: |-\n  a\n  b\n");
    assertThat(emitValue("a\n\n")).isEqualTo("k: |+\n  a\n\n");
    assertThat(emitValue(" a\nb")).isEqualTo("k: |2-\n   a\n  b\n");
    assertThat(emitValue("trailing \nspace")).isEqualTo("k: \"trailing \\nspace\"\n");
  }

  @Test
  void foldsLongPlainStringsAfterColumnEighty() {
    String s = "word ".repeat(20).strip();
    assertThat(emitValue(s))
        .isEqualTo(
            "k: word word word word word word word word word word word word word word word word\n"
                + "  word word word word\n");
  }

  @Test
  void normalisesNumbersAsTheJsonRoundTripDoes() {
    assertThat(emitValue(1.0)).isEqualTo("k: 1\n");
    assertThat(emitValue(1.5)).isEqualTo("k: 1.5\n");
    assertThat(emitValue(12345678.5)).isEqualTo("k: 1.23456785e+07\n");
    assertThat(emitValue(0.000001)).isEqualTo("k: 1e-06\n");
    assertThat(emitValue(100000000000L)).isEqualTo("k: 100000000000\n");
  }

  @Test
  void sequencesSitUnderTheirKeyAndEmptyCollectionsAreFlow() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("name", "c");
    inner.put("args", new ArrayList<>(List.of("a", "b")));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("list", new ArrayList<>(List.of(inner, new ArrayList<>(List.of("x", "y")))));
    m.put("empty", new LinkedHashMap<>());
    m.put("none", new ArrayList<>());
    m.put("nil", null);
    assertThat(YamlEmitter.emit(m))
        .isEqualTo(
            "empty: {}\nlist:\n- args:\n  - a\n  - b\n  name: c\n- - x\n  - \"y\"\nnil: null\nnone: []\n");
  }
}
