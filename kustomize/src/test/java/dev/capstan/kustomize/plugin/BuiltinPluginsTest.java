package dev.capstan.kustomize.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kustomize.BuildOptions;
import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.Kustomizer;
import dev.capstan.kustomize.Reorder;
import dev.capstan.kustomize.fs.MemoryFileTree;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Expected outputs and errors were probed with kubectl kustomize (v5.5.0) first. */
class BuiltinPluginsTest {
  private static final String CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n";

  private static String build(MemoryFileTree fs) {
    return new Kustomizer(BuildOptions.defaults().withReorder(Reorder.NONE))
        .buildYaml(fs, Path.of("/k"));
  }

  private static MemoryFileTree tree(String kustomization) {
    return new MemoryFileTree()
        .write("/k/kustomization.yaml", kustomization)
        .write("/k/cm.yaml", CM);
  }

  private static String prefixer(String name, String prefix) {
    return "apiVersion: builtin\nkind: PrefixSuffixTransformer\nmetadata:\n  name: "
        + name
        + "\nprefix: "
        + prefix
        + "\nfieldSpecs: [{path: metadata/name}]\n";
  }

  @Test
  void inlineConfigsRunBeforeFileAndDirectoryConfigs() {
    MemoryFileTree fs =
        tree("""
            resources: [cm.yaml]
            transformers:
            - p1.yaml
            - |-
              apiVersion: builtin
              kind: PrefixSuffixTransformer
              metadata:
                name: p0
              prefix: inline-
              fieldSpecs: [{path: metadata/name}]
            - cfgs
            """)
            .write("/k/p1.yaml", prefixer("p1", "file-"))
            .write("/k/cfgs/kustomization.yaml", "resources: [s.yaml]\n")
            .write("/k/cfgs/s.yaml", prefixer("p2", "dir-"));
    assertThat(build(fs))
        .isEqualTo("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dir-file-inline-c\n");
  }

  @Test
  void generatorPluginsAndHashes() {
    MemoryFileTree fs =
        tree(
            """
            generators:
            - |-
              apiVersion: builtin
              kind: ConfigMapGenerator
              metadata:
                name: mymap
              literals:
              - FRUIT=apple
              - VEGETABLE=carrot
            - |-
              apiVersion: builtin
              kind: SecretGenerator
              metadata:
                name: x
            """);
    assertThat(build(fs))
        .isEqualTo(
            """
            apiVersion: v1
            data:
              FRUIT: apple
              VEGETABLE: carrot
            kind: ConfigMap
            metadata:
              name: mymap-kfd8tf729k
            ---
            apiVersion: v1
            data: {}
            kind: Secret
            metadata:
              name: x-46f8b28mk5
            type: Opaque
            """);
  }

  @Test
  void fieldNamesMatchIgnoringCaseLikeGoJson() {
    MemoryFileTree fs =
        tree(
            """
            resources: [cm.yaml]
            transformers:
            - |-
              apiVersion: builtin
              kind: PrefixTransformer
              metadata:
                name: p
              Prefix: up-
              FieldSpecs: [{path: metadata/name}]
            """);
    assertThat(build(fs)).contains("name: up-c");
  }

  @Test
  void pluginConfigsReadNumbersAsTextWhereKubectlDoes() {
    MemoryFileTree fs =
        tree(
            """
            resources: [cm.yaml]
            transformers:
            - |-
              apiVersion: builtin
              kind: LabelTransformer
              metadata: {name: x}
              labels: {a: 1}
              fieldSpecs: [{path: metadata/labels, create: true}]
            """);
    assertThat(build(fs)).contains("labels:\n    a: \"1\"\n");
  }

  @Test
  void generatorPluginConfigsMatchFieldsIgnoringCaseButKeepScalarTypesStrict() {
    String gen =
        "generators:\n- |-\n  apiVersion: builtin\n  kind: ConfigMapGenerator\n"
            + "  metadata: {name: x}\n  Literals: [a=b]\n";
    assertThat(build(tree(gen))).contains("name: x-4h2mbtbbt6");
    assertThatThrownBy(() -> build(tree(gen + "  options: {labels: {n: 1}}\n")))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("cannot unmarshal number")
        .hasMessageContaining("ConfigMapGenerator.builtin.[noGrp]/x.[noNs] fails configuration");
  }

