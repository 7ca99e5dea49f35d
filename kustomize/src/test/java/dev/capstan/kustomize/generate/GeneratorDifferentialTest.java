package dev.capstan.kustomize.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.capstan.kustomize.BuildOptions;
import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.Kustomizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against the oracle: random (but seeded) configMapGenerator / secretGenerator
 * kustomizations with literals, env files, text and binary files, options, generatorOptions, and
 * overlays that merge or replace, each built by {@code kubectl kustomize} and by this engine. The
 * outputs must be byte-identical, or both builds must fail. Skipped when kubectl is not on the
 * PATH.
 */
class GeneratorDifferentialTest {
  /** Override with -Dcapstan.generator.diff.cases / .seed to explore further. */
  private static final int CASES = Integer.getInteger("capstan.generator.diff.cases", 60);

  private static final long SEED = Long.getLong("capstan.generator.diff.seed", 0xD1FFL);
  private static final String VALUE_CHARS = "abcXYZ019 _-.:#'\"=/\\{}[],&*!|>%@`~?éß漢字😀";

  @TempDir Path tmp;

  @Test
  void generatedKustomizationsBuildExactlyAsKubectl() throws Exception {
    assumeTrue(kubectlAvailable(), "kubectl is not on the PATH");
    Random random = new Random(SEED);
    List<String> mismatches = new ArrayList<>();
    int built = 0;
    Kustomizer engine = new Kustomizer(BuildOptions.defaults());
    for (int i = 0; i < CASES; i++) {
      Path root = tmp.resolve("case" + i);
      Path dir = writeCase(root, random);
      Outcome oracle = kubectl(dir);
      if (oracle.output() != null) {
        built++;
      }
      Outcome ours;
      try {
        ours = new Outcome(engine.buildYaml(dir), null);
      } catch (KustomizeException e) {
        ours = new Outcome(null, e.getMessage());
      }
      boolean same =
          oracle.output() == null ? ours.output() == null : oracle.output().equals(ours.output());
      if (!same) {
        mismatches.add(
            "case "
                + i
                + " ("
                + root
                + "):\n--- kubectl:\n"
                + oracle
                + "\n--- engine:\n"
                + ours
                + "\n--- kustomizations:\n"
                + describe(root));
      }
    }
    System.out.printf(
        "generator differential: %d cases, %d built by kubectl, %d mismatches%n",
        CASES, built, mismatches.size());
    // most cases must be valid builds, or the comparison says little
    assertThat(built).isGreaterThan(CASES / 2);
    assertThat(mismatches)
        .as(String.join("\n\n", mismatches.subList(0, Math.min(3, mismatches.size()))))
        .isEmpty();
  }

  private record Outcome(String output, String error) {
    @Override
    public String toString() {
      return output != null ? output : "ERROR " + error;
    }
  }

