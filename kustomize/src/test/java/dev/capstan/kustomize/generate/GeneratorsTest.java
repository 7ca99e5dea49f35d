package dev.capstan.kustomize.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected values come from kubectl kustomize (v5.5.0) runs of the same inputs. */
class GeneratorsTest {
  private static final KvFileReader NO_FILES =
      path -> {
        throw new KustomizeException("no file " + path);
      };

  private static GeneratorArgs args(String name, List<String> literals, GeneratorOptions o) {
    return new GeneratorArgs(
        name, "", Behavior.CREATE, new KvSources(literals, List.of(), List.of()), o, "");
  }

  private static Resource one(Generator g) {
    ResourceList list = g.generate();
    assertThat(list.size()).isEqualTo(1);
    return list.get(0);
  }

  @Test
  void configMapHoldsSortedDataAndAsksForAHash() {
    Resource cm =
        one(new ConfigMapGenerator(args("a", List.of("x=y"), GeneratorOptions.NONE), NO_FILES));
    assertThat(cm.content())
        .isEqualTo(
            Map.of(
                "apiVersion",
                "v1",
                "kind",
                "ConfigMap",
                "metadata",
                Map.of("name", "a"),
                "data",
                Map.of("x", "y")));
    assertThat(cm.buildAnnotations()).containsEntry(Generator.NEEDS_HASH, "true");
    new HashTransformer().transform(new ResourceList(List.of(cm)));
    assertThat(cm.name()).isEqualTo("a-6gc9d749f7");
    assertThat(cm.previousIds()).extracting(Object::toString).containsExactly("ConfigMap/a");
  }

  @Test
  void emptyConfigMapHasNoDataButEmptySecretHasEmptyData() {
    Resource cm =
        one(new ConfigMapGenerator(args("empty", List.of(), GeneratorOptions.NONE), NO_FILES));
    assertThat(cm.content()).doesNotContainKey("data");
    Resource s = one(new SecretGenerator(args("s2", List.of(), GeneratorOptions.NONE), NO_FILES));
    assertThat(s.content()).containsEntry("data", Map.of()).containsEntry("type", "Opaque");
    new HashTransformer().transform(new ResourceList(List.of(cm, s)));
    assertThat(cm.name()).isEqualTo("empty-6ct58987ht");
    assertThat(s.name()).isEqualTo("s2-46f8b28mk5");
  }

  @Test
  void secretValuesAreBase64InLinesOfSeventy() {
    String longValue = "a".repeat(132);
    Resource s =
        one(
            new SecretGenerator(
                args(
                    "s",
                    List.of("long=" + longValue, "l52=" + "a".repeat(51)),
                    GeneratorOptions.NONE),
                NO_FILES));
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) s.content().get("data");
    assertThat(data.get("l52"))
        .isEqualTo("YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFh");
    assertThat(data.get("long"))
        .isEqualTo(
            "YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYW\n"
                + "FhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFh\n"
                + "YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFh\n");
    new HashTransformer().transform(new ResourceList(List.of(s)));
    assertThat(s.name()).isEqualTo("s-82466k9hb2");
  }

  @Test
  void binaryFileContentGoesToBinaryData() {
    KvFileReader files = path -> new byte[] {0, 1, (byte) 0xff};
    GeneratorArgs a =
        new GeneratorArgs(
            "bin",
            "",
            Behavior.CREATE,
            new KvSources(List.of(), List.of("blob"), List.of()),
            GeneratorOptions.NONE,
            "");
    Resource cm = one(new ConfigMapGenerator(a, files));
    assertThat(cm.content()).containsEntry("binaryData", Map.of("blob", "AAH/"));
    assertThat(cm.content()).doesNotContainKey("data");
  }

  @Test
  void optionsSetLabelsAnnotationsImmutableAndCanDisableTheHash() {
    GeneratorOptions local = new GeneratorOptions(Map.of("a", "local"), Map.of(), false, false);
    GeneratorOptions global =
        new GeneratorOptions(Map.of("a", "global", "b", "g"), Map.of("n", "v"), true, true);
    Resource cm =
        one(new ConfigMapGenerator(args("c", List.of(), local.withGlobal(global)), NO_FILES));
    assertThat(cm.metadata())
        .containsEntry("labels", Map.of("a", "local", "b", "g"))
        .containsEntry("annotations", Map.of("n", "v"));
    assertThat(cm.content()).containsEntry("immutable", true);
    assertThat(cm.buildAnnotations()).doesNotContainKey(Generator.NEEDS_HASH);
  }

  @Test
  void repeatedKeysAndMissingNamesFail() {
    assertThatThrownBy(
            () ->
                new ConfigMapGenerator(
                        args("g", List.of("a=1", "a=2"), GeneratorOptions.NONE), NO_FILES)
                    .generate())
        .hasMessage("configmap g illegally repeats the key `a`");
    assertThatThrownBy(
            () ->
                new SecretGenerator(args("", List.of("a=b"), GeneratorOptions.NONE), NO_FILES)
                    .generate())
        .hasMessage("a configmap must have a name");
  }

  @Test
  void argsAreReadStrictlyFromAKustomizationEntry() {
    Map<String, Object> entry =
        Map.of(
            "name",
            "bob",
            "env",
            "bar.env",
            "envs",
            List.of("foo.env"),
            "type",
            "kubernetes.io/tls");
    GeneratorArgs a =
        GeneratorArgs.read(new ArgsReader(entry, "SecretArgs.secretGenerator", true), true);
    assertThat(a.sources().envs()).containsExactly("foo.env", "bar.env");
    assertThat(a.type()).isEqualTo("kubernetes.io/tls");
    assertThatThrownBy(
            () ->
                GeneratorArgs.read(
                    new ArgsReader(Map.of("foo", "bar"), "ConfigMapArgs.configMapGenerator", true),
                    false))
        .hasMessage("invalid Kustomization: json: unknown field \"foo\"");
    assertThatThrownBy(
            () ->
                GeneratorArgs.read(
                    new ArgsReader(
                        Map.of("literals", "a=1"), "ConfigMapArgs.configMapGenerator", true),
                    false))
        .hasMessage(
            "invalid Kustomization: json: cannot unmarshal string into Go struct field"
                + " ConfigMapArgs.configMapGenerator.literals of type []string");
    assertThatThrownBy(
            () ->
                GeneratorArgs.read(
                    new ArgsReader(
                        Map.of("options", Map.of("labels", Map.of("a", 1L))),
                        "ConfigMapArgs.configMapGenerator",
                        true),
                    false))
        .hasMessage(
            "invalid Kustomization: json: cannot unmarshal number into Go struct field"
                + " GeneratorOptions.configMapGenerator.options.labels of type string");
  }

  @Test
  void unknownBehaviorActsAsCreate() {
    assertThat(Behavior.parse("bogus")).isEqualTo(Behavior.UNSPECIFIED);
    ResourceList acc = new ResourceList();
    GeneratorArgs a =
        new GeneratorArgs(
            "g", "", Behavior.UNSPECIFIED, KvSources.EMPTY, GeneratorOptions.NONE, "");
    GeneratorAbsorber.absorb(acc, new ConfigMapGenerator(a, NO_FILES).generate());
    assertThat(acc.size()).isEqualTo(1);
  }

  @Test
  void utf8CheckMatchesGo() {
    assertThat(KvLoader.strictUtf8("héllo".getBytes(StandardCharsets.UTF_8))).isEqualTo("héllo");
    assertThat(KvLoader.strictUtf8(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})).isNull();
  }
}
