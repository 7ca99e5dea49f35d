package dev.capstan.kustomize.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kustomize.LoadRestrictor;
import dev.capstan.kustomize.fieldspec.FieldSpec;
import dev.capstan.kustomize.fieldspec.FieldSpecConfig;
import dev.capstan.kustomize.fieldspec.NameBackReference;
import dev.capstan.kustomize.fs.Loader;
import dev.capstan.kustomize.fs.MemoryFileTree;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrdFieldSpecsTest {
  private static final String DEFINITIONS =
      """
      {
        "example.com/v1beta1.Bee": {"Schema": {"properties": {
          "apiVersion": {"type": "string"}, "kind": {"type": "string"},
          "metadata": {"$ref": "k8s.io/apimachinery/pkg/apis/meta/v1.ObjectMeta"},
          "spec": {"$ref": "example.com/v1beta1.BeeSpec"}}}},
        "example.com/v1beta1.BeeSpec": {"Schema": {"properties": {
          "secretRef": {"x-kubernetes-object-ref-api-version": "v1", "x-kubernetes-object-ref-kind": "Secret"},
          "labelsel": {"x-kubernetes-label-selector": ""},
          "notes": {"x-kubernetes-annotation": ""},
          "other": {"x-kubernetes-identity": ""}}}}
      }
      """;

  private static Loader loader(String file, String content) {
    MemoryFileTree fs = new MemoryFileTree();
    fs.write("/k/kustomization.yaml", "");
    fs.write("/k/" + file, content);
    return Loader.forRoot(fs, Path.of("/k"), LoadRestrictor.ROOT_ONLY);
  }

  @Test
  void extensionsBecomeFieldSpecsOfTheKind() {
    FieldSpecConfig c = CrdFieldSpecs.load(List.of("bee.json"), loader("bee.json", DEFINITIONS));
    assertThat(c.specs("commonAnnotations"))
        .extracting(FieldSpec::toString)
        .containsExactly("Bee:spec/notes");
    assertThat(c.specs("commonLabels"))
        .extracting(FieldSpec::toString)
        .containsExactly("Bee:spec/labelsel");
    assertThat(c.specs("namePrefix"))
        .extracting(FieldSpec::toString)
        .containsExactly("Bee:spec/other");
    assertThat(c.nameReference()).hasSize(1);
    NameBackReference ref = c.nameReference().get(0);
    assertThat(ref.kind()).isEqualTo("Secret");
    assertThat(ref.version()).isEqualTo("v1");
    assertThat(ref.referrers())
        .extracting(FieldSpec::toString)
        .containsExactly("Bee:spec/secretRef/name");
  }

  @Test
  void aCrdManifestIsNotADefinitionFile() {
    assertThatThrownBy(
            () ->
                CrdFieldSpecs.load(
                    List.of("crd.yaml"),
                    loader(
                        "crd.yaml",
                        "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n")))
        .hasMessageContaining("unable to parse open API definition from 'crd.yaml'");
  }
}
