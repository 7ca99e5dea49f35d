package dev.capstan.bench.controller;

import dev.capstan.bench.ClusterOptions;
import dev.capstan.bench.CommonOptions;
import dev.capstan.bench.report.BenchReport;
import dev.capstan.bench.report.Machine;
import dev.capstan.bench.report.MarkdownTable;
import dev.capstan.testsupport.git.CommitBuilder;
import dev.capstan.testsupport.git.FixtureRepository;
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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scale-argo}: N Argo CD Applications of one ConfigMap each (automated sync) from one
 * repository; time from creating them until all are Synced, with {@code bin/capstan controller}'s
 * peak RSS and heap.
 */
@Command(
    name = "scale-argo",
    mixinStandardHelpOptions = true,
    description = "N Argo CD Applications (one ConfigMap each) until all Synced.")
public final class ScaleArgoCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin ClusterOptions cluster;

  @Option(
      names = "--sizes",
      split = ",",
      defaultValue = "100",
      description = "Applications (default ${DEFAULT-VALUE}).")
  List<Integer> sizes;

  @Option(
      names = "--workers",
      defaultValue = "10",
      description =
          "Controller --concurrency (default ${DEFAULT-VALUE}, as Argo CD's status processors).")
  int workers;

  @Option(
      names = "--timeout",
      defaultValue = "900",
      description = "Seconds to wait for all Synced (default ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(
      names = "--controller-java-option",
      description =
          "An extra option for the controller JVM (repeatable): -Xmx256m, a system property, "
              + "-XX:StartFlightRecording=... to profile it.")
  List<String> controllerJavaOptions = new ArrayList<>();

  record Outcome(
      int n, int synced, double seconds, double peakRssMib, double peakHeapMib, boolean complete) {}

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    String loadBefore = Machine.loadAverage();
    Path kubeconfig = cluster.resolve();
    CapstanCli.ensureBuilt();
    List<Outcome> outcomes = new ArrayList<>();
    try (KubernetesClient client = cluster.connect(16);
        GitFixture git = GitFixture.create()) {
      BenchCluster bc = new BenchCluster(client);
      bc.installCrds();
      GitHttpServer http = git.startHttp();
      for (int n : sizes) {
        outcomes.add(runOnce(bc, git, http, kubeconfig, n));
      }
    }
    BenchReport report =
        new BenchReport("scale-argo", "scale-argo: N Applications until all Synced");
    report.paragraph(
        "Run "
            + started
            + " on "
            + Machine.current().describe()
            + " (load at start: "
            + loadBefore
            + ").");
    report.paragraph(
        "One repository (loopback smart-HTTP server) with N directories of one ConfigMap; N Applications "
            + "(automated sync with prune and self-heal) created at once in a fresh controller namespace. Seconds: from "
            + "the first create until every Application's `status.sync.status` is `Synced` (polled every 500 ms). "
            + "Controller: `capstan controller -n <ns> --no-flux --no-leader-elect --concurrency "
            + workers
            + "` as its own JVM; peak RSS is VmHWM, heap the largest `jcmd GC.heap_info` used value sampled every second.");
    MarkdownTable t =
        new MarkdownTable(
                "n", "synced", "seconds", "Applications/s", "peak RSS MiB", "peak heap MiB")
            .numeric(0, 1, 2, 3, 4, 5);
    for (Outcome o : outcomes) {
      t.row(
          o.n(),
          o.synced(),
          String.format(Locale.ROOT, "%.1f", o.seconds()),
          String.format(Locale.ROOT, "%.1f", o.synced() / o.seconds()),
          String.format(Locale.ROOT, "%.0f", o.peakRssMib()),
          String.format(Locale.ROOT, "%.0f", o.peakHeapMib()));
    }
    report.table(t);
    report.paragraph("Load average at end: " + Machine.loadAverage() + ".");
    Outcome last = outcomes.get(outcomes.size() - 1);
    if (!last.complete()) {
      report.paragraph(
          "Timed out: only "
              + last.synced()
              + " of "
              + last.n()
              + " were Synced after "
              + timeoutSeconds
              + " s.");
      report.result("status", "timeout");
    }
    report.result("n", last.n());
    report.result("seconds", Math.round(last.seconds() * 10) / 10.0);
    report.result("peak_rss_mib", Math.round(last.peakRssMib()));
    report.result("peak_heap_mib", Math.round(last.peakHeapMib()));
    report.result("load", Machine.loadAverage().split(" ")[0]);
    report.publish(common.results, started, System.out);
    return 0;
  }

  private Outcome runOnce(
      BenchCluster bc, GitFixture git, GitHttpServer http, Path kubeconfig, int n)
      throws Exception {
    String ns = bc.createNamespace("bench-argo");
    FixtureRepository repo = git.createRepository("scale-" + ns);
    CommitBuilder commit = repo.commit().message("apps");
    for (int i = 0; i < n; i++) {
      commit.add("apps/a" + i + "/cm.yaml", UnitFiles.configMap("a" + i, "v1"));
    }
    commit.create();
    bc.create(ArgoSetup.defaultProject(ns));
    Path log = common.results.resolve("tmp").resolve("scale-argo-controller-" + ns + ".log");
    try (ControllerProcess controller =
        ControllerProcess.start(command(kubeconfig, ns), log, Launch.javaHome())) {
      if (!controller.awaitLog("capstan controller:", Duration.ofMinutes(5))) {
        throw new IllegalStateException(
            "capstan controller did not start; log " + log + ":\n" + controller.tail(30));
      }
      long start = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Future<?>> creates = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String yaml = ArgoSetup.application("a" + i, ns, http.url(repo), "apps/a" + i, true);
        creates.add(pool.submit(() -> bc.create(yaml)));
      }
      for (Future<?> f : creates) {
        f.get();
      }
      pool.shutdown();
      long deadline = start + Duration.ofSeconds(timeoutSeconds).toNanos();
      int synced = 0;
      while (System.nanoTime() < deadline && controller.alive()) {
        List<GenericKubernetesResource> all =
            bc.kind("argoproj.io/v1alpha1", "Application").inNamespace(ns).list().getItems();
        synced =
            (int)
                all.stream()
                    .filter(a -> "Synced".equals(BenchCluster.statusField(a, "sync", "status")))
                    .count();
        if (synced == n) {
          break;
        }
        Thread.sleep(500); // polling the API server for the end state; the wait is what is measured
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.err.printf(
          Locale.ROOT,
          "scale-argo: n=%d synced=%d in %.1f s (load %s)%n",
          n,
          synced,
          seconds,
          Machine.loadAverage());
      return new Outcome(
          n, synced, seconds, controller.peakRssMib(), controller.peakHeapMib(), synced == n);
    } finally {
      deleteApplications(bc, ns);
      bc.deleteNamespace(ns);
    }
  }

  private List<String> command(Path kubeconfig, String ns) {
    List<String> command = new ArrayList<>(Launch.argoController(kubeconfig, ns, workers));
    command.addAll(1, controllerJavaOptions); // after the java binary
    return command;
  }

  /** Applications carry finalizers only when asked; delete them before the namespace anyway. */
  private static void deleteApplications(BenchCluster bc, String ns) {
    bc.kind("argoproj.io/v1alpha1", "Application").inNamespace(ns).delete();
  }
}
