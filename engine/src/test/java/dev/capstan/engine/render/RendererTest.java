package dev.capstan.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RendererTest {

  @TempDir Path root;

  private final Renderer renderer = new Renderer();

  private void write(String path, String text) throws IOException {
    Path p = root.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 1
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
            - name: web
              image: nginx:1.0
      """;

  private static List<String> names(RenderResult r) {
    return r.objects().stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList();
  }

  @Test
  void plainDirectoryReadsTopLevelManifestsOnlyUnlessRecurse() throws IOException {
    write(
        "app/a.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n");
    write(
        "app/c.json",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"}}");
    write("app/README.md", "not yaml");
    write("app/sub/d.yml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\n");

    RenderResult flat = renderer.render(RenderSource.of(root, "app"));
    RenderResult deep =
        renderer.render(
            RenderSource.of(root, "app").withDirectory(new DirectoryOptions(true, "", "")));

    assertThat(flat.errors()).isEmpty();
    assertThat(names(flat)).containsExactly("ConfigMap/a", "ConfigMap/b", "ConfigMap/c");
    assertThat(flat.types()).containsExactly(SourceType.DIRECTORY);
    assertThat(names(deep))
        .containsExactly("ConfigMap/a", "ConfigMap/b", "ConfigMap/c", "ConfigMap/d");
  }

  @Test
  void includeAndExcludeGlobsMatchTheRelativePathAsArgoCdDoes() throws IOException {
    write("app/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
    write(
        "app/b.json",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"b\"}}");
    write("app/sub/c.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
    write("app/sub/skip-me.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: skip}\n");

    RenderResult r =
        renderer.render(
            RenderSource.of(root, "app")
                .withDirectory(new DirectoryOptions(true, "{*.yaml,*.yml}", "*skip*")));

    assertThat(names(r)).containsExactly("ConfigMap/a", "ConfigMap/c");
  }

  @Test
  void malformedYamlIsAnErrorValueNamingTheFile() throws IOException {
    write("app/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a\n");

    RenderResult r = renderer.render(RenderSource.of(root, "app"));

    assertThat(r.succeeded()).isFalse();
    assertThat(r.objects()).isEmpty();
    assertThat(r.errors().getFirst().reason()).isEqualTo("InvalidManifest");
    assertThat(r.errorMessage()).contains("a.yaml");
  }

  @Test
  void documentWithoutNameIsRefused() throws IOException {
    write("app/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n");

    assertThat(renderer.render(RenderSource.of(root, "app")).errorMessage())
        .contains("a.yaml: document 1 (ConfigMap) has no metadata.name");
  }

  @Test
  void missingPathAndHelmChartsAreTerminalErrors() throws IOException {
    write("chart/Chart.yaml", "name: x\n");

    RenderResult missing = renderer.render(RenderSource.of(root, "nope"));
    RenderResult helm = renderer.render(RenderSource.of(root, "chart"));

    assertThat(missing.errors().getFirst().reason()).isEqualTo("PathNotFound");
    assertThat(helm.errors().getFirst().reason()).isEqualTo("HelmNotSupported");
    assertThat(helm.errorMessage()).contains("Helm is not supported yet");
    assertThat(helm.types()).containsExactly(SourceType.HELM);
  }

  @Test
  void pathEscapingTheRootIsNotFound() {
    assertThat(renderer.render(RenderSource.of(root, "../..")).errors().getFirst().reason())
        .isEqualTo("PathNotFound");
  }

  @Test
  void kustomizationIsBuiltWithArgoOverridesLayeredOnTop() throws IOException {
    write("base/deployment.yaml", DEPLOYMENT);
    write(
        "base/kustomization.yaml",
        """
        resources: [deployment.yaml]
        namePrefix: old-
        commonLabels:
          team: a
        """);
    KustomizeOverrides o =
        KustomizeOverrides.none()
            .withNamePrefix("new-")
            .withNameSuffix("-v2")
            .withNamespace("shop")
            .withImages(List.of("nginx=registry.example/nginx:2.0"))
            .withCommonLabels(Map.of("env", "prod"), false)
            .withCommonAnnotations(Map.of("owner", "me"), false)
            .withReplicas(List.of(new KustomizeOverrides.Replica("web", 4)))
            .withPatches(
                List.of(
                    Map.of(
                        "target",
                        Map.of("kind", "Deployment"),
                        "patch",
                        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    patched: \"yes\"\n")));

    RenderResult r = renderer.render(RenderSource.of(root, "base").withKustomize(o));

    assertThat(r.errors()).isEmpty();
    assertThat(r.types()).containsExactly(SourceType.KUSTOMIZE);
    GenericKubernetesResource d = r.objects().getFirst();
    assertThat(d.getMetadata().getName()).isEqualTo("new-web-v2");
    assertThat(d.getMetadata().getNamespace()).isEqualTo("shop");
    assertThat(d.getMetadata().getLabels())
        .containsEntry("team", "a")
        .containsEntry("env", "prod")
        .containsEntry("patched", "yes");
    assertThat(d.getMetadata().getAnnotations()).containsEntry("owner", "me");
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) d.getAdditionalProperties().get("spec");
    assertThat(((Number) spec.get("replicas")).intValue()).isEqualTo(4);
    assertThat(spec.toString()).contains("registry.example/nginx:2.0");
  }

  @Test
  void existingLabelNeedsForceAsWithKustomizeEdit() throws IOException {
    write("base/deployment.yaml", DEPLOYMENT);
    write("base/kustomization.yaml", "resources: [deployment.yaml]\ncommonLabels: {team: a}\n");

    RenderResult refused =
        renderer.render(
            RenderSource.of(root, "base")
                .withKustomize(
                    KustomizeOverrides.none().withCommonLabels(Map.of("team", "b"), false)));
    RenderResult forced =
        renderer.render(
            RenderSource.of(root, "base")
                .withKustomize(
                    KustomizeOverrides.none().withCommonLabels(Map.of("team", "b"), true)));

    assertThat(refused.errors().getFirst().reason()).isEqualTo("InvalidOverride");
    assertThat(forced.objects().getFirst().getMetadata().getLabels()).containsEntry("team", "b");
  }

  @Test
  void brokenKustomizationIsAnErrorValue() throws IOException {
    write("base/kustomization.yaml", "resources: [missing.yaml]\n");

    RenderResult r = renderer.render(RenderSource.of(root, "base"));

    assertThat(r.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo("KustomizeBuildFailed"));
  }

  @Test
  void multipleSourcesAreConcatenatedInOrderWithTheirErrors() throws IOException {
    write("a/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
    write("b/deployment.yaml", DEPLOYMENT);
    write("b/kustomization.yaml", "resources: [deployment.yaml]\n");

    RenderResult ok =
        renderer.render(List.of(RenderSource.of(root, "a"), RenderSource.of(root, "b")));
    RenderResult oneBad =
        renderer.render(List.of(RenderSource.of(root, "a"), RenderSource.of(root, "zzz")));

    assertThat(names(ok)).containsExactly("ConfigMap/a", "Deployment/web");
    assertThat(ok.types()).containsExactly(SourceType.DIRECTORY, SourceType.KUSTOMIZE);
    assertThat(oneBad.succeeded()).isFalse();
  }

  @Test
  void imageArgumentsParseLikeKustomizeEditSetImage() {
    assertThat(KustomizationEditor.parseImage("nginx:1.2"))
        .isEqualTo(Map.of("name", "nginx", "newTag", "1.2"));
    assertThat(KustomizationEditor.parseImage("nginx=my/nginx:1.2"))
        .isEqualTo(Map.of("name", "nginx", "newName", "my/nginx", "newTag", "1.2"));
    assertThat(KustomizationEditor.parseImage("nginx=reg:5000/nginx@sha256:abc"))
        .isEqualTo(Map.of("name", "nginx", "newName", "reg:5000/nginx", "digest", "sha256:abc"));
  }
}