  /** Writes one case; returns the directory to build. */
  private Path writeCase(Path root, Random r) throws IOException {
    Path base = root.resolve("base");
    Files.createDirectories(base);
    StringBuilder k = new StringBuilder();
    List<String> cmNames = new ArrayList<>();
    List<String> secretNames = new ArrayList<>();
    if (r.nextInt(3) == 0) {
      k.append("namePrefix: p").append(r.nextInt(9)).append("-\n");
    }
    if (r.nextInt(3) == 0) {
      k.append("generatorOptions:\n").append(options(r, "  "));
    }
    if (r.nextInt(4) == 0) {
      k.append("namespace: base-ns\n");
    }
    if (r.nextInt(4) == 0) {
      k.append("commonLabels: {team: ").append(quote(value(r))).append("}\n");
    }
    k.append("configMapGenerator:\n");
    for (int g = 0; g < 1 + r.nextInt(3); g++) {
      String name = "cm" + g;
      cmNames.add(name);
      k.append(generator(base, name, r, false));
    }
    k.append("secretGenerator:\n");
    for (int g = 0; g < 1 + r.nextInt(2); g++) {
      String name = "sec" + g;
      secretNames.add(name);
      k.append(generator(base, name, r, true));
    }
    k.append("resources: [deploy.yaml]\n");
    Files.writeString(base.resolve("kustomization.yaml"), k.toString());
    Files.writeString(base.resolve("deploy.yaml"), deployment(cmNames, secretNames));
    if (r.nextBoolean()) {
      return base;
    }
    Path overlay = root.resolve("overlay");
    Files.createDirectories(overlay);
    StringBuilder o = new StringBuilder("resources: [../base]\n");
    if (r.nextBoolean()) {
      o.append("namespace: ns").append(r.nextInt(3)).append('\n');
    }
    switch (r.nextInt(4)) {
      case 0 -> o.append("labels:\n- pairs: {team: ").append(quote(value(r))).append("}\n");
      case 1 -> o.append("commonLabels: {team: over}\n");
      default -> {}
    }
    o.append("configMapGenerator:\n");
    o.append(overlayGenerator(overlay, cmNames.get(r.nextInt(cmNames.size())), r, false));
    o.append("- name: extra\n  literals: [").append(quote("x=" + value(r))).append("]\n");
    o.append("secretGenerator:\n");
    o.append(overlayGenerator(overlay, secretNames.get(r.nextInt(secretNames.size())), r, true));
    Files.writeString(overlay.resolve("kustomization.yaml"), o.toString());
    return overlay;
  }

  private String overlayGenerator(Path dir, String name, Random r, boolean secret)
      throws IOException {
    String behavior = r.nextInt(4) == 0 ? "replace" : "merge";
    StringBuilder g = new StringBuilder("- name: ").append(name).append('\n');
    g.append("  behavior: ").append(behavior).append('\n');
    g.append("  literals:\n");
    Set<String> keys = new LinkedHashSet<>();
    for (int i = 0; i < 1 + r.nextInt(3); i++) {
      String key = key(r);
      if (keys.add(key)) {
        g.append("  - ").append(quote(key + "=" + value(r))).append('\n');
      }
    }
    if (r.nextInt(3) == 0) {
      g.append("  options:\n").append(options(r, "    "));
    }
    return g.toString();
  }

  private String generator(Path dir, String name, Random r, boolean secret) throws IOException {
    StringBuilder g = new StringBuilder("- name: ").append(name).append('\n');
    Set<String> keys = new LinkedHashSet<>();
    g.append("  literals:\n");
    for (int i = 0; i < r.nextInt(4); i++) {
      String key = key(r);
      if (keys.add(key)) {
        String v = value(r);
        if (r.nextInt(5) == 0) {
          v = (r.nextBoolean() ? "'" : "\"") + v + (r.nextBoolean() ? "'" : "\"");
        }
        g.append("  - ").append(quote(key + "=" + v)).append('\n');
      }
    }
    if (r.nextBoolean()) {
      String env = name + ".env";
      StringBuilder text = new StringBuilder(r.nextBoolean() ? "\uFEFF" : "");
      for (int i = 0; i < 1 + r.nextInt(4); i++) {
        String key = "E" + key(r);
        switch (r.nextInt(5)) {
          case 0 -> text.append("# comment ").append(value(r)).append('\n');
          case 1 -> text.append("\n   \n");
          case 2 -> {
            if (keys.add(key)) {
              text.append("  ").append(key).append('\n');
            }
          }
          default -> {
            if (keys.add(key)) {
              text.append(key).append('=').append(value(r)).append(r.nextBoolean() ? "\r\n" : "\n");
            }
          }
        }
      }
      Files.writeString(dir.resolve(env), text.toString());
      g.append("  envs: [").append(env).append("]\n");
    }
    if (r.nextBoolean()) {
      g.append("  files:\n");
      for (int i = 0; i < 1 + r.nextInt(2); i++) {
        String file = name + "-f" + i + ".txt";
        byte[] content;
        if (r.nextInt(3) == 0) {
          content = new byte[r.nextInt(120)];
          r.nextBytes(content);
        } else {
          StringBuilder t = new StringBuilder();
          for (int l = 0; l < r.nextInt(5); l++) {
            t.append(value(r)).append(r.nextInt(4) == 0 ? "  \n" : "\n");
          }
          content = t.toString().getBytes(StandardCharsets.UTF_8);
        }
        Files.write(dir.resolve(file), content);
        String key = r.nextBoolean() ? file : "k" + key(r);
        if (keys.add(key)) {
          g.append("  - ").append(key.equals(file) ? file : key + "=" + file).append('\n');
        }
      }
    }
    if (secret && r.nextBoolean()) {
      g.append("  type: ").append(r.nextBoolean() ? "kubernetes.io/tls" : "Opaque").append('\n');
    }
    if (r.nextBoolean()) {
      g.append("  options:\n").append(options(r, "    "));
    }
    return g.toString();
  }

