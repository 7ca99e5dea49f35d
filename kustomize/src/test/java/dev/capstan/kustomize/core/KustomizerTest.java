package dev.capstan.kustomize.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kustomize.BuildOptions;
import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.Kustomizer;
import dev.capstan.kustomize.Reorder;
import dev.capstan.kustomize.fs.MemoryFileTree;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Builds in-memory trees through the facade. */
class KustomizerTest {
  private static final String DEPLOY =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            serviceAccountName: sa
            containers:
            - name: web
              image: nginx:1.19
              envFrom:
              - configMapRef:
                  name: cfg
      """;
  private static final String CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n";
  private static final String SA = "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\n";

  private static MemoryFileTree tree() {
    return new MemoryFileTree()
        .write("/r/base/kustomization.yaml", "resources:\n- deploy.yaml\n- cm.yaml\n- sa.yaml\n")
        .write("/r/base/deploy.yaml", DEPLOY)
        .write("/r/base/cm.yaml", CM)
        .write("/r/base/sa.yaml", SA)
        .write(
            "/r/prod/kustomization.yaml",
            """
            resources:
            - ../base
            namePrefix: prod-
            namespace: prod
            commonLabels:
              env: prod
            images:
            - name: nginx
              newTag: "1.25"
            replicas:
            - name: web
              count: 3
            """);
  }

  @Test
  void overlayRenamesAndFixesReferences() {
    String out = new Kustomizer(BuildOptions.defaults()).buildYaml(tree(), Path.of("/r/prod"));
    assertThat(out)
        .isEqualTo(
            """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              labels:
                env: prod
              name: prod-sa
              namespace: prod
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              labels:
                env: prod
              name: prod-cfg
              namespace: prod
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              labels:
                env: prod
              name: prod-web
              namespace: prod
            spec:
              replicas: 3
              selector:
                matchLabels:
                  env: prod
              template:
                metadata:
                  labels:
                    env: prod
                spec:
                  containers:
                  - envFrom:
                    - configMapRef:
                        name: prod-cfg
                    image: nginx:1.25
                    name: web
                  serviceAccountName: prod-sa
            """);
  }

  @Test
  void reorderNoneKeepsInputOrder() {
    String out =
        new Kustomizer(BuildOptions.defaults().withReorder(Reorder.NONE))
            .buildYaml(tree(), Path.of("/r/base"));
    assertThat(out.indexOf("kind: Deployment")).isLessThan(out.indexOf("kind: ConfigMap"));
  }

  @Test
  void emptyBuildPrintsNothing() {
    MemoryFileTree fs = new MemoryFileTree().write("/e/kustomization.yaml", "resources: []\n");
    assertThat(new Kustomizer(BuildOptions.defaults()).buildYaml(fs, Path.of("/e"))).isEmpty();
  }

  @Test
  void errorsNameTheFileAndField() {
    MemoryFileTree fs =
        new MemoryFileTree().write("/x/kustomization.yaml", "namePrefix: [a]\nresources: []\n");
    assertThatThrownBy(() -> new Kustomizer(BuildOptions.defaults()).buildYaml(fs, Path.of("/x")))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("/x/kustomization.yaml")
        .hasMessageContaining("namePrefix");
  }

  @Test
  void missingResourceNamesTheEntryAndTheKustomization() {
    MemoryFileTree fs =
        new MemoryFileTree().write("/x/kustomization.yaml", "resources:\n- gone.yaml\n");
    assertThatThrownBy(() -> new Kustomizer(BuildOptions.defaults()).buildYaml(fs, Path.of("/x")))
        .hasMessageContaining("'gone.yaml'")
        .hasMessageContaining("/x/kustomization.yaml");
  }
}
