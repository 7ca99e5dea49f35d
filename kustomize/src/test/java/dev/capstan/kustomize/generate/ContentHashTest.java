package dev.capstan.kustomize.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.kustomize.resource.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Suffixes checked against {@code kubectl kustomize} (kustomize v5.5.0) outputs. */
class ContentHashTest {

  private static Resource object(String kind, Object... kv) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("apiVersion", "v1");
    content.put("kind", kind);
    content.put("metadata", new LinkedHashMap<>(Map.of("name", "whatever")));
    for (int i = 0; i < kv.length; i += 2) {
      content.put((String) kv[i], kv[i + 1]);
    }
    return new Resource(content);
  }

  @Test
  void configMapWithOneKeyMatchesKubectl() {
    Resource cm = object("ConfigMap", "data", new LinkedHashMap<>(Map.of("x", "y")));
    assertThat(ContentHash.of(cm)).isEqualTo("6gc9d749f7");
  }

  @Test
  void nameDoesNotTakePartInTheHash() {
    Resource a = object("ConfigMap", "data", new LinkedHashMap<>(Map.of("x", "y")));
    a.metadata().put("name", "p-a");
    assertThat(ContentHash.of(a)).isEqualTo("6gc9d749f7");
  }

  @Test
  void configMapWithoutDataMatchesKubectl() {
    assertThat(ContentHash.of(object("ConfigMap"))).isEqualTo("6ct58987ht");
  }

  @Test
  void secretWithEmptyDataAndWithoutDataDiffer() {
    Resource empty = object("Secret", "type", "Opaque", "data", new LinkedHashMap<>());
    Resource none = object("Secret", "type", "Opaque");
    assertThat(ContentHash.of(empty)).isEqualTo("46f8b28mk5");
    assertThat(ContentHash.of(none)).isEqualTo("8226t8dd99");
  }

  @Test
  void generatorBasicsConfigMapMatchesConformanceCase() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("fruit", "apple");
    data.put("vegetable", "broccoli");
    data.put("MOUNTAIN", "everest");
    data.put("OCEAN", "pacific");
    data.put("BIRD", "falcon");
    data.put(
        "passphrase",
        "\nLife is short.\nBut the years are long.\nNot while the evil days come not.\n");
    data.put("forces.txt", "\ngravitational\nelectromagnetic\nstrong nuclear\nweak nuclear\n");
    assertThat(ContentHash.of(object("ConfigMap", "data", data))).isEqualTo("g9df72cd5b");
  }

  @Test
  void encodingSortsKeysAndEscapesLikeGo() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("b", "<&>\u2028\u0001\"\\");
    data.put("a", List.of(1L, 2.5, true));
    assertThat(GoJson.encode(data))
        .isEqualTo("{\"a\":[1,2.5,true],\"b\":\"\\u003c\\u0026\\u003e\\u2028\\u0001\\\"\\\\\"}");
  }

  @Test
  void floatsFollowGoFormatting() {
    assertThat(GoJson.goFloat(1.0)).isEqualTo("1");
    assertThat(GoJson.goFloat(32000000000.0)).isEqualTo("32000000000");
    assertThat(GoJson.goFloat(1e21)).isEqualTo("1e+21");
    assertThat(GoJson.goFloat(1.5e-7)).isEqualTo("1.5e-7");
    assertThat(GoJson.goFloat(0.000001)).isEqualTo("0.000001");
    assertThat(GoJson.goFloat(-2.25)).isEqualTo("-2.25");
  }

  @Test
  void suffixMapsDigitsAndVowels() {
    assertThat(ContentHash.suffix("0123456789abcdef")).isEqualTo("gh2k456789");
    assertThat(ContentHash.suffix("abcdeabcdeff")).isEqualTo("mbcdtmbcdt");
    assertThat(ContentHash.suffix("eeeeeeeeeeee")).isEqualTo("tttttttttt");
  }
}
