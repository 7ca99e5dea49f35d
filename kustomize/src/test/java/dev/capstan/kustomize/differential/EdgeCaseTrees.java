package dev.capstan.kustomize.differential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small kustomization trees for the loader's edge cases (missing files, cycles, restrictor,
 * symlinks, bad YAML, conflicts, List kinds, anchors). Each is built by kubectl and by capstan;
 * both must fail, or both must print the same text.
 */
final class EdgeCaseTrees {
  private EdgeCaseTrees() {}

  private static final String CM = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n";

  /** Scenario name → (relative path → content); a content starting with "->" makes a symlink. */
  static Map<String, Map<String, String>> all() {
    Map<String, Map<String, String>> s = new LinkedHashMap<>();
    s.put("missing file", Map.of("kustomization.yaml", "resources:\n- nope.yaml\n"));
    s.put(
        "missing name",
        Map.of(
            "kustomization.yaml",
            "resources:\n- r.yaml\n",
            "r.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n"));
    s.put(
        "missing kind",
        Map.of(
            "kustomization.yaml",
            "resources:\n- r.yaml\n",
            "r.yaml",
            "apiVersion: v1\nmetadata: {name: x}\n"));
    s.put(
        "cycle",
        Map.of(
            "kustomization.yaml",
            "resources:\n- a\n",
            "a/kustomization.yaml",
            "resources:\n- ../b\n",
            "b/kustomization.yaml",
            "resources:\n- ../a\n"));
    s.put("self cycle", Map.of("kustomization.yaml", "resources:\n- .\n"));
    s.put(
        "directory without kustomization",
        Map.of("kustomization.yaml", "resources:\n- d\n", "d/r.yaml", CM));
    s.put(
        "file outside root",
        Map.of("kustomization.yaml", "resources:\n- ../out.yaml\n", "../out.yaml", CM));
    s.put(
        "symlink outside root",
        Map.of(
            "kustomization.yaml",
            "resources:\n- link.yaml\n",
            "../target.yaml",
            CM,
            "link.yaml",
            "->../target.yaml"));
    s.put(
        "symlink inside root",
        Map.of(
            "kustomization.yaml",
            "resources:\n- link.yaml\n",
            "sub/target.yaml",
            CM,
            "link.yaml",
            "->sub/target.yaml"));
    s.put(
        "duplicate resource",
        Map.of(
            "kustomization.yaml",
            "resources:\n- r.yaml\n- r2.yaml\n",
            "r.yaml",
            CM,
            "r2.yaml",
            CM));
    s.put("unknown field", Map.of("kustomization.yaml", "resources: []\nfoo: bar\n"));
    s.put("bad yaml", Map.of("kustomization.yaml", "resources: [\n"));
    s.put(
        "sequence resource",
        Map.of("kustomization.yaml", "resources:\n- r.yaml\n", "r.yaml", "- a\n- b\n"));
    s.put(
        "empty resource file",
        Map.of("kustomization.yaml", "resources:\n- r.yaml\n", "r.yaml", ""));
    s.put("empty kustomization", Map.of("kustomization.yaml", ""));
    s.put(
        "two kustomization files",
        Map.of("kustomization.yaml", "resources: []\n", "kustomization.yml", "resources: []\n"));
    s.put(
        "component as resource",
        Map.of(
            "kustomization.yaml",
            "resources:\n- c\n",
            "c/kustomization.yaml",
            "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n"));
    s.put("unknown kind", Map.of("kustomization.yaml", "kind: Foo\n"));
    s.put(
        "List kind",
        Map.of(
            "kustomization.yaml",
            "resources:\n- r.yaml\n",
            "r.yaml",
            "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n"
                + "  metadata: {name: a}\n- apiVersion: v1\n  kind: Secret\n  metadata: {name: b}\n"));
    s.put(
        "anchors and merge keys",
        Map.of(
            "kustomization.yaml",
            "resources:\n- r.yaml\n",
            "r.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: &d\n  x: \"1\"\n"
                + "binaryData:\n  <<: *d\n  y: eQ==\n"));
    s.put(
        "duplicate key in resource",
        Map.of(
            "kustomization.yaml",
            "resources:\n- r.yaml\n",
            "r.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nmetadata: {name: b}\n"));
    s.put(
        "duplicate key in kustomization",
        Map.of(
            "kustomization.yaml",
            "namePrefix: a-\nnamePrefix: b-\nresources:\n- r.yaml\n",
            "r.yaml",
            CM));
    s.put(
        "namespace conflict",
        Map.of(
            "kustomization.yaml",
            "namespace: x\nresources:\n- r.yaml\n",
            "r.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: p}\n---\n"
                + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: q}\n"));
    s.put("number in string field", Map.of("kustomization.yaml", "namePrefix: 5\nresources: []\n"));
    s.put("number label", Map.of("kustomization.yaml", "commonLabels: {a: 1}\nresources: []\n"));
    s.put("empty build", Map.of("kustomization.yaml", "resources: []\n"));
    s.put(
        "nested overlays",
        Map.of(
            "kustomization.yaml", "namePrefix: top-\nnamespace: prod\nresources:\n- mid\n",
            "mid/kustomization.yaml",
                "nameSuffix: -m\ncommonLabels: {tier: mid}\nresources:\n- ../base\n",
            "base/kustomization.yaml", "resources:\n- cm.yaml\n- deploy.yaml\n",
            "base/cm.yaml", CM,
            "base/deploy.yaml",
                "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n"
                    + "  template:\n    spec:\n      containers:\n      - name: c\n        envFrom:\n"
                    + "        - configMapRef: {name: x}\n"));
    String longKey = "k".repeat(130);
    s.put(
        "yaml value edge cases",
        Map.of(
            "kustomization.yaml",
            "resources:\n- r.yaml\n",
            "r.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n"
                + "  ts: 2001-12-14t21:59:43.10-05:00\n  date: 2024-01-02\n  spaced: 2001-12-14 21:59:43.10\n"
                + "  quoted: \"2024-01-02\"\n  bin: !!binary aGVsbG8=\n  exp: 1e400\n  oct: 017\n"
                + "  negoct: -017\n  notoct: 019\n  tagged: !!str 123\n  big: 123456789012345678901234567890\n"
                + "  u64: 18446744073709551615\n  fl: 3.0e2\n"
                + "  "
                + longKey
                + ": {a: 1, b: [1, 2]}\n  "
                + longKey
                + "x: [1, {z: 2}]\n"
                + "  \"multi\\nline key\": \"v1\\nv2\"\n"));
    String emptyMeta =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations: {}\n"
            + "  labels: {}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n"
            + "  annotations:\n  labels:\n";
    s.put(
        "empty annotations and labels",
        Map.of("kustomization.yaml", "resources:\n- r.yaml\n", "r.yaml", emptyMeta));
    s.put(
        "empty annotations with prefix",
        Map.of(
            "kustomization.yaml", "resources:\n- r.yaml\nnamePrefix: p-\n", "r.yaml", emptyMeta));
    s.put(
        "yaml 1.1 bool in kustomization",
        Map.of("kustomization.yaml", "resources:\n- r.yaml\nnamespace: no\n", "r.yaml", CM));
    s.put(
        "yaml 1.1 bool label",
        Map.of(
            "kustomization.yaml", "resources:\n- r.yaml\ncommonLabels: {x: on}\n", "r.yaml", CM));
    s.put(
        "non-string key",
        Map.of(
            "kustomization.yaml",
            "resources:\n- r.yaml\n",
            "r.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  1: a\n"));
    return s;
  }

  /** Writes a scenario under {@code root}/case; returns the build directory. */
  static Path write(Path root, Map<String, String> files) throws IOException {
    Path dir = root.resolve("w").resolve("case");
    Files.createDirectories(dir);
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path p = dir.resolve(e.getKey()).normalize();
      Files.createDirectories(p.getParent());
      if (e.getValue().startsWith("->")) {
        Files.createSymbolicLink(p, Path.of(e.getValue().substring(2)));
      } else {
        Files.writeString(p, e.getValue());
      }
    }
    return dir;
  }
}
