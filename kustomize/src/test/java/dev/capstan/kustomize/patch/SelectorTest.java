package dev.capstan.kustomize.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.kustomize.openapi.SchemaSet;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import dev.capstan.kustomize.yaml.YamlReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectorTest {
  private static final SchemaSet SCHEMAS = SchemaSet.kubernetesDefault();

  @SuppressWarnings("unchecked")
  private static Resource res(String text) {
    return new Resource((Map<String, Object>) YamlReader.readOne(text, "test"));
  }

  private final ResourceList list =
      new ResourceList(
          List.of(
              res(
                  "{apiVersion: apps/v1, kind: Deployment, metadata: {name: web, labels: {app: web, tier: fe}}}"),
              res(
                  "{apiVersion: apps/v1, kind: Deployment, metadata: {name: web-2, namespace: prod}}"),
              res("{apiVersion: v1, kind: Service, metadata: {name: web, annotations: {team: x}}}"),
              res("{apiVersion: v1, kind: Namespace, metadata: {name: prod}}")));

  private List<String> select(String selectorYaml) {
    return Selector.fromTree(YamlReader.readOne(selectorYaml, "t"), "t")
        .select(list, SCHEMAS)
        .stream()
        .map(r -> r.id().toString())
        .toList();
  }

  @Test
  void namesAreAnchoredRegularExpressions() {
    assertThat(select("{name: web}")).containsExactly("Deployment/web", "Service/web");
    assertThat(select("{name: web.*}"))
        .containsExactly("Deployment/web", "Deployment/prod/web-2", "Service/web");
    assertThat(select("{name: eb}")).isEmpty();
  }

  @Test
  void gvkFieldsFilter() {
    assertThat(select("{group: apps, kind: Deployment}"))
        .containsExactly("Deployment/web", "Deployment/prod/web-2");
    assertThat(select("{version: v1, kind: Service|Namespace}"))
        .containsExactly("Service/web", "Namespace/prod");
  }

  @Test
  void namespaceUsesEffectiveNamespaces() {
    assertThat(select("{namespace: default}")).containsExactly("Deployment/web", "Service/web");
    assertThat(select("{namespace: prod}")).containsExactly("Deployment/prod/web-2");
  }

  @Test
  void labelAndAnnotationSelectors() {
    assertThat(select("{labelSelector: 'app=web,tier in (fe, be)'}"))
        .containsExactly("Deployment/web");
    assertThat(select("{labelSelector: '!app'}")).hasSize(3);
    assertThat(select("{annotationSelector: team}")).containsExactly("Service/web");
    assertThat(select("{labelSelector: 'app!=web', kind: Deployment}"))
        .containsExactly("Deployment/prod/web-2");
  }

  @Test
  void originalNamesStillMatchAfterARename() {
    Resource r = list.get(0);
    r.previousIds().add(r.id());
    r.metadata().put("name", "p-web");
    assertThat(select("{name: web, kind: Deployment}")).containsExactly("Deployment/p-web");
  }
}
