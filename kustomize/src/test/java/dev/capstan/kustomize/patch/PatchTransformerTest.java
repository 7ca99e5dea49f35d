package dev.capstan.kustomize.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.LoadRestrictor;
import dev.capstan.kustomize.fs.Loader;
import dev.capstan.kustomize.fs.MemoryFileTree;
import dev.capstan.kustomize.openapi.OpenApiSettings;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import dev.capstan.kustomize.yaml.YamlReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatchTransformerTest {
  private final MemoryFileTree fs = new MemoryFileTree();
  private final OpenApiSettings openapi = OpenApiSettings.defaults();

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String text) {
    return (Map<String, Object>) YamlReader.readOne(text, "test");
  }

  private static Map<String, Object> cfg(String target, String patch) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("patch", patch);
    if (target != null) {
      m.put("target", yaml(target));
    }
    return m;
  }

  private static Map<String, Object> withOption(Map<String, Object> config, String option) {
    config.put("options", Map.of(option, true));
    return config;
  }

  private ResourceList resources() {
    return new ResourceList(
        List.of(
            new Resource(
                yaml("{apiVersion: v1, kind: Service, metadata: {name: s, labels: {a: b}}}")),
            new Resource(
                yaml(
                    "{apiVersion: apps/v1, kind: Deployment, metadata: {name: d}, spec: {replicas: 1}}"))));
  }

  private Loader loader() {
    fs.write("/k/kustomization.yaml", "resources: []\n");
    return Loader.forRoot(fs, Path.of("/k"), LoadRestrictor.ROOT_ONLY);
  }

  @Test
  void smPatchWithoutTargetAppliesToTheResourceItNames() {
    ResourceList list = resources();
    PatchTransformer.fromConfig(
            cfg(
                null,
                "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: 3}\n"),
            loader(),
            openapi)
        .transform(list);
    assertThat(list.get(1).content().get("spec")).isEqualTo(yaml("{replicas: 3}"));
  }

  @Test
  void smPatchWithoutTargetFailsWhenNothingMatches() {
    PatchTransformer t =
        PatchTransformer.fromConfig(
            cfg(
                null,
                "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: nope}\nspec: {replicas: 3}\n"),
            loader(),
            openapi);
    assertThatThrownBy(() -> t.transform(resources()))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("no resource matches strategic merge patch");
  }

  @Test
  void targetedSmPatchReadsLabelsAsStringsAndKeepsTheName() {
    ResourceList list = resources();
    PatchTransformer.fromConfig(
            cfg(
                "{kind: Service}",
                "apiVersion: v1\nkind: Service\nmetadata: {name: other, labels: {a: null, n: 1}}\n"),
            loader(),
            openapi)
        .transform(list);
    Map<String, Object> md = list.get(0).metadata();
    assertThat(md.get("name")).isEqualTo("s");
    assertThat(md.get("labels")).isEqualTo(yaml("{a: 'null', n: '1'}"));
  }

  @Test
  void allowNameChangeRenamesAndRecordsThePreviousId() {
    ResourceList list = resources();
    PatchTransformer.fromConfig(
            withOption(
                cfg("{name: d}", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d2}\n"),
                "allowNameChange"),
            loader(),
            openapi)
        .transform(list);
    assertThat(list.get(1).name()).isEqualTo("d2");
    assertThat(list.get(1).previousIds())
        .extracting(Object::toString)
        .containsExactly("Deployment/d");
  }

  @Test
  void jsonPatchFromAFileNeedsATarget() {
    fs.write("/k/p.yaml", "- op: replace\n  path: /spec/replicas\n  value: 5\n");
    ResourceList list = resources();
    PatchTransformer.fromConfig(
            yaml("{path: p.yaml, target: {kind: Deployment}}"), loader(), openapi)
        .transform(list);
    assertThat(list.get(1).content().get("spec")).isEqualTo(yaml("{replicas: 5}"));
    PatchTransformer untargeted =
        PatchTransformer.fromConfig(yaml("{path: p.yaml}"), loader(), openapi);
    assertThatThrownBy(() -> untargeted.transform(resources()))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("must specify a target for JSON patch");
  }

  @Test
  void deletePatchRemovesTheResource() {
    ResourceList list = resources();
    PatchTransformer.fromConfig(
            cfg(null, "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n$patch: delete\n"),
            loader(),
            openapi)
        .transform(list);
    assertThat(list.asList()).extracting(r -> r.id().toString()).containsExactly("Deployment/d");
  }

  @Test
  void configErrors() {
    assertThatThrownBy(
            () -> PatchTransformer.fromConfig(yaml("{target: {kind: X}}"), loader(), openapi))
        .hasMessageContaining("must specify one of patch and path");
    assertThatThrownBy(
            () -> PatchTransformer.fromConfig(yaml("{patch: x, path: y}"), loader(), openapi))
        .hasMessageContaining("patch and path can't be set at the same time");
    assertThatThrownBy(
            () -> PatchTransformer.fromConfig(yaml("{path: missing.yaml}"), loader(), openapi))
        .hasMessageContaining("failed to get the patch file from path(missing.yaml)");
    PatchTransformer two =
        PatchTransformer.fromConfig(
            cfg(
                "{kind: Service}",
                "kind: Service\nmetadata: {name: a}\n---\nkind: Service\nmetadata: {name: b}\n"),
            loader(),
            openapi);
    assertThatThrownBy(() -> two.transform(resources()))
        .hasMessageContaining("Multiple Strategic-Merge Patches in one `patches` entry");
  }

  @Test
  void json6902TransformerRequiresATargetName() {
    assertThatThrownBy(
            () ->
                PatchJson6902Transformer.fromConfig(
                    yaml("{target: {kind: Service}, jsonOp: '[]'}"), loader(), openapi))
        .hasMessageContaining("must specify the target name");
    ResourceList list = resources();
    PatchJson6902Transformer.fromConfig(
            yaml(
                "{target: {kind: Service, name: s}, jsonOp: '[{\"op\": \"add\", \"path\": \"/spec\", \"value\": {}}]'}"),
            loader(),
            openapi)
        .transform(list);
    assertThat(list.get(0).content()).containsKey("spec");
  }

  @Test
  void strategicMergeTransformerTakesInlineAndFileEntries() {
    fs.write(
        "/k/svc.yaml",
        "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {type: NodePort}\n");
    ResourceList list = resources();
    PatchStrategicMergeTransformer.fromEntries(
            List.of(
                "svc.yaml",
                "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {paused: true}\n"),
            loader(),
            openapi)
        .transform(list);
    assertThat(list.get(0).content().get("spec")).isEqualTo(yaml("{type: NodePort}"));
    assertThat(list.get(1).content().get("spec")).isEqualTo(yaml("{replicas: 1, paused: true}"));
  }
}
