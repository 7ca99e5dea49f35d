package dev.capstan.kustomize.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.resource.ResId;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Merge and replace semantics, each probed against kubectl kustomize v5.5.0 first. */
class GeneratorAbsorberTest {
  private static final KvFileReader NO_FILES =
      path -> {
        throw new KustomizeException("no file " + path);
      };

  private static Resource generated(
      String kind,
      String name,
      Behavior b,
      boolean hash,
      Map<String, String> labels,
      String... literals) {
    GeneratorArgs a =
        new GeneratorArgs(
            name,
            "",
            b,
            new KvSources(List.of(literals), List.of(), List.of()),
            new GeneratorOptions(labels, Map.of(), !hash, false),
            "");
    Generator g =
        kind.equals("Secret")
            ? new SecretGenerator(a, NO_FILES)
            : new ConfigMapGenerator(a, NO_FILES);
    return g.generate().get(0);
  }

  private static ResourceList base(Resource... rs) {
    ResourceList list = new ResourceList();
    for (Resource r : rs) {
      list.add(r);
    }
    return list;
  }

  private static ResourceList of(Resource r) {
    return new ResourceList(List.of(r));
  }

  @Test
  void mergeKeepsOldKeysNewWinsAndOldNameAndLabelsStay() {
    Resource old =
        generated("ConfigMap", "cm", Behavior.CREATE, true, Map.of("x", "base"), "a=1", "b=old");
    // a namePrefix in the base renamed it
    old.previousIds().add(old.id());
    old.metadata().put("name", "b-cm");
    ResourceList acc = base(old);
    GeneratorAbsorber.absorb(
        acc, of(generated("ConfigMap", "cm", Behavior.MERGE, true, Map.of("z", "ov"), "b=2")));
    Resource r = acc.get(0);
    assertThat(r.name()).isEqualTo("b-cm");
    assertThat(r.content().get("data")).isEqualTo(Map.of("a", "1", "b", "2"));
    assertThat(r.metadata().get("labels")).isEqualTo(Map.of("x", "base", "z", "ov"));
    assertThat(r.previousIds()).extracting(ResId::name).containsExactly("cm");
    assertThat(r.buildAnnotations()).containsEntry(Generator.NEEDS_HASH, "true");
  }

  @Test
  void replaceSwapsTheDataButKeepsThePosition() {
    Resource first = generated("ConfigMap", "first", Behavior.CREATE, true, Map.of());
    Resource old = generated("Secret", "s", Behavior.CREATE, true, Map.of(), "a=1");
    Resource last = generated("ConfigMap", "last", Behavior.CREATE, true, Map.of());
    ResourceList acc = base(first, old, last);
    GeneratorAbsorber.absorb(
        acc, of(generated("Secret", "s", Behavior.REPLACE, true, Map.of(), "c=1")));
    assertThat(acc.get(1).content().get("data")).isEqualTo(Map.of("c", "MQ=="));
    assertThat(acc.size()).isEqualTo(3);
  }

  @Test
  void hashSuffixOnlyWhenBothOldAndNewAskForIt() {
    // kubectl: base disable + overlay hash -> no hash; base hash + overlay disable -> no hash
    for (boolean[] c :
        new boolean[][] {{false, true}, {true, false}, {false, false}, {true, true}}) {
      ResourceList acc = base(generated("ConfigMap", "cm", Behavior.CREATE, c[0], Map.of(), "a=1"));
      GeneratorAbsorber.absorb(
          acc, of(generated("ConfigMap", "cm", Behavior.MERGE, c[1], Map.of(), "b=2")));
      assertThat(acc.get(0).buildAnnotations().containsKey(Generator.NEEDS_HASH))
          .isEqualTo(c[0] && c[1]);
    }
  }

  @Test
  void mergeIntoAPlainConfigMapStringifiesValuesAndDropsOtherFields() {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("apiVersion", "v1");
    content.put("kind", "ConfigMap");
    content.put(
        "metadata",
        new LinkedHashMap<>(
            Map.of("name", "cm", "namespace", "ns1", "annotations", Map.of("k", "v"))));
    content.put("immutable", true);
    content.put("data", new LinkedHashMap<>(Map.of("n", 1L, "m", "x")));
    content.put("binaryData", new LinkedHashMap<>(Map.of("b", "AAE=")));
    ResourceList acc = base(new Resource(content));
    GeneratorArgs a =
        new GeneratorArgs(
            "cm",
            "ns1",
            Behavior.MERGE,
            new KvSources(List.of("b=2"), List.of(), List.of()),
            GeneratorOptions.NONE,
            "");
    GeneratorAbsorber.absorb(acc, new ConfigMapGenerator(a, NO_FILES).generate());
    Resource r = acc.get(0);
    assertThat(r.content().get("data")).isEqualTo(Map.of("b", "2", "m", "x", "n", "1"));
    assertThat(r.content().get("binaryData")).isEqualTo(Map.of("b", "AAE="));
    assertThat(r.content()).doesNotContainKey("immutable");
    assertThat(r.metadata())
        .containsEntry("annotations", Map.of("k", "v"))
        .containsEntry("namespace", "ns1");
    assertThat(r.buildAnnotations()).doesNotContainKey(Generator.NEEDS_HASH);
  }

  @Test
  void mergingTwoEmptyObjectsLeavesNoDataField() {
    ResourceList acc = base(generated("Secret", "s", Behavior.CREATE, true, Map.of()));
    GeneratorAbsorber.absorb(acc, of(generated("Secret", "s", Behavior.MERGE, true, Map.of())));
    assertThat(acc.get(0).content()).doesNotContainKey("data");
    new HashTransformer().transform(acc);
    assertThat(acc.get(0).name()).isEqualTo("s-8226t8dd99");
  }

  @Test
  void errorsForMissingTargetExistingTargetAndAmbiguity() {
    ResourceList empty = new ResourceList();
    assertThatThrownBy(
            () ->
                GeneratorAbsorber.absorb(
                    empty, of(generated("ConfigMap", "cm", Behavior.MERGE, true, Map.of()))))
        .hasMessageContaining("does not exist; cannot merge or replace");
    ResourceList one = base(generated("ConfigMap", "cm", Behavior.CREATE, true, Map.of()));
    assertThatThrownBy(
            () ->
                GeneratorAbsorber.absorb(
                    one, of(generated("ConfigMap", "cm", Behavior.CREATE, true, Map.of()))))
        .hasMessageContaining("exists; behavior must be merge or replace");
  }
}
