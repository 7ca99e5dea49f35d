package dev.capstan.kustomize.replace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kustomize.LoadRestrictor;
import dev.capstan.kustomize.fs.Loader;
import dev.capstan.kustomize.fs.MemoryFileTree;
import dev.capstan.kustomize.openapi.OpenApiSettings;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import dev.capstan.kustomize.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplacementTransformerTest {
  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String text) {
    return (Map<String, Object>) YamlReader.readOne(text, "test");
  }

  private static ResourceList resources() {
    return new ResourceList(
        List.of(
            new Resource(
                yaml(
                    "{apiVersion: v1, kind: ConfigMap, metadata: {name: cm}, data: {port: '8080', image: 'nginx:1.2', host: a.b.c}}")),
            new Resource(
                yaml(
                    """
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: d, labels: {app: x}}
                    spec:
                      replicas: 1
                      template:
                        spec:
                          containers:
                          - {name: web, image: old, ports: [{containerPort: 80}]}
                          - {name: side, image: old}
                    """))));
  }

  private static Loader loader() {
    MemoryFileTree fs = new MemoryFileTree();
    fs.write("/k/kustomization.yaml", "");
    fs.write(
        "/k/r.yaml",
        "- source: {kind: ConfigMap, name: cm, fieldPath: data.image}\n  targets: [{select: {kind: Deployment}, fieldPaths: ['spec.template.spec.containers.*.image']}]\n");
    return Loader.forRoot(fs, Path.of("/k"), LoadRestrictor.ROOT_ONLY);
  }

  private static void run(ResourceList list, String entries) {
    ReplacementTransformer.fromEntries(
            new ArrayList<>((List<?>) YamlReader.readOne(entries, "t")),
            loader(),
            OpenApiSettings.defaults())
        .transform(list);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> container(ResourceList list, int i) {
    Map<String, Object> spec =
        (Map<String, Object>)
            ((Map<String, Object>)
                    ((Map<String, Object>) list.get(1).content().get("spec")).get("template"))
                .get("spec");
    return (Map<String, Object>) ((List<Object>) spec.get("containers")).get(i);
  }

  @Test
  void elementSelectorTargetsOneContainerAndScalarTargetsKeepTheirType() {
    ResourceList list = resources();
    run(
        list,
        """
        - source: {kind: ConfigMap, name: cm, fieldPath: data.port}
          targets:
          - select: {kind: Deployment}
            fieldPaths: ['spec.template.spec.containers.[name=web].ports.0.containerPort']
        """);
    assertThat(container(list, 0).get("ports"))
        .isEqualTo(YamlReader.readOne("[{containerPort: 8080}]", "t"));
  }

  @Test
  void wildcardAndPathEntries() {
    ResourceList list = resources();
    run(list, "- path: r.yaml\n");
    assertThat(container(list, 0).get("image")).isEqualTo("nginx:1.2");
    assertThat(container(list, 1).get("image")).isEqualTo("nginx:1.2");
  }

  @Test
  void delimiterAndIndexOnSourceAndTarget() {
    ResourceList list = resources();
    run(
        list,
        """
        - source: {kind: ConfigMap, name: cm, fieldPath: data.host, options: {delimiter: '.', index: 1}}
          targets:
          - select: {kind: Deployment}
            fieldPaths: ['spec.template.spec.containers.[name=side].image']
            options: {delimiter: ':', index: 1}
        """);
    assertThat(container(list, 1).get("image")).isEqualTo("old:b");
  }

  @Test
  void createMakesMissingFieldsAndRejectSkips() {
    ResourceList list = resources();
    run(
        list,
        """
        - source: {kind: ConfigMap, name: cm}
          targets:
          - select: {kind: Deployment}
            fieldPaths: ['metadata.annotations.from']
            options: {create: true}
          - select: {labelSelector: app=x}
            reject: [{name: d}]
            fieldPaths: ['metadata.labels.app']
        """);
    assertThat(list.get(1).metadata().get("annotations")).isEqualTo(yaml("{from: cm}"));
    assertThat(list.get(1).metadata().get("labels")).isEqualTo(yaml("{app: x}"));
  }

  @Test
  void scalarTargetsMustStillReadAsTheirType() {
    ResourceList list = resources();
    run(
        list,
        "- source: {kind: ConfigMap, name: cm, fieldPath: data.port}\n  targets: [{select: {kind: Deployment}, fieldPaths: [spec.replicas]}]\n");
    assertThat(list.get(1).content().get("spec")).asString().contains("replicas=8080");
    assertThatThrownBy(
            () ->
                run(
                    resources(),
                    "- source: {kind: ConfigMap, name: cm, fieldPath: data.host}\n  targets: [{select: {kind: Deployment}, fieldPaths: [spec.replicas]}]\n"))
        .hasMessageContaining("cannot decode !!str `a.b.c` as a !!int");
  }

  @Test
  void errorsAsKustomize() {
    assertThatThrownBy(
            () ->
                run(
                    resources(),
                    "- source: {kind: Secret}\n  targets: [{select: {kind: Deployment}}]\n"))
        .hasMessageContaining("nothing selected by");
    assertThatThrownBy(
            () ->
                run(
                    resources(),
                    "- source: {kind: ConfigMap, fieldPath: data.nope}\n  targets: [{select: {kind: Deployment}}]\n"))
        .hasMessageContaining("fieldPath `data.nope` is missing for replacement source");
    assertThatThrownBy(
            () ->
                run(
                    resources(),
                    "- source: {kind: ConfigMap}\n  targets: [{select: {kind: Deployment}, fieldPaths: [spec.nope]}]\n"))
        .hasMessage("unable to find field \"spec.nope\" in replacement target");
    assertThatThrownBy(() -> run(resources(), "- source: {kind: ConfigMap}\n  targets: []\n"))
        .hasMessage("replacements must specify a source and at least one target");
  }
}
