package dev.capstan.kustomize.replace;

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
 * Differential test: seeded random {@code replacements} (sources with and without delimiters;
 * targets by kind, name, namespace and label selector, with rejects, element selectors, wildcards,
 * indexes, {@code create} and delimiters) over a fixed set of resources, built by {@code kubectl
 * kustomize} and by Capstan: same bytes, or both fail. Skipped when {@code kubectl} is absent.
 */
class ReplacementKubectlDiffTest {
  private static final int CASES = 30;

  private static final String RESOURCES =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: cm, labels: {app: a}}
      data: {host: db.prod.svc, port: "5432", img: "nginx:1.2", list: "a,b,c", num: "7"}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: d, labels: {app: a}, annotations: {x: "y"}}
      spec:
        replicas: 1
        template:
          metadata: {labels: {app: a}}
          spec:
            containers:
            - name: web
              image: "old:1"
              args: ["--p=1", x]
              env: [{name: E, value: v}]
              ports: [{containerPort: 80}]
            - {name: side, image: "s:2"}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: svc, namespace: prod}
      spec:
        ports: [{port: 80, targetPort: http, name: h}]
        selector: {app: a}
      """;

  private static final List<List<String>> SOURCES =
      List.of(
          List.of(
              "ConfigMap",
              "cm",
              "data.host",
              "data.port",
              "data.img",
              "data.list",
              "data.num",
              "metadata.labels"),
          List.of(
              "Deployment",
              "d",
              "spec.replicas",
              "spec.template.spec.containers.0.image",
              "spec.template.spec.containers.[name=side].image",
              "spec.template.spec.containers.0.args"),
          List.of(
              "Service",
              "svc",
              "spec.ports.0.port",
              "metadata.namespace",
              "spec.ports.[name=h].targetPort"));

  private static final List<String> TARGETS =
      List.of(
          "spec.template.spec.containers.[name=web].image",
          "spec.template.spec.containers.*.image",
          "spec.template.spec.containers.[name=web].env.[name=E].value",
          "spec.template.spec.containers.[name=web].env.[name=F].value",
          "spec.replicas",
          "data.host",
          "data.port",
          "data.new",
          "spec.ports.0.port",
          "spec.ports.0.targetPort",
          "spec.selector",
          "metadata.labels.app",
          "spec.template.spec.containers.0.args.1");

  @TempDir Path tmp;

  @Test
  void generatedReplacementsMatchKubectl() throws Exception {
    assumeTrue(kubectlAvailable(), "kubectl not on PATH");
    Random rnd = new Random(4242);
    Kustomizer kustomizer = new Kustomizer(BuildOptions.defaults());
    List<String> mismatches = new ArrayList<>();
    int built = 0;
    for (int i = 0; i < CASES; i++) {
      Path dir = Files.createDirectories(tmp.resolve("c" + i));
      Files.writeString(dir.resolve("res.yaml"), RESOURCES);
      Map<String, Object> k = new LinkedHashMap<>();
      k.put("resources", List.of("res.yaml"));
      k.put("replacements", replacements(rnd));
      Files.writeString(dir.resolve("kustomization.yaml"), YamlEmitter.emit(k));
      String expected = kubectl(dir);
      if (expected != null) {
        built++;
      }
      String actual;
      try {
        actual = kustomizer.buildYaml(dir);
      } catch (KustomizeException e) {
        actual = null;
      }
      if (expected == null ? actual != null : !expected.equals(actual)) {
        mismatches.add(
            Files.readString(dir.resolve("kustomization.yaml"))
                + "\n--- kubectl\n"
                + expected
                + "\n--- capstan\n"
                + actual);
      }
    }
    assertThat(mismatches).isEmpty();
    // Many random replacements fail by design (missing fields, type clashes); enough must build.
    assertThat(built).isGreaterThanOrEqualTo(8);
  }

  private static List<Object> replacements(Random rnd) {
    List<Object> out = new ArrayList<>();
    for (int n = 1 + rnd.nextInt(2); n > 0; n--) {
      List<String> src = SOURCES.get(rnd.nextInt(SOURCES.size()));
      Map<String, Object> source = new LinkedHashMap<>();
      source.put("kind", src.get(0));
      source.put("name", src.get(1));
      source.put("fieldPath", src.get(2 + rnd.nextInt(src.size() - 2)));
      if (rnd.nextInt(5) == 0) {
        source.put(
            "options",
            Map.of("delimiter", pick(rnd, List.of(",", ".", ":")), "index", (long) rnd.nextInt(3)));
      }
      List<Object> targets = new ArrayList<>();
      for (int t = 1 + rnd.nextInt(2); t > 0; t--) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put(
            "select",
            pick(
                rnd,
                List.of(
                    Map.of("kind", "Deployment"),
                    Map.of("kind", "ConfigMap"),
                    Map.of("name", "svc"),
                    Map.of("labelSelector", "app=a"),
                    Map.of("namespace", "prod"))));
        if (rnd.nextInt(4) == 0) {
          target.put(
              "reject",
              List.of(
                  pick(
                      rnd,
                      List.of(
                          Map.of("kind", "ConfigMap"),
                          Map.of("name", "d"),
                          Map.of("labelSelector", "app=a")))));
        }
        List<Object> paths = new ArrayList<>();
        for (int p = 1 + rnd.nextInt(2); p > 0; p--) {
          paths.add(pick(rnd, TARGETS));
        }
        target.put("fieldPaths", paths);
        Map<String, Object> options = new LinkedHashMap<>();
        if (rnd.nextInt(10) < 8) {
          options.put("create", true);
        }
        if (rnd.nextInt(7) == 0) {
          options.put("delimiter", pick(rnd, List.of(":", "=", ".")));
          options.put("index", (long) (rnd.nextInt(4) - 1));
        }
        if (!options.isEmpty()) {
          target.put("options", options);
        }
        targets.add(target);
      }
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("source", source);
      r.put("targets", targets);
      out.add(r);
    }
    return out;
  }

  private static <T> T pick(Random rnd, List<T> from) {
    return from.get(rnd.nextInt(from.size()));
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
