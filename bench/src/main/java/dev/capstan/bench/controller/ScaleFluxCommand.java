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
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Files;
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
 * {@code scale-flux}: N Flux Kustomizations of four objects each, {@code wait: true}, all from one
 * GitRepository on a loopback Git server; time from creating them until all are Ready, with the
 * controller's peak RSS and heap. The controller runs as its own JVM.
 */
@Command(
    name = "scale-flux",
    mixinStandardHelpOptions = true,
    description = "N Flux Kustomizations (4 objects each, wait: true) until all Ready.")
public final class ScaleFluxCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin ClusterOptions cluster;

  @Option(
      names = "--sizes",
      split = ",",
      defaultValue = "100",
      description = "Kustomizations (default ${DEFAULT-VALUE}).")
  List<Integer> sizes;

  @Option(
      names = "--workers",
      defaultValue = "4",
      description = "Controller workers (default ${DEFAULT-VALUE}, Flux's --concurrency=4).")
  int workers;

  @Option(
      names = "--timeout",
      defaultValue = "900",
      description = "Seconds to wait for all Ready (default ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(
      names = "--controller-heap",
      defaultValue = "-Xmx1g",
      description = "Controller JVM heap flag (default ${DEFAULT-VALUE}).")
  String heap;

  @Option(
      names = "--controller-jfr",
      description =
          "Also record a Java Flight Recording (profile settings) of the controller JVM to this file.")
  Path controllerJfr;

  @Option(
      names = "--controller-java-option",
      description = "An extra option for the controller JVM (repeatable), e.g. a system property.")
  List<String> controllerJavaOptions = new ArrayList<>();

  record Outcome(
      int n, int ready, double seconds, double peakRssMib, double peakHeapMib, boolean complete) {}

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    String loadBefore = Machine.loadAverage();
    Path kubeconfig = cluster.resolve();
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
        new BenchReport("scale-flux", "scale-flux: N Kustomizations until all Ready");
    report.paragraph(
        "Run "
            + started
            + " on "
            + Machine.current().describe()
            + " (load at start: "
            + loadBefore
            + ").");
    report.paragraph(
        "One GitRepository (loopback smart-HTTP server from test-support) with N directories of four "
            + "objects (ConfigMap, ServiceAccount, Service, Deployment); N Kustomizations (`prune: true`, `wait: true`, "
            + "`targetNamespace`) created at once. Seconds: from the first create until every Kustomization is "
            + "`Ready=True` (polled every 500 ms). The Flux controller runs in its own JVM ("
            + heap
            + ", "
            + workers
            + " workers) limited to the benchmark's namespace; peak RSS is the kernel's VmHWM, heap the largest "
            + "`jcmd GC.heap_info` used value sampled every second. Deployments become Available through kwok.");
    MarkdownTable t =
        new MarkdownTable(
                "n",
                "objects",
                "ready",
                "seconds",
                "Kustomizations/s",
                "peak RSS MiB",
                "peak heap MiB")
            .numeric(0, 1, 2, 3, 4, 5, 6);
    for (Outcome o : outcomes) {
      t.row(
          o.n(),
          o.n() * 4,
          o.ready(),
          String.format(Locale.ROOT, "%.1f", o.seconds()),
          String.format(Locale.ROOT, "%.1f", o.ready() / o.seconds()),
          String.format(Locale.ROOT, "%.0f", o.peakRssMib()),
          String.format(Locale.ROOT, "%.0f", o.peakHeapMib()));
    }
    report.table(t);
    report.paragraph("Load average at end: " + Machine.loadAverage() + ".");
    Outcome last = outcomes.get(outcomes.size() - 1);
    if (!last.complete()) {
      report.paragraph(
          "Timed out: only "
              + last.ready()
              + " of "
              + last.n()
              + " were Ready after "
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
    String ns = bc.createNamespace("bench-flux");
    FixtureRepository repo = git.createRepository("scale-" + ns);
    CommitBuilder commit = repo.commit().message("units");
    for (int i = 0; i < n; i++) {
      commit.add("units/u" + i + "/objects.yaml", UnitFiles.fourObjects("u" + i));
    }
    commit.create();
    Path cache = Files.createTempDirectory("capstan-bench-flux");
    Path log = common.results.resolve("tmp").resolve("scale-flux-controller-" + ns + ".log");
    List<String> command =
        new ArrayList<>(Launch.fluxController(kubeconfig, ns, cache, workers, heap));
    command.addAll(1, controllerJavaOptions);
    if (controllerJfr != null) {
      command.add(
          1,
          "-XX:StartFlightRecording=filename="
              + controllerJfr.toAbsolutePath()
              + ",settings=profile,dumponexit=true");
    }
    // the testenv's two Nodes hold 220 pods; larger runs get Nodes of their own
    try (ScaleFluxNodes nodes = ScaleFluxNodes.add(bc.client(), ns, n > 150 ? n : 0);
        ControllerProcess controller = ControllerProcess.start(command, log, Launch.javaHome())) {
      if (!controller.awaitLog("flux controller started", Duration.ofMinutes(2))) {
        throw new IllegalStateException(
            "the Flux controller did not start; log " + log + ":\n" + controller.tail(30));
      }
      bc.create(
          """
          apiVersion: source.toolkit.fluxcd.io/v1
          kind: GitRepository
          metadata: {name: bench, namespace: %s}
          spec:
            interval: 10m
            url: "%s"
            ref: {branch: main}
          """
              .formatted(ns, http.url(repo)));
      long start = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Future<?>> creates = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String yaml =
            """
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata: {name: u%d, namespace: %s}
            spec:
              interval: 1h
              sourceRef: {kind: GitRepository, name: bench}
              path: ./units/u%d
              prune: true
              wait: true
              timeout: 5m
              targetNamespace: %s
            """
                .formatted(i, ns, i, ns);
        creates.add(pool.submit(() -> bc.create(yaml)));
      }
      for (Future<?> f : creates) {
        f.get();
      }
      pool.shutdown();
      long deadline = start + Duration.ofSeconds(timeoutSeconds).toNanos();
      int ready = 0;
      while (System.nanoTime() < deadline && controller.alive()) {
        List<GenericKubernetesResource> all =
            bc.kind("kustomize.toolkit.fluxcd.io/v1", "Kustomization")
                .inNamespace(ns)
                .list()
                .getItems();
        ready = (int) all.stream().filter(k -> BenchCluster.conditionTrue(k, "Ready")).count();
        if (ready == n) {
          break;
        }
        Thread.sleep(500); // polling the API server for the end state; the wait is what is measured
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.err.printf(
          Locale.ROOT,
          "scale-flux: n=%d ready=%d in %.1f s (load %s)%n",
          n,
          ready,
          seconds,
          Machine.loadAverage());
      Outcome o =
          new Outcome(
              n, ready, seconds, controller.peakRssMib(), controller.peakHeapMib(), ready == n);
      return o;
    } finally {
      releaseKustomizations(bc, ns);
      bc.deleteNamespace(ns);
    }
  }

  /**
   * Drops the Kustomizations' finalizers: the controller is stopped by now, and without it they
   * would keep the namespace Terminating for ever on the shared control plane.
   */
  private static void releaseKustomizations(BenchCluster bc, String ns) {
    var op = bc.kind("kustomize.toolkit.fluxcd.io/v1", "Kustomization").inNamespace(ns);
    for (GenericKubernetesResource k : op.list().getItems()) {
      op.withName(k.getMetadata().getName())
          .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"finalizers\":null}}");
    }
  }
}
