package dev.capstan.kustomize.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Seed inputs for the fuzz tests: the kustomization trees of the conformance corpus when it is
 * present (property {@code capstan.kustomize.conformance}, else {@code shared/} beside the
 * repository, else {@code /work/shared}), plus a few built-in trees so that the tests fuzz
 * something real even without it.
 *
 * @param name the case name
 * @param dir the directory to build, relative to the tree root
 * @param files path (relative to the tree root) to text content
 */
record FuzzCorpus(String name, String dir, Map<String, String> files) {
  private static final long MAX_FILE = 256 * 1024;

  static Path corpusDir() {
    String prop = System.getProperty("capstan.kustomize.conformance");
    List<Path> candidates = new ArrayList<>();
    if (prop != null) {
      candidates.add(Path.of(prop));
    }
    Path cwd = Path.of("").toAbsolutePath();
    for (Path p = cwd; p != null; p = p.getParent()) {
      candidates.add(p.resolve("shared/conformance/kustomize/cases"));
      candidates.add(p.resolveSibling("shared").resolve("conformance/kustomize/cases"));
    }
    candidates.add(Path.of("/work/shared/conformance/kustomize/cases"));
    for (Path c : candidates) {
      if (Files.isDirectory(c)) {
        return c;
      }
    }
    return null;
  }

  /** All seeds, sorted by name (deterministic). */
  static List<FuzzCorpus> load() {
    List<FuzzCorpus> out = new ArrayList<>(builtIn());
    Path dir = corpusDir();
    if (dir == null) {
      return out;
    }
    try (Stream<Path> cases = Files.list(dir)) {
      for (Path c : cases.sorted().toList()) {
        Path tree = c.resolve("tree");
        Path spec = c.resolve("case.json");
        if (!Files.isDirectory(tree) || !Files.isRegularFile(spec)) {
          continue;
        }
        String json = Files.readString(spec);
        String buildDir = jsonString(json, "dir", ".");
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(tree)) {
          for (Path f : walk.sorted().toList()) {
            if (Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                && Files.size(f) <= MAX_FILE) {
              files.put(
                  tree.relativize(f).toString(),
                  new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            }
          }
        }
        out.add(new FuzzCorpus(c.getFileName().toString(), buildDir, files));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String jsonString(String json, String key, String fallback) {
    int k = json.indexOf("\"" + key + "\"");
    if (k < 0) {
      return fallback;
    }
    int q1 = json.indexOf('"', json.indexOf(':', k) + 1);
    int q2 = json.indexOf('"', q1 + 1);
    return q1 < 0 || q2 < 0 ? fallback : json.substring(q1 + 1, q2);
  }

  private static List<FuzzCorpus> builtIn() {
    Map<String, String> overlay = new LinkedHashMap<>();
    overlay.put(
        "base/kustomization.yaml",
        """
        namePrefix: b-
        commonLabels: {app: web}
        resources: [deploy.yaml]
        configMapGenerator:
        - name: cfg
          literals: [a=1, "b='x y'"]
          envs: [app.env]
        secretGenerator:
        - name: sec
          files: [key=app.env]
          type: kubernetes.io/opaque
        """);
    overlay.put("base/app.env", "# comment\nA_B=1\nC\n");
    overlay.put(
        "base/deploy.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 1
          template:
            spec:
              containers:
              - name: web
                image: nginx:1.25
                envFrom:
                - configMapRef: {name: cfg}
                - secretRef: {name: sec}
        """);
    overlay.put(
        "overlay/kustomization.yaml",
        """
        resources: [../base]
        namespace: prod
        images: [{name: nginx, newTag: "1.26"}]
        replicas: [{name: b-web, count: 3}]
        components: [../comp]
        configMapGenerator:
        - name: cfg
          behavior: merge
          literals: [c=3]
        patches:
        - target: {kind: Deployment}
          patch: |-
            - op: add
              path: /metadata/annotations
              value: {x: y}
        transformers:
        - |-
          apiVersion: builtin
          kind: LabelTransformer
          metadata: {name: l}
          labels: {tier: front}
          fieldSpecs: [{path: metadata/labels, create: true}]
        """);
    overlay.put(
        "comp/kustomization.yaml",
        """
        apiVersion: kustomize.config.k8s.io/v1alpha1
        kind: Component
        commonAnnotations: {team: a}
        """);
    return List.of(new FuzzCorpus("builtin-overlay", "overlay", overlay));
  }
}
