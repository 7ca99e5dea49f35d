package dev.capstan.kustomize.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.kustomize.BuildOptions;
import dev.capstan.kustomize.Kustomizer;
import dev.capstan.kustomize.fs.MemoryFileTree;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * buildMetadata transformerAnnotations through a base (generator, replicas, labels), a component
 * with a plugin transformer from a config directory, an overlay merge and replacements. The
 * expected text is kubectl kustomize's output for the same tree.
 */
class TransformationRecorderTest {

  @Test
  void everyTransformerRunIsRecordedAsKubectlDoes() {
    MemoryFileTree fs =
        new MemoryFileTree()
            .write(
                "/t/base/d.yaml",
                "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers: [{name: c, image: nginx}]\n")
            .write(
                "/t/base/kustomization.yaml",
                "resources: [d.yaml]\nconfigMapGenerator: [{name: g, literals: [a=b]}]\nreplicas: [{name: web, count: 2}]\nlabels: [{pairs: {x: w}}]\n")
            .write("/t/cfg/kustomization.yaml", "resources: [p.yaml]\n")
            .write(
                "/t/cfg/p.yaml",
                "apiVersion: builtin\nkind: PrefixSuffixTransformer\nmetadata: {name: ps, namespace: nn}\nprefix: pp-\nsuffix: -ss\nfieldSpecs: [{path: metadata/name}]\n")
            .write(
                "/t/comp/kustomization.yaml",
                "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\ncommonAnnotations: {comp: \"1\"}\ntransformers: [../cfg]\n")
            .write(
                "/t/ov/kustomization.yaml",
                "resources: [../base]\ncomponents: [../comp]\nconfigMapGenerator: [{name: g, behavior: merge, literals: [c=d]}]\nreplacements:\n- source: {kind: Deployment, fieldPath: metadata.name}\n  targets: [{select: {kind: ConfigMap}, fieldPaths: [data.c]}]\nbuildMetadata: [transformerAnnotations, originAnnotations]\n");
    String expected =
        """
        apiVersion: v1
        data:
          a: b
          c: pp-web-ss
        kind: ConfigMap
        metadata:
          annotations:
            alpha.config.kubernetes.io/transformations: |
              - configuredIn: ../base/kustomization.yaml
                configuredBy:
                  apiVersion: builtin
                  kind: LabelTransformer
              - configuredIn: ../base/kustomization.yaml
                configuredBy:
                  apiVersion: builtin
                  kind: LabelTransformer
              - configuredIn: ../base/kustomization.yaml
                configuredBy:
                  apiVersion: builtin
                  kind: ReplicaCountTransformer
              - configuredIn: ../comp/kustomization.yaml
                configuredBy:
                  apiVersion: builtin
                  kind: AnnotationsTransformer
              - configuredIn: ../cfg/p.yaml
                configuredBy:
                  apiVersion: builtin
                  kind: PrefixSuffixTransformer
                  name: ps
                  namespace: nn
              - configuredIn: kustomization.yaml
                configuredBy:
                  apiVersion: builtin
                  kind: ReplacementTransformer
            comp: "1"
            config.kubernetes.io/origin: |
              configuredIn: ../base/kustomization.yaml
              configuredBy:
                apiVersion: builtin
                kind: ConfigMapGenerator
          labels:
            x: w
          name: pp-g-ss-2td6kg7gb4
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          annotations:
            alpha.config.kubernetes.io/transformations: |
              - configuredIn: ../base/kustomization.yaml
                configuredBy:
                  apiVersion: builtin
                  kind: LabelTransformer
              - configuredIn: ../base/kustomization.yaml
                configuredBy:
                  apiVersion: builtin
                  kind: LabelTransformer
              - configuredIn: ../base/kustomization.yaml
                configuredBy:
                  apiVersion: builtin
                  kind: ReplicaCountTransformer
              - configuredIn: ../comp/kustomization.yaml
                configuredBy:
                  apiVersion: builtin
                  kind: AnnotationsTransformer
              - configuredIn: ../cfg/p.yaml
                configuredBy:
                  apiVersion: builtin
                  kind: PrefixSuffixTransformer
                  name: ps
                  namespace: nn
              - configuredIn: kustomization.yaml
                configuredBy:
                  apiVersion: builtin
                  kind: ReplacementTransformer
            comp: "1"
            config.kubernetes.io/origin: |
              path: ../base/d.yaml
          labels:
            x: w
          name: pp-web-ss
        spec:
          replicas: 2
          template:
            metadata:
              annotations:
                comp: "1"
            spec:
              containers:
              - image: nginx
                name: c
        """;
    assertThat(new Kustomizer(BuildOptions.defaults()).buildYaml(fs, Path.of("/t/ov")))
        .isEqualTo(expected);
  }
}
