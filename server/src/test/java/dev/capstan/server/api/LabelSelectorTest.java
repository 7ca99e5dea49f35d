package dev.capstan.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {
  private static final Map<String, String> LABELS =
      Map.of("team", "web", "tier", "front", "app.kubernetes.io/part-of", "shop");

  @Test
  void evaluatesEveryOperator() {
    assertThat(LabelSelector.parse("team=web").matches(LABELS)).isTrue();
    assertThat(LabelSelector.parse("team==web,tier!=back").matches(LABELS)).isTrue();
    assertThat(LabelSelector.parse("team in (db, web)").matches(LABELS)).isTrue();
    assertThat(LabelSelector.parse("team notin (web)").matches(LABELS)).isFalse();
    assertThat(LabelSelector.parse("app.kubernetes.io/part-of").matches(LABELS)).isTrue();
    assertThat(LabelSelector.parse("!tier").matches(LABELS)).isFalse();
    assertThat(LabelSelector.parse("").matches(Map.of())).isTrue();
    assertThat(LabelSelector.parse("team in (web)").matches(Map.of())).isFalse();
    assertThat(LabelSelector.parse("team notin (web)").matches(Map.of())).isTrue();
  }

  @Test
  void rejectsInjectionAttempts() {
    assertThatThrownBy(() -> LabelSelector.parse("team=web;rm -rf"))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> LabelSelector.parse("team=web) or (1=1"))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> LabelSelector.parse("a=b\nc")).isInstanceOf(ApiException.class);
  }

  @Test
  void namesRejectTraversal() {
    assertThatThrownBy(() -> Names.objectName("name", "../secrets"))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> Names.objectName("name", "a..b")).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> Names.namespace("kube-system/x")).isInstanceOf(ApiException.class);
    assertThat(Names.objectName("name", "web-1.prod")).isEqualTo("web-1.prod");
  }
}
