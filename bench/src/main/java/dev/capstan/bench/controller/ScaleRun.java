package dev.capstan.bench.controller;

import dev.capstan.bench.ClusterOptions;
import dev.capstan.bench.CommonOptions;
import dev.capstan.bench.report.BenchReport;
import dev.capstan.bench.report.Machine;
import dev.capstan.bench.report.MarkdownTable;
import dev.capstan.testsupport.git.GitFixture;
import dev.capstan.testsupport.git.GitHttpServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * What {@code scale-argo} and {@code scale-flux} share: one round per size against the control
 * plane, each creating N objects at once and watching them until all are done, and the report over
 * the rounds. The commands say what an object is, when it is done, and how the controller runs.
 */
final class ScaleRun {

  /** One round: N objects, how many were done, the controller's peaks and its CPU time. */
  record Outcome(
      int n,
      int done,
      double seconds,
      double peakRssMib,
      double peakHeapMib,
      double controllerCpuSeconds) {
    boolean complete() {
      return done == n;
    }
  }

  /** One round of a scale benchmark at size {@code n}. */
  @FunctionalInterface
  interface Round {
    Outcome run(BenchCluster bc, GitFixture git, GitHttpServer http, Path kubeconfig, int n)
        throws Exception;
  }

  /** How a scale benchmark names and counts its objects in the log line and the report. */
  record Kind(
      String benchmark,
      String apiVersion,
      String kind,
      String done,
      Predicate<GenericKubernetesResource> isDone) {}

  private final Kind kind;
  private final Duration timeout;

  ScaleRun(Kind kind, Duration timeout) {
    this.kind = kind;
    this.timeout = timeout;
  }

  /**
   * Connects to the cluster, installs Capstan's CRDs, serves Git on loopback and runs {@code round}
   * once per size, in order.
   */
  static List<Outcome> rounds(ClusterOptions cluster, List<Integer> sizes, Round round)
      throws Exception {
    Path kubeconfig = cluster.resolve();
    List<Outcome> outcomes = new ArrayList<>();
    try (KubernetesClient client = cluster.connect(16);
        GitFixture git = GitFixture.create()) {
      BenchCluster bc = new BenchCluster(client);
      bc.installCrds();
      GitHttpServer http = git.startHttp();
      for (int n : sizes) {
        outcomes.add(round.run(bc, git, http, kubeconfig, n));
      }
    }
    return outcomes;
  }

  /**
   * Creates every object of {@code yamls} in {@code ns} at once (16 threads), then watches them
   * (checked every 100 ms) until all objects of the kind in {@code ns} are done, the timeout passes
   * or the controller exits. Seconds run from the first create; the YAML is parsed before it, as
   * the limit builds its objects before its clock starts.
   */
  Outcome createAndAwait(
      BenchCluster bc, ControllerProcess controller, String ns, List<String> yamls)
      throws Exception {
    int n = yamls.size();
    List<GenericKubernetesResource> objects = yamls.stream().map(bc::parse).toList();
    long start = System.nanoTime();
    bc.createAll(objects);
    long deadline = start + timeout.toNanos();
    int done = 0;
    // A watch, not a list every so often: at 10,000 objects a full list every 500 ms would be a
    // large part of the API server's work and slow down what is measured.
    var informer = bc.kind(kind.apiVersion(), kind.kind()).inNamespace(ns).inform();
    try {
      while (System.nanoTime() < deadline && controller.alive()) {
        done = (int) informer.getStore().list().stream().filter(kind.isDone()).count();
        if (done == n) {
          break;
        }
        Thread.sleep(100); // reading the watch's store; the wait is what is measured
      }
    } finally {
      informer.close();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.err.printf(
        Locale.ROOT,
        "%s: n=%d %s=%d in %.1f s (load %s)%n",
        kind.benchmark(),
        n,
        kind.done(),
        done,
        seconds,
        Machine.loadAverage());
    return new Outcome(
        n,
        done,
        seconds,
        controller.peakRssMib(),
        controller.peakHeapMib(),
        controller.cpuSeconds());
  }

  /**
   * The report over the rounds: when and where it ran, {@code method}, one table row per round
   * (with an {@code objects} column when an object of the kind stands for more than one), a note
   * when the last round timed out, and the last round's results; published under {@code
   * common.results}.
   */
  void publish(
      CommonOptions common,
      String title,
      Instant started,
      String loadBefore,
      String method,
      int objectsPerUnit,
      List<Outcome> outcomes) {
    BenchReport report = new BenchReport(kind.benchmark(), title);
    report.paragraph(
        "Run "
            + started
            + " on "
            + Machine.current().describe()
            + " (load at start: "
            + loadBefore
            + ").");
    report.paragraph(method);
    report.table(table(objectsPerUnit, outcomes));
    report.paragraph("Load average at end: " + Machine.loadAverage() + ".");
    Outcome last = outcomes.get(outcomes.size() - 1);
    if (!last.complete()) {
      report.paragraph(
          "Timed out: only "
              + last.done()
              + " of "
              + last.n()
              + " were "
              + capitalized(kind.done())
              + " after "
              + timeout.toSeconds()
              + " s.");
      report.result("status", "timeout");
    }
    report.result("n", last.n());
    report.result("seconds", Math.round(last.seconds() * 10) / 10.0);
    report.result("peak_rss_mib", Math.round(last.peakRssMib()));
    report.result("peak_heap_mib", Math.round(last.peakHeapMib()));
    report.result("controller_cpu_s", Math.round(last.controllerCpuSeconds() * 10) / 10.0);
    report.result("load", Machine.loadAverage().split(" ")[0]);
    report.publish(common.results, started, System.out);
  }

  private MarkdownTable table(int objectsPerUnit, List<Outcome> outcomes) {
    boolean objects = objectsPerUnit > 1;
    List<String> header = new ArrayList<>(List.of("n"));
    if (objects) {
      header.add("objects");
    }
    header.addAll(
        List.of(
            kind.done(),
            "seconds",
            kind.kind() + "s/s",
            "peak RSS MiB",
            "peak heap MiB",
            "controller CPU s"));
    MarkdownTable t =
        new MarkdownTable(header.toArray(String[]::new))
            .numeric(IntStream.range(0, header.size()).toArray());
    for (Outcome o : outcomes) {
      List<Object> row = new ArrayList<>(List.of(o.n()));
      if (objects) {
        row.add(o.n() * objectsPerUnit);
      }
      row.addAll(
          List.of(
              o.done(),
              String.format(Locale.ROOT, "%.1f", o.seconds()),
              String.format(Locale.ROOT, "%.1f", o.done() / o.seconds()),
              String.format(Locale.ROOT, "%.0f", o.peakRssMib()),
              String.format(Locale.ROOT, "%.0f", o.peakHeapMib()),
              String.format(Locale.ROOT, "%.1f", o.controllerCpuSeconds())));
      t.row(row.toArray());
    }
    return t;
  }

  private static String capitalized(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
