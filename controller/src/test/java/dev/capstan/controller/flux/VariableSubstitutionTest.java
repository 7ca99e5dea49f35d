package dev.capstan.controller.flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.engine.cluster.ObjectTrees;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VariableSubstitutionTest {

  private static final Map<String, String> VARS = Map.of("name", "web", "empty", "", "count", "3");

  @Test
  void bracedVariablesDefaultsAndEscapes() {
    assertThat(VariableSubstitution.substitute("app-${name}", VARS)).isEqualTo("app-web");
    assertThat(VariableSubstitution.substitute("${missing}", VARS)).isEmpty();
    assertThat(VariableSubstitution.substitute("${missing:=fallback}", VARS)).isEqualTo("fallback");
    assertThat(VariableSubstitution.substitute("${empty:=fallback}", VARS)).isEqualTo("fallback");
    assertThat(VariableSubstitution.substitute("${empty:-fallback}", VARS)).isEqualTo("fallback");
    assertThat(VariableSubstitution.substitute("${empty=fallback}", VARS)).isEmpty();
    assertThat(VariableSubstitution.substitute("${missing-fallback}", VARS)).isEqualTo("fallback");
    assertThat(VariableSubstitution.substitute("${missing:=${name}-x}", VARS)).isEqualTo("web-x");
    assertThat(VariableSubstitution.substitute("$${name} and ${name}", VARS))
        .isEqualTo("${name} and web");
    assertThat(VariableSubstitution.substitute("echo $HOME $name", VARS))
        .isEqualTo("echo $HOME $name");
  }

  @Test
  void malformedExpressionsFailWithTheExpression() {
    assertThatThrownBy(() -> VariableSubstitution.substitute("${name", VARS))
        .hasMessageContaining("missing closing brace");
    assertThatThrownBy(() -> VariableSubstitution.substitute("${na me}", VARS))
        .hasMessageContaining("'${na me}'");
  }

  @Test
  void objectsAreSubstitutedUnlessTheyOptOutAndTypedFieldsBecomeNumbers() {
    GenericKubernetesResource deploy =
        ObjectTrees.fromMap(
            Map.of(
                "apiVersion",
                "apps/v1",
                "kind",
                "Deployment",
                "metadata",
                Map.of("name", "${name}"),
                "spec",
                Map.of(
                    "replicas",
                    "${count}",
                    "template",
                    Map.of("metadata", Map.of("labels", Map.of("v", "${count}"))))));
    GenericKubernetesResource raw =
        ObjectTrees.fromMap(
            Map.of(
                "apiVersion",
                "v1",
                "kind",
                "ConfigMap",
                "metadata",
                Map.of(
                    "name", "raw", "annotations", Map.of(VariableSubstitution.OPT_OUT, "disabled")),
                "data",
                Map.of("x", "${name}")));
    List<GenericKubernetesResource> out = VariableSubstitution.apply(List.of(deploy, raw), VARS);
    @SuppressWarnings("unchecked")
    Map<String, Object> d = ObjectTrees.mapper().convertValue(out.get(0), Map.class);
    assertThat(out.get(0).getMetadata().getName()).isEqualTo("web");
    assertThat(((Map<?, ?>) d.get("spec")).get("replicas")).isEqualTo(3L);
    assertThat(
            ((Map<?, ?>)
                    ((Map<?, ?>)
                            ((Map<?, ?>) ((Map<?, ?>) d.get("spec")).get("template"))
                                .get("metadata"))
                        .get("labels"))
                .get("v"))
        .isEqualTo("3");
    assertThat(out.get(1).getAdditionalProperties().get("data")).isEqualTo(Map.of("x", "${name}"));
  }

  @Test
  void invalidVariableNamesAreReported() {
    assertThat(VariableSubstitution.invalidNames(Set.of("ok_1", "1bad", "with-dash")))
        .containsExactly("1bad", "with-dash");
  }
}
