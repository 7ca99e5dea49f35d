package dev.capstan.kustomize.replace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kustomize.fieldspec.FieldSpecConfig;
import dev.capstan.kustomize.openapi.SchemaSet;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import dev.capstan.kustomize.yaml.YamlReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VarsTest {
  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String text) {
    return (Map<String, Object>) YamlReader.readOne(text, "test");
  }

  @Test
  void expandsLikeKustomize() {
    Map<String, Object> v = Map.of("A", "x", "N", 3L);
    assertThat(Vars.expand("$(A)-$(N)", v)).isEqualTo("x-3");
    assertThat(Vars.expand("$(N)", v)).isEqualTo(3L);
    assertThat(Vars.expand("$$(A) $(B) $x $", v)).isEqualTo("$(A) $(B) $x $");
    assertThat(Vars.expand("$(A", v)).isEqualTo("$(A");
  }

  @Test
  void substitutesInVarReferenceFieldsAfterRenames() {
    Resource svc = new Resource(yaml("{apiVersion: v1, kind: Service, metadata: {name: db}}"));
    Resource dep =
        new Resource(
            yaml(
                "{apiVersion: apps/v1, kind: Deployment, metadata: {name: web}, spec: {template: {spec: {containers: [{name: c, command: [run, '$(DB)'], env: [{name: X, value: 'host=$(DB)'}]}]}}}}"));
    ResourceList list = new ResourceList(List.of(svc, dep));
    List<Object> vars =
        List.of(yaml("{name: DB, objref: {kind: Service, name: db, apiVersion: v1}}"));
    Vars.record(vars, list, SchemaSet.kubernetesDefault());
    svc.previousIds().add(svc.id());
    svc.metadata().put("name", "p-db");
    Vars.resolve(vars, list, FieldSpecConfig.defaults().specs("varReference"));
    assertThat(dep.content().toString())
        .contains("command=[run, p-db]")
        .contains("value=host=p-db");
  }

  @Test
  void duplicateAndUnresolvableVarsFail() {
    ResourceList list =
        new ResourceList(
            List.of(new Resource(yaml("{apiVersion: v1, kind: Service, metadata: {name: db}}"))));
    Object v = yaml("{name: DB, objref: {kind: Service, name: db, apiVersion: v1}}");
    assertThatThrownBy(() -> Vars.resolve(List.of(v, v), list, List.of()))
        .hasMessage("var 'DB' already encountered");
    assertThatThrownBy(() -> Vars.resolve(List.of(v), list, List.of()))
        .hasMessageContaining("cannot be mapped to a field in the set of known resources");
  }
}