  private String options(Random r, String indent) {
    StringBuilder o = new StringBuilder();
    if (r.nextBoolean()) {
      o.append(indent).append("labels: {app: ").append(quote(value(r))).append(", tier: x}\n");
    }
    if (r.nextBoolean()) {
      o.append(indent).append("annotations: {note: ").append(quote(value(r))).append("}\n");
    }
    if (r.nextInt(3) == 0) {
      o.append(indent).append("disableNameSuffixHash: true\n");
    }
    if (r.nextInt(4) == 0) {
      o.append(indent).append("immutable: true\n");
    }
    if (o.isEmpty()) {
      o.append(indent).append("labels: {a: b}\n");
    }
    return o.toString();
  }

  private static String deployment(List<String> cms, List<String> secrets) {
    StringBuilder d =
        new StringBuilder(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n"
                + "    spec:\n      containers:\n      - name: app\n        image: app:1\n"
                + "        envFrom:\n");
    for (String c : cms) {
      d.append("        - configMapRef:\n            name: ").append(c).append('\n');
    }
    for (String s : secrets) {
      d.append("        - secretRef:\n            name: ").append(s).append('\n');
    }
    return d.toString();
  }

  private static String key(Random r) {
    String chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.";
    StringBuilder k = new StringBuilder();
    k.append((char) ('a' + r.nextInt(26)));
    for (int i = 0; i < r.nextInt(8); i++) {
      k.append(chars.charAt(r.nextInt(chars.length())));
    }
    return k.toString();
  }

  private static String value(Random r) {
    int n = r.nextInt(4) == 0 ? 60 + r.nextInt(90) : r.nextInt(16);
    StringBuilder v = new StringBuilder();
    int[] cps = VALUE_CHARS.codePoints().toArray();
    for (int i = 0; i < n; i++) {
      v.appendCodePoint(cps[r.nextInt(cps.length)]);
    }
    return v.toString();
  }

  /** A YAML double-quoted scalar. */
  private static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        default -> q.append(c);
      }
    }
    return q.append('"').toString();
  }

  private static String describe(Path root) throws IOException {
    StringBuilder b = new StringBuilder();
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted().toList()) {
        if (p.toString().endsWith(".yaml") || p.toString().endsWith(".env")) {
          b.append("## ").append(root.relativize(p)).append('\n').append(Files.readString(p));
        }
      }
    }
    return b.toString();
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

  private static Outcome kubectl(Path dir) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir.getParent(), "kubectl", ".out");
    Path err = Files.createTempFile(dir.getParent(), "kubectl", ".err");
    Process p =
        new ProcessBuilder("kubectl", "kustomize", dir.toString())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("kubectl finished").isTrue();
    return p.exitValue() == 0
        ? new Outcome(Files.readString(out), null)
        : new Outcome(null, Files.readString(err));
  }
}
