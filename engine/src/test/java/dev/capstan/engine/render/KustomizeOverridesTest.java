package dev.capstan.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class KustomizeOverridesTest {

  @Test
  void noneIsEmptyAndAnyOverrideIsNot() {
    assertThat(KustomizeOverrides.none().isEmpty()).isTrue();
    assertThat(KustomizeOverrides.none().withNamespace("prod").isEmpty()).isFalse();
  }

  @Test
  void everyWitherChangesItsOwnComponentsAndNoOther() throws Exception {
    KustomizeOverrides none = KustomizeOverrides.none();
    Map<Set<String>, KustomizeOverrides> changed = new LinkedHashMap<>();
    changed.put(Set.of("namePrefix"), none.withNamePrefix("p-"));
    changed.put(Set.of("nameSuffix"), none.withNameSuffix("-s"));
    changed.put(Set.of("images"), none.withImages(List.of("nginx:1.27")));
    changed.put(
        Set.of("commonLabels", "forceCommonLabels"),
        none.withCommonLabels(Map.of("team", "a"), true));
    changed.put(
        Set.of("commonAnnotations", "forceCommonAnnotations"),
        none.withCommonAnnotations(Map.of("owner", "b"), true));
    changed.put(
        Set.of("labelWithoutSelector", "labelIncludeTemplates"), none.withLabelOptions(true, true));
    changed.put(Set.of("namespace"), none.withNamespace("prod"));
    changed.put(
        Set.of("replicas"), none.withReplicas(List.of(new KustomizeOverrides.Replica("web", 3))));
    changed.put(Set.of("patches"), none.withPatches(List.of(Map.of("path", "p.yaml"))));
    changed.put(
        Set.of("components", "ignoreMissingComponents"),
        none.withComponents(List.of("../c"), true));

    Set<String> covered = new TreeSet<>();
    changed.keySet().forEach(covered::addAll);
    assertThat(covered)
        .containsExactlyInAnyOrder(
            Arrays.stream(KustomizeOverrides.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toArray(String[]::new));
    for (var e : changed.entrySet()) {
      for (RecordComponent c : KustomizeOverrides.class.getRecordComponents()) {
        Object before = c.getAccessor().invoke(none);
        Object after = c.getAccessor().invoke(e.getValue());
        if (e.getKey().contains(c.getName())) {
          assertThat(after).as(e.getKey() + " sets " + c.getName()).isNotEqualTo(before);
        } else {
          assertThat(after).as(e.getKey() + " leaves " + c.getName()).isEqualTo(before);
        }
      }
    }
  }

  @Test
  void withersKeepTheCompactConstructorsCopies() {
    KustomizeOverrides o =
        KustomizeOverrides.none()
            .withCommonLabels(new java.util.HashMap<>(Map.of("b", "2", "a", "1")), false);

    assertThat(o.commonLabels().keySet()).containsExactly("a", "b");
    assertThat(o.withNamespace("x").commonLabels()).isEqualTo(o.commonLabels());
  }
}
