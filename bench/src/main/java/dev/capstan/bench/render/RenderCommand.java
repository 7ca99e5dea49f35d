package dev.capstan.bench.render;

import dev.capstan.bench.CommonOptions;
import dev.capstan.bench.report.BenchReport;
import dev.capstan.bench.report.Machine;
import dev.capstan.bench.report.MarkdownTable;
import dev.capstan.bench.report.Samples;
import dev.capstan.kustomize.BuildOptions;
import dev.capstan.kustomize.Kustomizer;
import dev.capstan.kustomize.LoadRestrictor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code render}: in-process {@code capstan build} (the {@link Kustomizer}, warm) against {@code
 * kubectl kustomize} run as a process per build, on the conformance corpus and on generated large
 * trees. Checks that both print identical text for every input and every timed build.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = "capstan build (in-process, warm) vs kubectl kustomize (process per build).")
public final class RenderCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--sizes",
      split = ",",
      defaultValue = "500",
      description = "Resource counts of the generated trees (default ${DEFAULT-VALUE}; 0 = none).")
  List<Integer> sizes;

  @Option(
      names = "--corpus",
      defaultValue = "../shared/conformance/kustomize/cases",
      description = "Conformance cases directory (default ${DEFAULT-VALUE}); 'none' to skip.")
  String corpus;

  @Option(
      names = "--warmup",
      defaultValue = "10",
      description =
          "Untimed Capstan passes over all inputs before timing (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--kubectl", defaultValue = "kubectl", description = "kubectl binary.")
  String kubectl;

  /** CPU time and allocation of the building thread: less disturbed by load than wall time. */
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final Kustomizer rootOnly = new Kustomizer(BuildOptions.defaults());
  private final Kustomizer unrestricted =
      new Kustomizer(BuildOptions.defaults().withLoadRestrictor(LoadRestrictor.NONE));

  /** The samples and checks of one input. */
  private static final class Measured {
    final List<Double> capstan = new ArrayList<>();
    final List<Double> capstanCpu = new ArrayList<>();
    final List<Double> capstanAllocMb = new ArrayList<>();
    final List<Double> kubectl = new ArrayList<>();
    int builds;
    int identical;
    String firstDifference = "";
  }

  @Override
  public Integer call() throws IOException {
    Instant started = Instant.now();
    String loadBefore = Machine.loadAverage();
    KubectlKustomize kubectlRunner = new KubectlKustomize(kubectl);
    List<RenderInput> candidates = new ArrayList<>();
    if (!"none".equals(corpus)) {
      Path dir = Path.of(corpus);
      if (!Files.isDirectory(dir)) {
        System.err.println(
            "render: conformance cases not found at " + dir.toAbsolutePath() + " (use --corpus)");
        return 2;
      }
      candidates.addAll(ConformanceCorpus.load(dir));
    }
    Path tmp = Files.createTempDirectory("capstan-bench-render");
    Map<String, Integer> generatedResources = new LinkedHashMap<>();
    for (int n : sizes) {
      if (n > 0) {
        Path overlay = LargeTree.write(tmp.resolve("n" + n), n);
        String group = "generated-" + n;
        candidates.add(new RenderInput(group, overlay, false, group));
        generatedResources.put(group, LargeTree.Layout.forResources(n).resources());
      }
    }

    // Which inputs kubectl builds at all; the rest are listed, not timed.
    List<RenderInput> inputs = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (RenderInput in : candidates) {
      KubectlKustomize.Outcome o = kubectlRunner.build(in);
      if (o.ok()) {
        inputs.add(in);
      } else {
        skipped.add(in.label() + ": " + firstLine(o.text()));
      }
    }
    System.err.printf(
        "render: %d inputs (%d skipped: kubectl fails on them); warming up%n",
        inputs.size(), skipped.size());

    for (int w = 0; w < warmup; w++) {
      for (RenderInput in : inputs) {
        capstan(in);
      }
    }

    Map<RenderInput, Measured> measured = new LinkedHashMap<>();
    inputs.forEach(in -> measured.put(in, new Measured()));
    for (int t = 0; t < common.trials; t++) {
      System.err.printf(
          "render: trial %d/%d (load %s)%n", t + 1, common.trials, Machine.loadAverage());
      for (RenderInput in : inputs) {
        Measured m = measured.get(in);
        KubectlKustomize.Outcome k = kubectlRunner.build(in);
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long allocStart = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        String ours = capstan(in);
        double ms = (System.nanoTime() - start) / 1e6;
        m.capstanCpu.add((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6);
        m.capstanAllocMb.add((THREADS.getCurrentThreadAllocatedBytes() - allocStart) / 1e6);
        m.capstan.add(ms);
        m.kubectl.add(k.millis());
        m.builds++;
        if (k.ok() && k.text().equals(ours)) {
          m.identical++;
        } else if (m.firstDifference.isEmpty()) {
          m.firstDifference =
              k.ok() ? firstDifference(k.text(), ours) : "kubectl failed: " + firstLine(k.text());
        }
      }
    }

    BenchReport report =
        new BenchReport("render", "render: capstan build (in-process, warm) vs kubectl kustomize");
    report.paragraph(
        "Run "
            + started
            + " on "
            + Machine.current().describe()
            + " (load at start: "
            + loadBefore
            + ").");
    report.paragraph(
        "Capstan: `Kustomizer.buildYaml` in this JVM after "
            + warmup
            + " untimed passes over all inputs (JIT warm-up). "
            + "kubectl: `"
            + kubectl
            + " kustomize <dir>` as a new process per build, as Argo CD's repo server runs it. "
            + "Each trial builds every input once with each, interleaved, so both see the same machine load. "
            + common.trials
            + " trial(s).");

    MarkdownTable table =
        new MarkdownTable(
                "input",
                "resources",
                "builds",
                "capstan p50 ms",
                "capstan p95 ms",
                "kubectl p50 ms",
                "kubectl p95 ms",
                "speedup (p50)",
                "capstan CPU p50 ms",
                "capstan alloc p50 MB",
                "identical output")
            .numeric(1, 2, 3, 4, 5, 6, 7, 8, 9);
    Map<String, double[]> groupKeys = new LinkedHashMap<>();
    int totalBuilds = 0;
    int totalIdentical = 0;
    List<String> differing = new ArrayList<>();
    Map<String, List<RenderInput>> groups = new LinkedHashMap<>();
    inputs.forEach(in -> groups.computeIfAbsent(in.group(), g -> new ArrayList<>()).add(in));
    for (Map.Entry<String, List<RenderInput>> g : groups.entrySet()) {
      List<Double> c = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      List<Double> alloc = new ArrayList<>();
      List<Double> k = new ArrayList<>();
      int builds = 0;
      int identical = 0;
      for (RenderInput in : g.getValue()) {
        Measured m = measured.get(in);
        c.addAll(m.capstan);
        cpu.addAll(m.capstanCpu);
        alloc.addAll(m.capstanAllocMb);
        k.addAll(m.kubectl);
        builds += m.builds;
        identical += m.identical;
        if (m.identical != m.builds) {
          differing.add(in.label() + ": " + m.firstDifference);
        }
      }
      totalBuilds += builds;
      totalIdentical += identical;
      Samples cs = Samples.of(c);
      Samples ks = Samples.of(k);
      double speedup = ks.p50() / cs.p50();
      String label =
          g.getKey().equals("corpus")
              ? "conformance corpus (" + g.getValue().size() + " cases, per build)"
              : g.getKey();
      Object resources =
          generatedResources.containsKey(g.getKey())
              ? generatedResources.get(g.getKey())
              : "varies";
      table.row(
          label,
          resources,
          builds,
          MarkdownTable.ms(cs.p50()),
          MarkdownTable.ms(cs.p95()),
          MarkdownTable.ms(ks.p50()),
          MarkdownTable.ms(ks.p95()),
          String.format(java.util.Locale.ROOT, "%.1f×", speedup),
          MarkdownTable.ms(Samples.of(cpu).p50()),
          String.format(java.util.Locale.ROOT, "%.2f", Samples.of(alloc).p50()),
          identical + "/" + builds);
      groupKeys.put(
          g.getKey(),
          new double[] {
            speedup,
            cs.p50(),
            cs.p95(),
            ks.p50(),
            ks.p95(),
            Samples.of(cpu).p50(),
            Samples.of(alloc).p50()
          });
      if (g.getKey().equals("corpus")) {
        double cTotal = cs.sum() / common.trials;
        double kTotal = ks.sum() / common.trials;
        report.paragraph(
            String.format(
                java.util.Locale.ROOT,
                "Whole corpus, one pass: Capstan %.0f ms, kubectl %.0f ms (%.1f×).",
                cTotal,
                kTotal,
                kTotal / cTotal));
      }
    }
    report.heading("Per build");
    report.table(table);
    report.heading("Output check");
    if (differing.isEmpty()) {
      report.paragraph(
          "Capstan's output was byte-identical to kubectl's in all "
              + totalBuilds
              + " timed builds (every input, every trial).");
    } else {
      report.paragraph(
          "Output differed from kubectl's in "
              + (totalBuilds - totalIdentical)
              + " of "
              + totalBuilds
              + " timed builds, on these inputs:\n\n- "
              + String.join("\n- ", differing));
    }
    if (!skipped.isEmpty()) {
      report.paragraph(
          "Not timed (kubectl itself fails on them, e.g. plugins or a newer kustomize feature): "
              + skipped.size()
              + "\n\n- "
              + String.join("\n- ", skipped));
    }
    report.paragraph("Load average at end: " + Machine.loadAverage() + ".");

    // Primary keys: the largest generated tree when there is one, else the corpus.
    String primary =
        groupKeys.keySet().stream()
            .filter(k -> k.startsWith("generated-"))
            .reduce((a, b) -> b)
            .orElse("corpus");
    double[] p = groupKeys.get(primary);
    if (p != null) {
      report.result("input", primary);
      putKeys(report, "", p);
    }
    if (groupKeys.containsKey("corpus") && !primary.equals("corpus")) {
      putKeys(report, "corpus_", groupKeys.get("corpus"));
    }
    report.result("builds", totalBuilds);
    report.result(
        "identical", totalIdentical == totalBuilds ? "all" : totalIdentical + "/" + totalBuilds);
    report.result("trials", common.trials);
    report.result("load", Machine.loadAverage().split(" ")[0]);
    report.publish(common.results, started, System.out);
    return 0;
  }

  private static void putKeys(BenchReport report, String prefix, double[] v) {
    report.result(prefix + "speedup", round1(v[0]));
    report.result(prefix + "capstan_p50_ms", v[1]);
    report.result(prefix + "capstan_p95_ms", v[2]);
    report.result(prefix + "kubectl_p50_ms", v[3]);
    report.result(prefix + "kubectl_p95_ms", v[4]);
    report.result(prefix + "capstan_cpu_p50_ms", v[5]);
    report.result(prefix + "capstan_alloc_mb", round1(v[6]));
  }

  private static double round1(double d) {
    return Math.round(d * 10) / 10.0;
  }

  private String capstan(RenderInput in) {
    try {
      return (in.loadRestrictionsNone() ? unrestricted : rootOnly).buildYaml(in.dir());
    } catch (RuntimeException e) {
      return "capstan failed: " + e.getMessage();
    }
  }

  private static String firstLine(String text) {
    String t = text.strip();
    int nl = t.indexOf('\n');
    String line = nl < 0 ? t : t.substring(0, nl);
    return line.length() > 160 ? line.substring(0, 160) + "…" : line;
  }

  static String firstDifference(String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    for (int i = 0; i < Math.max(e.length, a.length); i++) {
      String el = i < e.length ? e[i] : "<end>";
      String al = i < a.length ? a[i] : "<end>";
      if (!el.equals(al)) {
        return "line "
            + (i + 1)
            + ": kubectl `"
            + firstLine(el)
            + "`, capstan `"
            + firstLine(al)
            + "`";
      }
    }
    return "same lines, different bytes";
  }
}
