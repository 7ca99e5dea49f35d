package dev.capstan.kustomize.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kustomize.BuildOptions;
import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.Kustomizer;
import dev.capstan.kustomize.Reorder;
import dev.capstan.kustomize.fs.MemoryFileTree;
import dev.capstan.kustomize.yaml.YamlReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deterministic fuzzing of the YAML reader and of whole builds: fixed seeds, a bounded number of
 * inputs and a bounded time. Every input must either succeed or fail with a {@link
 * KustomizeException}: any other exception or error (NullPointerException, ClassCastException,
 * StackOverflowError, ...) is a bug, and so is an input that takes longer than {@link #PER_INPUT}
 * (a hang). A failure message carries the seed, the mutated file and the input for reproduction.
 */
class KustomizeFuzzTest {
  private static final Duration PER_INPUT = Duration.ofSeconds(20);

  /** A test stops taking new inputs after this long (the inputs done stay deterministic). */
  private static final Duration BUDGET = Duration.ofSeconds(60);

  private static final int MUTATIONS_PER_SEED = 6;
  private static final int MAX_FAILURES_SHOWN = 5;

  private static ExecutorService worker;

  @BeforeAll
  static void startWorker() {
    worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(null, r, "fuzz-worker"); // default stack size, as callers have
              t.setDaemon(true); // a hung input must not keep the JVM alive
              return t;
            });
  }

  @AfterAll
  static void stopWorker() {
    worker.shutdownNow();
  }

  @Test
  void yamlReaderAcceptsOrRejectsCleanlyRandomAndMutatedText() {
    Random random = new Random(0x5EED_0001L);
    FuzzMutator mutator = new FuzzMutator(random);
    List<String> seeds = new ArrayList<>();
    for (FuzzCorpus c : FuzzCorpus.load()) {
      seeds.addAll(c.files().values());
    }
    Failures failures = new Failures();
    long deadline = System.nanoTime() + BUDGET.toNanos();
    int inputs = 0;
    for (int i = 0; i < 3000 && System.nanoTime() < deadline; i++) {
      String text =
          i % 3 == 0 || seeds.isEmpty()
              ? mutator.randomYaml(1 + random.nextInt(400))
              : mutator.mutateText(seeds.get(random.nextInt(seeds.size())));
      inputs++;
      failures.check("yaml #" + i, text, () -> YamlReader.readAll(text, "fuzz.yaml"));
    }
    failures.assertNone(inputs);
  }

  @Test
  void buildsOfMutatedKustomizationTreesFailOnlyWithKustomizeException() {
    Random random = new Random(0x5EED_0002L);
    FuzzMutator mutator = new FuzzMutator(random);
    List<FuzzCorpus> corpus = FuzzCorpus.load();
    Failures failures = new Failures();
    long deadline = System.nanoTime() + BUDGET.toNanos();
    int inputs = 0;
    outer:
    for (FuzzCorpus seed : corpus) {
      List<String> names = new ArrayList<>(seed.files().keySet());
      if (names.isEmpty()) {
        continue;
      }
      for (int m = 0; m < MUTATIONS_PER_SEED; m++) {
        if (System.nanoTime() > deadline) {
          break outer;
        }
        // prefer kustomization files: they drive the loader
        String target = names.get(random.nextInt(names.size()));
        for (String n : names) {
          if (n.endsWith("kustomization.yaml") && random.nextBoolean()) {
            target = n;
            break;
          }
        }
        String original = seed.files().get(target);
        String mutated =
            random.nextBoolean() ? mutator.mutateTree(original) : mutator.mutateText(original);
        MemoryFileTree fs = new MemoryFileTree();
        String root = "/fuzz/" + seed.name() + "/";
        for (Map.Entry<String, String> f : seed.files().entrySet()) {
          fs.write(root + f.getKey(), f.getKey().equals(target) ? mutated : f.getValue());
        }
        fs.mkdirs(Path.of(root + seed.dir()));
        Kustomizer k = new Kustomizer(BuildOptions.defaults().withReorder(Reorder.LEGACY));
        Path dir = Path.of(root).resolve(seed.dir()).normalize();
        inputs++;
        failures.check(
            seed.name() + " #" + m + " [" + target + "]", mutated, () -> k.buildYaml(fs, dir));
      }
    }
    failures.assertNone(inputs);
  }

  @Test
  void builtinPluginConfigsWithRandomFieldValuesFailOnlyWithKustomizeException() {
    Random random = new Random(0x5EED_0003L);
    FuzzMutator mutator = new FuzzMutator(random);
    String[] kinds = {
      "AnnotationsTransformer",
      "LabelTransformer",
      "NamespaceTransformer",
      "PrefixSuffixTransformer",
      "PrefixTransformer",
      "SuffixTransformer",
      "ImageTagTransformer",
      "ReplicaCountTransformer",
      "HashTransformer",
      "PatchTransformer",
      "PatchStrategicMergeTransformer",
      "PatchJson6902Transformer",
      "ReplacementTransformer",
      "ConfigMapGenerator",
      "SecretGenerator",
      "IAMPolicyGenerator"
    };
    String[] fields = {
      "annotations",
      "labels",
      "fieldSpecs",
      "unsetOnly",
      "setRoleBindingSubjects",
      "prefix",
      "suffix",
      "imageTag",
      "replica",
      "path",
      "patch",
      "paths",
      "patches",
      "target",
      "options",
      "jsonOp",
      "replacements",
      "name",
      "namespace",
      "behavior",
      "literals",
      "files",
      "envs",
      "env",
      "type",
      "cloud",
      "kubernetesService",
      "serviceAccount",
      "metadata"
    };
    String resources =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, labels: {app: web}}
        spec:
          replicas: 1
          template:
            spec:
              containers: [{name: c, image: nginx:1}]
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: cm}
        data: {k: v}
        """;
    Failures failures = new Failures();
    long deadline = System.nanoTime() + BUDGET.toNanos();
    int inputs = 0;
    for (int i = 0; i < 600 && System.nanoTime() < deadline; i++) {
      String kind = kinds[random.nextInt(kinds.length)];
      StringBuilder config =
          new StringBuilder("apiVersion: builtin\nkind: " + kind + "\nmetadata: {name: p}\n");
      for (int f = random.nextInt(4); f >= 0; f--) {
        config
            .append(fields[random.nextInt(fields.length)])
            .append(": ")
            .append(mutator.flowValue())
            .append('\n');
      }
      String field = kind.endsWith("Generator") ? "generators" : "transformers";
      MemoryFileTree fs =
          new MemoryFileTree()
              .write("/p/r.yaml", resources)
              .write("/p/plugin.yaml", config.toString())
              .write("/p/patch.yaml", "- op: add\n  path: /metadata/labels/x\n  value: y\n")
              .write(
                  "/p/kustomization.yaml", "resources: [r.yaml]\n" + field + ": [plugin.yaml]\n");
      Kustomizer k = new Kustomizer(BuildOptions.defaults());
      inputs++;
      failures.check("plugin #" + i, config.toString(), () -> k.buildYaml(fs, Path.of("/p")));
    }
    failures.assertNone(inputs);
  }

  @Test
  void deeplyNestedHugeAndExplosiveDocumentsGetAClearError() {
    String deepFlow = "a: " + "[".repeat(200_000) + "]".repeat(200_000);
    StringBuilder deepBlock = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      deepBlock.append(" ".repeat(i)).append("k:\n");
    }
    String bomb =
        """
        a: &a ["x","x","x","x","x","x","x","x","x","x"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: [*h,*h,*h,*h,*h,*h,*h,*h,*h,*h]
        """;
    String huge = "k: " + "x".repeat(70 * 1024 * 1024);
    String deepButParseable = "a: " + "[".repeat(1500) + "]".repeat(1500);
    for (String text : List.of(deepFlow, deepBlock.toString(), deepButParseable, bomb, huge)) {
      Failures f = new Failures();
      f.check("special", text, () -> YamlReader.readAll(text, "special.yaml"));
      f.assertNone(1);
      assertThatThrownBy(() -> YamlReader.readAll(text, "special.yaml"))
          .isInstanceOf(KustomizeException.class)
          .hasMessageContaining("special.yaml");
    }
  }

  @Test
  void reasonablyDeepNestingIsAcceptedAndBuilt() {
    MemoryFileTree fs = new MemoryFileTree();
    fs.write("/ok/kustomization.yaml", "resources: [r.yaml]\nnamePrefix: p-\n");
    fs.write(
        "/ok/r.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: "
            + "{a: ".repeat(200)
            + "x"
            + "}".repeat(200)
            + "\n");
    Kustomizer k = new Kustomizer(BuildOptions.defaults());
    Failures f = new Failures();
    f.check("nested 200", "", () -> k.buildYaml(fs, Path.of("/ok")));
    f.assertNone(1);
    assertThat(f.rejected).as(f.lastRejection).isZero();
  }

  @Test
  void deeplyNestedResourceInABuildFailsCleanly() {
    MemoryFileTree fs = new MemoryFileTree();
    fs.write("/deep/kustomization.yaml", "resources: [r.yaml]\nnamePrefix: p-\n");
    fs.write(
        "/deep/r.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: "
            + "{a: ".repeat(9000)
            + "x"
            + "}".repeat(9000)
            + "\n");
    Kustomizer k = new Kustomizer(BuildOptions.defaults());
    Failures f = new Failures();
    f.check("deep resource", "", () -> k.buildYaml(fs, Path.of("/deep")));
    f.assertNone(1);
  }

  /** Collects unexpected outcomes; runs each input on the worker with a time limit. */
  private static final class Failures {
    private final List<String> found = new ArrayList<>();
    private int accepted;
    private int rejected;
    private String lastRejection = "";

    void check(String label, String input, Supplier<Object> action) {
      Future<Object> future = worker.submit(action::get);
      try {
        future.get(PER_INPUT.toMillis(), TimeUnit.MILLISECONDS);
        accepted++;
      } catch (TimeoutException e) {
        future.cancel(true);
        found.add(
            label + ": no result after " + PER_INPUT.toSeconds() + "s (hang)\n" + excerpt(input));
        // the worker may be stuck: replace it so the remaining inputs still run
        worker.shutdownNow();
        startWorker();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof KustomizeException) {
          rejected++;
          lastRejection = cause.getMessage();
        } else {
          found.add(label + ": " + cause + at(cause) + "\n" + excerpt(input));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }

    void assertNone(int inputs) {
      System.out.printf(
          "fuzz: %d inputs, %d accepted, %d rejected with KustomizeException, %d bad%n",
          inputs, accepted, rejected, found.size());
      assertThat(inputs).isPositive();
      assertThat(found)
          .as(
              found.size()
                  + " of "
                  + inputs
                  + " inputs failed badly; first ones:\n"
                  + String.join(
                      "\n\n", found.subList(0, Math.min(MAX_FAILURES_SHOWN, found.size()))))
          .isEmpty();
    }

    private static String at(Throwable t) {
      StackTraceElement[] st = t.getStackTrace();
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < Math.min(4, st.length); i++) {
        b.append("\n    at ").append(st[i]);
      }
      return b.toString();
    }

    private static String excerpt(String input) {
      String s = input.length() > 600 ? input.substring(0, 600) + "…" : input;
      return "  input: " + s.replace("\n", "\n  ");
    }
  }
}
