package dev.capstan.kustomize.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.capstan.kustomize.BuildOptions;
import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.Kustomizer;
import dev.capstan.kustomize.yaml.YamlEmitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test: generated resources and strategic merge patches (lists with and without merge
 * keys, multi-key ports, nulls, {@code $patch} directives, known and unknown kinds) built by {@code
 * kubectl kustomize} and by Capstan must print the same bytes, or both fail. Skipped when {@code
 * kubectl} is not on the PATH. Seeded, so a failure reproduces.
 */
class StrategicMergeKubectlDiffTest {
  private static final int CASES = 40;
  private static final List<String> NAMES = List.of("a", "b", "c", "d");

  @TempDir Path tmp;

  @Test
  void generatedPatchesMatchKubectl() throws Exception {
    assumeTrue(kubectlAvailable(), "kubectl not on PATH");
    Random rnd = new Random(20261126);
    Kustomizer kustomizer = new Kustomizer(BuildOptions.defaults());
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      Path dir = Files.createDirectories(tmp.resolve("c" + i));
      boolean crd = rnd.nextInt(3) == 0;
      String apiVersion = crd ? "example.com/v1" : "apps/v1";
      String kind = crd ? "Foo" : "Deployment";
      Files.writeString(
          dir.resolve("res.yaml"),
          YamlEmitter.emit(resource(rnd, apiVersion, kind))
              + "---\n"
              + YamlEmitter.emit(service(rnd, false)));
      Files.writeString(
          dir.resolve("patch.yaml"),
          YamlEmitter.emit(patch(rnd, apiVersion, kind))
              + "---\n"
              + YamlEmitter.emit(service(rnd, true)));
      Files.writeString(
          dir.resolve("kustomization.yaml"),
          "resources: [res.yaml]\npatches:\n- path: patch.yaml\n");
      String expected = kubectl(dir);
      String actual;
      try {
        actual = kustomizer.buildYaml(dir);
      } catch (KustomizeException e) {
        actual = null;
      }
      if (expected == null ? actual != null : !expected.equals(actual)) {
        mismatches.add(dir + "\n--- kubectl\n" + expected + "\n--- capstan\n" + actual);
      }
    }
    assertThat(mismatches).isEmpty();
  }

  /** A Service: ports merge by (port, protocol), the case kyaml's multi-key logic is about. */
  private static Map<String, Object> service(Random rnd, boolean patch) {
    List<Object> ports = new ArrayList<>();
    if (patch && rnd.nextInt(10) == 0) {
      ports.add(new LinkedHashMap<>(Map.of("$patch", "replace")));
    }
    for (int n = rnd.nextInt(4); n > 0; n--) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("port", (long) pick(rnd, List.of(80, 443, 53)));
      String proto = pick(rnd, List.of("TCP", "UDP", ""));
      if (!proto.isEmpty()) {
        p.put("protocol", proto);
      }
      if (rnd.nextBoolean()) {
        p.put("name", pick(rnd, List.of("a", "b")));
      }
      if (rnd.nextInt(3) == 0) {
        p.put("targetPort", rnd.nextBoolean() ? (Object) 8080L : "http");
      }
      ports.add(p);
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("ports", ports);
    if (rnd.nextInt(3) == 0) {
      Map<String, Object> selector = new LinkedHashMap<>();
      selector.put(pick(rnd, List.of("app", "x")), patch && rnd.nextInt(3) == 0 ? null : "1");
      spec.put("selector", selector);
    }
    Map<String, Object> md = new LinkedHashMap<>();
    md.put("name", "s");
    Map<String, Object> svc = new LinkedHashMap<>();
    svc.put("apiVersion", "v1");
    svc.put("kind", "Service");
    svc.put("metadata", md);
    svc.put("spec", spec);
    return svc;
  }

  private static Map<String, Object> resource(Random rnd, String apiVersion, String kind) {
    Map<String, Object> md = new LinkedHashMap<>();
    md.put("name", "r");
    md.put("labels", new LinkedHashMap<>(Map.of("x", "1")));
    md.put("finalizers", sample(rnd, List.of("f1", "f2", "f3")));
    return doc(apiVersion, kind, md, podSpec(rnd, false));
  }

  private static Map<String, Object> patch(Random rnd, String apiVersion, String kind) {
    Map<String, Object> md = new LinkedHashMap<>();
    md.put("name", "r");
    if (rnd.nextInt(3) == 0) {
      md.put("finalizers", sample(rnd, List.of("f1", "f2", "f4")));
    }
    if (rnd.nextInt(5) == 0) {
      Map<String, Object> labels = new LinkedHashMap<>();
      labels.put("x", null);
      labels.put("y", "2");
      md.put("labels", labels);
    }
    return doc(apiVersion, kind, md, podSpec(rnd, true));
  }

  private static Map<String, Object> doc(
      String apiVersion, String kind, Map<String, Object> md, Map<String, Object> podSpec) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("apiVersion", apiVersion);
    d.put("kind", kind);
    d.put("metadata", md);
    d.put(
        "spec",
        new LinkedHashMap<>(Map.of("template", new LinkedHashMap<>(Map.of("spec", podSpec)))));
    return d;
  }

  private static Map<String, Object> podSpec(Random rnd, boolean patch) {
    Map<String, Object> s = new LinkedHashMap<>();
    if (rnd.nextInt(10) < 9) {
      List<Object> containers = new ArrayList<>();
      if (patch && rnd.nextInt(10) == 0) {
        containers.add(
            new LinkedHashMap<>(Map.of("$patch", rnd.nextBoolean() ? "replace" : "merge")));
      }
      for (int n = rnd.nextInt(4); n > 0; n--) {
        containers.add(container(rnd, patch));
      }
      s.put("containers", containers);
    }
    if (rnd.nextInt(10) < 3) {
      List<Object> volumes = new ArrayList<>();
      for (int n = rnd.nextInt(3); n > 0; n--) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", pick(rnd, NAMES));
        v.put(rnd.nextBoolean() ? "emptyDir" : "configMap", new LinkedHashMap<>());
        volumes.add(v);
      }
      s.put("volumes", volumes);
    }
    if (rnd.nextInt(10) < 3) {
      List<Object> tolerations = new ArrayList<>();
      for (int n = rnd.nextInt(3); n > 0; n--) {
        tolerations.add(new LinkedHashMap<>(Map.of("key", pick(rnd, NAMES))));
      }
      s.put("tolerations", tolerations);
    }
    if (patch && rnd.nextInt(15) == 0) {
      s.put("$patch", "replace");
    }
    return s;
  }

  private static Map<String, Object> container(Random rnd, boolean patch) {
    Map<String, Object> c = new LinkedHashMap<>();
    if (rnd.nextInt(10) < 9) {
      c.put("name", pick(rnd, NAMES));
    }
    if (rnd.nextInt(10) < 7) {
      c.put("image", pick(rnd, List.of("x", "y", "z:1")));
    }
    if (rnd.nextInt(10) < 4) {
      c.put("args", sample(rnd, List.of("p", "q", "r", "1")));
    }
    if (rnd.nextInt(10) < 4) {
      List<Object> ports = new ArrayList<>();
      for (int n = rnd.nextInt(3); n > 0; n--) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("containerPort", (long) pick(rnd, List.of(80, 81, 443)));
        String proto = pick(rnd, List.of("TCP", "UDP", ""));
        if (!proto.isEmpty()) {
          p.put("protocol", proto);
        }
        if (rnd.nextBoolean()) {
          p.put("name", pick(rnd, List.of("h", "g")));
        }
        ports.add(p);
      }
      c.put("ports", ports);
    }
    if (rnd.nextInt(10) < 4) {
      List<Object> env = new ArrayList<>();
      for (int n = rnd.nextInt(3); n > 0; n--) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", pick(rnd, List.of("E1", "E2", "E3")));
        e.put("value", patch && rnd.nextInt(4) == 0 ? null : pick(rnd, List.of("1", "2")));
        env.add(e);
      }
      c.put("env", env);
    }
    if (patch && rnd.nextInt(5) == 0) {
      c.put("$patch", "delete");
    }
    if (patch && rnd.nextInt(10) == 0) {
      c.put("resources", null);
    }
    return c;
  }

  private static <T> T pick(Random rnd, List<T> from) {
    return from.get(rnd.nextInt(from.size()));
  }

  private static List<Object> sample(Random rnd, List<String> from) {
    List<Object> out = new ArrayList<>();
    for (String s : from) {
      if (rnd.nextBoolean()) {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean kubectlAvailable() {
    try {
      Process p =
          new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** kubectl's output, or null when it fails. */
  private static String kubectl(Path dir) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("kubectl", "kustomize", dir.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("kubectl kustomize timed out in " + dir);
    }
    return p.exitValue() == 0 ? out : null;
  }
}
