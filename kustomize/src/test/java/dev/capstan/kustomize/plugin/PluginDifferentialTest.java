package dev.capstan.kustomize.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.capstan.kustomize.BuildOptions;
import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.Kustomizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against kubectl kustomize: seeded random {@code transformers:} and {@code
 * generators:} plugin configs (inline, files and config directories) of every supported builtin
 * kind over a fixed set of resources. Outputs must be byte-identical, or both builds must fail.
 * Skipped when kubectl is not on the PATH.
 */
class PluginDifferentialTest {
  private static final int CASES = Integer.getInteger("capstan.plugin.diff.cases", 40);
  private static final long SEED = Long.getLong("capstan.plugin.diff.seed", 0x9106L);

  private static final String RESOURCES =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        labels: {app: web}
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
              image: nginx:1.25
              envFrom:
              - configMapRef: {name: cfg}
            initContainers:
            - name: init
              image: busybox
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        selector: {app: web}
        ports: [{port: 80}]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: rb
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}
      subjects:
      - {kind: ServiceAccount, name: default, namespace: old}
      - {kind: ServiceAccount, name: other, namespace: old}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: plain
      data: {k: v}
      """;

  @TempDir Path tmp;

  @Test
  void randomBuiltinPluginConfigsBuildExactlyAsKubectl() throws Exception {
    assumeTrue(kubectlAvailable(), "kubectl is not on the PATH");
    Random r = new Random(SEED);
    List<String> mismatches = new ArrayList<>();
    int built = 0;
    Kustomizer engine = new Kustomizer(BuildOptions.defaults());
    for (int i = 0; i < CASES; i++) {
      Path dir = tmp.resolve("case" + i);
      Files.createDirectories(dir.resolve("cfgdir"));
      Files.writeString(dir.resolve("resources.yaml"), RESOURCES);
      StringBuilder k = new StringBuilder("resources: [resources.yaml]\n");
      k.append("generators:\n");
      k.append(entry(dir, "g0", generator(r), r));
      if (r.nextBoolean()) {
        k.append(entry(dir, "g1", generator(r), r));
      }
      k.append("transformers:\n");
      boolean dirConfigs = false;
      for (int t = 0; t < 1 + r.nextInt(3); t++) {
        String config = transformer(r);
        if (r.nextInt(4) == 0) {
          Files.writeString(dir.resolve("cfgdir/t" + t + ".yaml"), config);
          dirConfigs = true;
        } else {
          k.append(entry(dir, "t" + t, config, r));
        }
      }
      if (dirConfigs) {
        StringBuilder list = new StringBuilder("resources:\n");
        try (var files = Files.list(dir.resolve("cfgdir"))) {
          for (Path f : files.sorted().toList()) {
            list.append("- ").append(f.getFileName()).append('\n');
          }
        }
        Files.writeString(dir.resolve("cfgdir/kustomization.yaml"), list.toString());
        k.append("- cfgdir\n");
      }
      Files.writeString(dir.resolve("kustomization.yaml"), k.toString());
      String oracle = kubectl(dir);
      String ours;
      try {
        ours = engine.buildYaml(dir);
      } catch (KustomizeException e) {
        ours = null;
      }
      if (oracle != null) {
        built++;
      }
      boolean same = oracle == null ? ours == null : oracle.equals(ours);
      if (!same) {
        mismatches.add(
            "case "
                + i
                + ":\n"
                + describe(dir)
                + "--- kubectl:\n"
                + (oracle == null
                    ? "ERROR " + Files.readString(dir.resolve("kubectl.err"))
                    : oracle)
                + "--- engine:\n"
                + ours);
      }
    }
    System.out.printf(
        "plugin differential: %d cases, %d built by kubectl, %d mismatches%n",
        CASES, built, mismatches.size());
    assertThat(built).isGreaterThan(CASES / 2);
    assertThat(mismatches)
        .as(String.join("\n\n", mismatches.subList(0, Math.min(3, mismatches.size()))))
        .isEmpty();
  }

  /** An inline entry or a file entry holding {@code config}. */
  private static String entry(Path dir, String name, String config, Random r) throws IOException {
    if (r.nextBoolean()) {
      Files.writeString(dir.resolve(name + ".yaml"), config);
      return "- " + name + ".yaml\n";
    }
    StringBuilder b = new StringBuilder("- |-\n");
    for (String line : config.split("\n")) {
      b.append("  ").append(line).append('\n');
    }
    return b.toString();
  }

  private static String generator(Random r) {
    String kind = r.nextBoolean() ? "ConfigMapGenerator" : "SecretGenerator";
    StringBuilder g = new StringBuilder("apiVersion: builtin\nkind: " + kind + "\n");
    g.append("metadata:\n  name: ").append(pick(r, "cfg", "gen", "other")).append('\n');
    if (r.nextInt(3) == 0) {
      g.append("  namespace: ").append(pick(r, "ns1", "default")).append('\n');
    }
    if (r.nextInt(3) == 0) {
      g.append("name: ").append(pick(r, "cfg", "named")).append('\n');
    }
    g.append("literals:\n- a=").append(r.nextInt(100)).append("\n- b='x y'\n");
    if (r.nextInt(3) == 0) {
      g.append("options:\n  disableNameSuffixHash: true\n");
    }
    if (r.nextInt(4) == 0) {
      g.append("options:\n  labels: {gen: \"yes\"}\n  annotations: {note: n}\n");
    }
    return g.toString();
  }

  private static String transformer(Random r) {
    String head = "apiVersion: builtin\nmetadata:\n  name: t" + r.nextInt(9) + "\n";
    return switch (r.nextInt(9)) {
      case 0 ->
          head
              + "kind: LabelTransformer\nlabels: {team: "
              + pick(r, "a", "b")
              + "}\n"
              + "fieldSpecs:\n- {path: metadata/labels, create: true}\n"
              + (r.nextBoolean() ? "- {path: spec/selector, kind: Service, create: true}\n" : "");
      case 1 ->
          head
              + "kind: AnnotationsTransformer\nannotations: {owner: "
              + pick(r, "x", "y-z")
              + "}\n"
              + "fieldSpecs:\n- {path: metadata/annotations, create: true}\n";
      case 2 ->
          head.replace("metadata:\n", "metadata:\n  namespace: " + pick(r, "prod", "dev") + "\n")
              + "kind: NamespaceTransformer\n"
              + (r.nextBoolean() ? "unsetOnly: true\n" : "")
              + (r.nextBoolean()
                  ? "setRoleBindingSubjects: "
                      + pick(r, "allServiceAccounts", "none", "defaultOnly")
                      + "\n"
                  : "")
              + "fieldSpecs:\n- {path: metadata/namespace, create: true}\n";
      case 3 ->
          head
              + "kind: "
              + pick(r, "PrefixTransformer", "PrefixSuffixTransformer")
              + "\nprefix: p"
              + r.nextInt(9)
              + "-\nsuffix: -s\nfieldSpecs:\n- {path: metadata/name}\n";
      case 4 ->
          head
              + "kind: SuffixTransformer\nsuffix: -x"
              + r.nextInt(9)
              + "\nfieldSpecs:\n- {path: metadata/name, kind: "
              + pick(r, "Deployment", "ConfigMap", "Service")
              + "}\n";
      case 5 ->
          head
              + "kind: ImageTagTransformer\nimageTag:\n  name: "
              + pick(r, "nginx", "busybox")
              + "\n  "
              + pick(r, "newTag: \"2.0\"", "newName: my/nginx", "digest: sha256:abc")
              + "\n"
              + (r.nextBoolean()
                  ? "fieldSpecs:\n- {path: spec/template/spec/containers[]/image}\n"
                  : "");
      case 6 ->
          head
              + "kind: ReplicaCountTransformer\nreplica: {name: web, count: "
              + r.nextInt(5)
              + "}\nfieldSpecs:\n- {path: spec/replicas, create: true, kind: Deployment}\n";
      case 7 -> head + "kind: HashTransformer\n";
      default ->
          head
              + "kind: PatchTransformer\ntarget: {kind: "
              + pick(r, "Deployment", "Service", "ConfigMap")
              + "}\npatch: |-\n  - op: add\n    path: /metadata/annotations\n    value: {patched: \"1\"}\n";
    };
  }

  private static String pick(Random r, String... options) {
    return options[r.nextInt(options.length)];
  }

  private static boolean kubectlAvailable() {
    try {
      Process p =
          new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String describe(Path dir) throws IOException {
    StringBuilder b = new StringBuilder();
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted().toList()) {
        String name = dir.relativize(p).toString();
        if (name.endsWith(".yaml") && !name.equals("resources.yaml")) {
          b.append("## ").append(name).append('\n').append(Files.readString(p));
        }
      }
    }
    return b.toString();
  }

  /** kubectl's output, or null when it failed (its error is kept in kubectl.err). */
  private static String kubectl(Path dir) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir.getParent(), "kubectl", ".out");
    Process p =
        new ProcessBuilder("kubectl", "kustomize", dir.toString())
            .redirectOutput(out.toFile())
            .redirectError(dir.resolve("kubectl.err").toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("kubectl finished").isTrue();
    return p.exitValue() == 0 ? Files.readString(out) : null;
  }
}
