package dev.capstan.kustomize.alias;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.kustomize.BuildOptions;
import dev.capstan.kustomize.Kustomizer;
import dev.capstan.kustomize.fs.MemoryFileTree;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A base's commonLabels adds {@code team} at four places of the Deployment; what later overlay
 * steps do to them. Every expected text is kubectl kustomize's output for the same tree.
 */
class ValueAliasesTest {

  private static String build(String overlay) {
    MemoryFileTree fs =
        new MemoryFileTree()
            .write(
                "/a/base/d.yaml",
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers: [{name: c, image: nginx}]\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: src}\ndata: {v: fromcm}\n")
            .write("/a/base/kustomization.yaml", "resources: [d.yaml]\ncommonLabels: {team: a}\n")
            .write("/a/ov/kustomization.yaml", overlay);
    return new Kustomizer(BuildOptions.defaults()).buildYaml(fs, Path.of("/a/ov"));
  }

  @Test
  void overlayLabelsWithoutSelectorsChangeSharedSelectorValues() {
    assertThat(build("resources: [../base]\nlabels:\n- pairs: {team: b}\n"))
        .isEqualTo(
            """
            apiVersion: v1
            data:
              v: fromcm
            kind: ConfigMap
            metadata:
              labels:
                team: b
              name: src
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              labels:
                team: b
              name: web
            spec:
              selector:
                matchLabels:
                  team: b
              template:
                metadata:
                  labels:
                    team: b
                spec:
                  containers:
                  - image: nginx
                    name: c
            """);
  }

  @Test
  void strategicMergePatchEditsSharedValuesInPlace() {
    assertThat(
            build(
                "resources: [../base]\npatches:\n- target: {kind: Deployment}\n  patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: web}\n    spec: {template: {metadata: {labels: {team: c}}}}\n"))
        .isEqualTo(
            """
            apiVersion: v1
            data:
              v: fromcm
            kind: ConfigMap
            metadata:
              labels:
                team: a
              name: src
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              labels:
                team: c
              name: web
            spec:
              selector:
                matchLabels:
                  team: c
              template:
                metadata:
                  labels:
                    team: c
                spec:
                  containers:
                  - image: nginx
                    name: c
            """);
  }

  @Test
  void jsonPatchReplacesOnlyItsOwnValue() {
    assertThat(
            build(
                "resources: [../base]\npatches:\n- target: {kind: Deployment}\n  patch: |-\n    - op: replace\n      path: /spec/template/metadata/labels/team\n      value: d\n"))
        .isEqualTo(
            """
            apiVersion: v1
            data:
              v: fromcm
            kind: ConfigMap
            metadata:
              labels:
                team: a
              name: src
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              labels:
                team: a
              name: web
            spec:
              selector:
                matchLabels:
                  team: a
              template:
                metadata:
                  labels:
                    team: d
                spec:
                  containers:
                  - image: nginx
                    name: c
            """);
  }

  @Test
  void replacementsEditSharedValuesInPlace() {
    assertThat(
            build(
                "resources: [../base]\nreplacements:\n- source: {kind: ConfigMap, fieldPath: data.v}\n  targets: [{select: {kind: Deployment}, fieldPaths: [metadata.labels.team]}]\n"))
        .isEqualTo(
            """
            apiVersion: v1
            data:
              v: fromcm
            kind: ConfigMap
            metadata:
              labels:
                team: a
              name: src
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              labels:
                team: fromcm
              name: web
            spec:
              selector:
                matchLabels:
                  team: fromcm
              template:
                metadata:
                  labels:
                    team: fromcm
                spec:
                  containers:
                  - image: nginx
                    name: c
            """);
  }
}
