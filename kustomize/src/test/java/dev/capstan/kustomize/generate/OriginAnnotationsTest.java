package dev.capstan.kustomize.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.kustomize.BuildOptions;
import dev.capstan.kustomize.Kustomizer;
import dev.capstan.kustomize.fs.MemoryFileTree;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** buildMetadata origin annotations and managed-by label; expected text is kubectl's output. */
class OriginAnnotationsTest {

  @Test
  void originsOfReadAndGeneratedObjectsAcrossBasesMatchKubectl() {
    MemoryFileTree fs =
        new MemoryFileTree()
            .write(
                "/r/base/common/c.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n"
                    + "  annotations: {config.kubernetes.io/origin: \"x\"}\n")
            .write("/r/base/common/kustomization.yaml", "resources: [c.yaml]\n")
            .write(
                "/r/base/kustomization.yaml",
                "resources: [common, s.yaml]\nconfigMapGenerator: [{name: g, literals: [a=b]}]\n")
            .write("/r/base/s.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n")
            .write(
                "/r/ov/kustomization.yaml",
                """
                resources: [../base]
                buildMetadata: [originAnnotations, managedByLabel]
                generators:
                - |-
                  apiVersion: builtin
                  kind: SecretGenerator
                  metadata:
                    name: inl
                    namespace: x
                """);
    String out = new Kustomizer(BuildOptions.defaults()).buildYaml(fs, Path.of("/r/ov"));
    assertThat(out)
        .isEqualTo(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              annotations:
                config.kubernetes.io/origin: |
                  path: ../base/common/c.yaml
              labels:
                app.kubernetes.io/managed-by: kustomize-(devel)
              name: c
            ---
            apiVersion: v1
            data:
              a: b
            kind: ConfigMap
            metadata:
              annotations:
                config.kubernetes.io/origin: |
                  configuredIn: ../base/kustomization.yaml
                  configuredBy:
                    apiVersion: builtin
                    kind: ConfigMapGenerator
              labels:
                app.kubernetes.io/managed-by: kustomize-(devel)
              name: g-4h2mbtbbt6
            ---
            apiVersion: v1
            data: {}
            kind: Secret
            metadata:
              annotations:
                config.kubernetes.io/origin: |
                  configuredIn: kustomization.yaml
                  configuredBy:
                    apiVersion: builtin
                    kind: SecretGenerator
                    name: inl
                    namespace: x
              labels:
                app.kubernetes.io/managed-by: kustomize-(devel)
              name: inl-46f8b28mk5
              namespace: x
            type: Opaque
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              annotations:
                config.kubernetes.io/origin: |
                  path: ../base/s.yaml
              labels:
                app.kubernetes.io/managed-by: kustomize-(devel)
              name: s
            """);
  }

  @Test
  void withoutBuildMetadataNothingIsAnnotated() {
    MemoryFileTree fs =
        new MemoryFileTree()
            .write("/r/kustomization.yaml", "configMapGenerator: [{name: g, literals: [a=b]}]\n");
    assertThat(new Kustomizer(BuildOptions.defaults()).buildYaml(fs, Path.of("/r")))
        .doesNotContain("origin")
        .doesNotContain("managed-by");
  }
}