  @Test
  void externalAndUnknownPluginsFailLikeKubectl() {
    String external =
        "resources: [cm.yaml]\ntransformers:\n- |-\n  apiVersion: someteam.example.com/v1\n"
            + "  kind: ChartInflator\n  metadata:\n    name: x\n";
    assertThatThrownBy(() -> build(tree(external)))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining(
            "external plugins disabled; unable to load external plugin 'ChartInflator'");
    String notBuiltinVersion =
        external
            .replace("someteam.example.com/v1", "v1")
            .replace("ChartInflator", "LabelTransformer");
    assertThatThrownBy(() -> build(tree(notBuiltinVersion)))
        .hasMessageContaining("unable to load external plugin 'LabelTransformer'");
    String unknown =
        external
            .replace("someteam.example.com/v1", "builtin")
            .replace("ChartInflator", "FooTransformer");
    assertThatThrownBy(() -> build(tree(unknown)))
        .hasMessageContaining("unable to load builtin FooTransformer.builtin.[noGrp]");
    String sort = unknown.replace("FooTransformer", "SortOrderTransformer");
    assertThatThrownBy(() -> build(tree(sort)))
        .hasMessageContaining("unable to load builtin SortOrderTransformer.builtin.[noGrp]");
  }

  @Test
  void rolesAreChecked() {
    String generatorAsTransformer =
        "resources: [cm.yaml]\ntransformers:\n- |-\n  apiVersion: builtin\n"
            + "  kind: ConfigMapGenerator\n  metadata:\n    name: x\n";
    assertThatThrownBy(() -> build(tree(generatorAsTransformer)))
        .hasMessageContaining(
            "plugin ConfigMapGenerator.builtin.[noGrp]/x.[noNs] not a transformer");
    String transformerAsGenerator =
        generatorAsTransformer
            .replace("transformers:", "generators:")
            .replace("ConfigMapGenerator", "HashTransformer");
    assertThatThrownBy(() -> build(tree(transformerAsGenerator)))
        .hasMessageContaining("plugin HashTransformer.builtin.[noGrp]/x.[noNs] not a generator");
  }

  @Test
  void configErrorsNameThePlugin() {
    String noSpecs =
        "resources: [cm.yaml]\ntransformers:\n- |-\n  apiVersion: builtin\n"
            + "  kind: PrefixTransformer\n  metadata:\n    name: x\n  prefix: a-\n";
    assertThatThrownBy(() -> build(tree(noSpecs)))
        .hasMessageContaining(
            "plugin PrefixTransformer.builtin.[noGrp]/x.[noNs] fails configuration: fieldSpecs is"
                + " not expected to be nil");
    String helm =
        noSpecs
            .replace("PrefixTransformer", "HelmChartInflationGenerator")
            .replace("transformers:", "generators:");
    assertThatThrownBy(() -> build(tree(helm))).hasMessageContaining("must specify --enable-helm");
  }

  @Test
  void iamPolicyGeneratorMakesAnAnnotatedServiceAccount() {
    MemoryFileTree fs =
        tree(
            """
            generators:
            - |-
              apiVersion: builtin
              kind: IAMPolicyGenerator
              metadata:
                name: g
              cloud: gke
              kubernetesService:
                namespace: ns1
                name: ksa
              serviceAccount:
                name: gsa
                projectId: proj
            """);
    assertThat(build(fs))
        .isEqualTo(
            """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              annotations:
                iam.gke.io/gcp-service-account: gsa@proj.iam.gserviceaccount.com
              name: ksa
              namespace: ns1
            """);
    String aws =
        "generators:\n- |-\n  apiVersion: builtin\n  kind: IAMPolicyGenerator\n  metadata:\n    name: g\n  cloud: aws\n";
    assertThatThrownBy(() -> build(tree(aws)))
        .hasMessageContaining("cloud provider aws not supported yet");
  }
}
