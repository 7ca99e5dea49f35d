package dev.capstan.kustomize.conformance;

import dev.capstan.kustomize.BuildOptions;
import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.Kustomizer;
import dev.capstan.kustomize.LoadRestrictor;
import dev.capstan.kustomize.Reorder;
import dev.capstan.kustomize.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One case of the kustomize conformance corpus ({@code /work/shared/conformance/kustomize/cases}):
 * builds {@code tree/<dir>} with the case's options and compares byte for byte with {@code
 * expected.yaml} (and {@code expected-legacy.yaml} under the legacy order, when present), or
 * expects a {@link KustomizeException} when the case expects an error.
 */
record ConformanceCase(Path dir, String id, Map<String, Object> spec) {

  static final Path CORPUS =
      Path.of(
          System.getProperty(
              "capstan.kustomize.conformance", "/work/shared/conformance/kustomize/cases"));

  /** Every case of the corpus, sorted by id; empty when the corpus is absent. */
  static List<ConformanceCase> all() throws IOException {
    List<ConformanceCase> out = new ArrayList<>();
    if (!Files.isDirectory(CORPUS)) {
      return out;
    }
    try (Stream<Path> s = Files.list(CORPUS)) {
      for (Path p : s.sorted().toList()) {
        Path json = p.resolve("case.json");
        if (Files.isRegularFile(json)) {
          out.add(load(p));
        }
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static ConformanceCase load(Path p) throws IOException {
    String text = Files.readString(p.resolve("case.json"));
    Map<String, Object> spec = (Map<String, Object>) YamlReader.readOne(text, "case.json");
    return new ConformanceCase(p, p.getFileName().toString(), spec);
  }

  String str(String key, String dflt) {
    Object v = spec.get(key);
    return v == null ? dflt : String.valueOf(v);
  }

  BuildOptions options(Reorder reorder) {
    LoadRestrictor lr =
        str("loadRestrictor", "rootOnly").equals("none")
            ? LoadRestrictor.NONE
            : LoadRestrictor.ROOT_ONLY;
    return BuildOptions.defaults().withReorder(reorder).withLoadRestrictor(lr);
  }

  Path buildDir() {
    return dir.resolve("tree").resolve(str("dir", ".")).normalize();
  }

  /** Runs the case; returns null when it passes, else a description of the difference. */
  String check() throws IOException {
    Reorder reorder = str("reorder", "legacy").equals("none") ? Reorder.NONE : Reorder.LEGACY;
    if (str("expect", "output").equals("error")) {
      try {
        String out = new Kustomizer(options(reorder)).buildYaml(buildDir());
        return "expected an error, got output:\n" + out;
      } catch (KustomizeException e) {
        // A missing feature must not count as the expected failure.
        return e.getMessage() != null && e.getMessage().contains("not supported yet")
            ? "failed only because a feature is missing: " + e.getMessage()
            : null;
      } catch (RuntimeException e) {
        return "expected a KustomizeException, got " + e;
      }
    }
    String problem = compare(reorder, dir.resolve("expected.yaml"));
    if (problem == null
        && reorder == Reorder.NONE
        && Files.exists(dir.resolve("expected-legacy.yaml"))) {
      problem = compare(Reorder.LEGACY, dir.resolve("expected-legacy.yaml"));
    }
    return problem;
  }

  private String compare(Reorder reorder, Path expectedFile) throws IOException {
    String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
    String actual;
    try {
      actual = new Kustomizer(options(reorder)).buildYaml(buildDir());
    } catch (RuntimeException e) {
      return "[" + reorder.flag() + "] failed: " + e;
    }
    if (expected.equals(actual)) {
      return null;
    }
    return "["
        + reorder.flag()
        + "] output differs from "
        + expectedFile.getFileName()
        + "\n"
        + firstDifference(expected, actual);
  }

  static String firstDifference(String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    for (int i = 0; i < Math.max(e.length, a.length); i++) {
      String el = i < e.length ? e[i] : "<end>";
      String al = i < a.length ? a[i] : "<end>";
      if (!el.equals(al)) {
        return "line " + (i + 1) + ":\n  expected: " + el + "\n  actual:   " + al;
      }
    }
    return "(no line difference)";
  }

  @Override
  public String toString() {
    return id;
  }
}
