package dev.capstan.bench.limit;

import dev.capstan.bench.ClusterOptions;
import dev.capstan.bench.CommonOptions;
import dev.capstan.bench.controller.ScaleFluxNodes;
import dev.capstan.bench.report.BenchReport;
import dev.capstan.bench.report.LatestResult;
import dev.capstan.bench.report.Machine;
import dev.capstan.bench.report.MarkdownTable;
import dev.capstan.bench.report.Samples;
import dev.capstan.controller.api.CrdInstaller;
import dev.capstan.controller.api.flux.Kustomization;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code limit}: the API server's own ceiling. A bare fabric8 client applies N units of four
 * objects by server-side apply with 1, 4, 16, 64 requests in flight; the best concurrency's time is
 * the floor any controller applying the same objects can reach on this machine.
 */
@Command(
    name = "limit",
    mixinStandardHelpOptions = true,
    description = "API server ceiling: N units × 4 objects by server-side apply, bare client.")
public final class LimitCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin ClusterOptions cluster;

  @Option(
      names = "--sizes",
      split = ",",
      defaultValue = "100",
      description = "Units (×4 objects) to apply (default ${DEFAULT-VALUE}).")
  List<Integer> sizes;

  @Option(
      names = "--concurrency",
      split = ",",
      defaultValue = "1,4,16,64",
      description = "Requests in flight to try (default ${DEFAULT-VALUE}).")
  List<Integer> concurrencies;

  @Option(
      names = "--until-available",
      description =
          "Also time, at the highest concurrency, how long until every Deployment is Available "
              + "(the cluster's own controllers and kwok included): the floor for scale-flux's "
              + "wait: true. Adds kwok Nodes for more than 150 units.")
  boolean untilAvailable;

  @Option(
      names = "--flux-writes",
      description =
          "Per unit, also send what Flux's contract adds (create a Kustomization, add its finalizer,"
              + " write its status, record two Events), one unit's requests after another: the floor"
              + " for any controller that keeps Flux's contract. Installs Capstan's CRDs.")
  boolean fluxWrites;

  record Run(int n, int concurrency, Samples seconds) {
    double objectsPerSecond() {
      return n * 4 / seconds.p50();
    }
  }

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    String loadBefore = Machine.loadAverage();
    int maxC = concurrencies.stream().mapToInt(Integer::intValue).max().orElse(1);
    List<Run> runs = new ArrayList<>();
    Map<Integer, Samples> available = new java.util.LinkedHashMap<>();
    try (KubernetesClient client = cluster.connect(maxC)) {
      if (fluxWrites) {
        new CrdInstaller(client).installCapstanCrds();
      }
      for (int n : sizes) {
        for (int c : concurrencies) {
          List<Double> seconds = new ArrayList<>();
          List<Double> ready = new ArrayList<>();
          for (int t = 0; t < common.trials; t++) {
            double[] times = applyOnce(client, n, c, untilAvailable && c == maxC, fluxWrites);
            seconds.add(times[0]);
            if (times.length > 1) {
              ready.add(times[1]);
              System.err.printf(
                  Locale.ROOT, "limit: n=%d all Deployments Available after %.2f s%n", n, times[1]);
            }
            System.err.printf(
                Locale.ROOT,
                "limit: n=%d concurrency=%d trial %d: %.2f s (load %s)%n",
                n,
                c,
                t + 1,
                seconds.get(seconds.size() - 1),
                Machine.loadAverage());
          }
          runs.add(new Run(n, c, Samples.of(seconds)));
          if (!ready.isEmpty()) {
            available.put(n, Samples.of(ready));
          }
        }
      }
    }

    BenchReport report =
        new BenchReport(
            "limit",
            fluxWrites
                ? "limit with Flux's writes: the floor for a controller that keeps Flux's contract"
                : "limit: the API server's ceiling for server-side apply");
    report.paragraph(
        "Run "
            + started
            + " on "
            + Machine.current().describe()
            + " (load at start: "
            + loadBefore
            + ").");
    report.paragraph(
        "A bare fabric8 client (JDK HTTP client) creates a fresh namespace, then applies N units of "
            + "a ConfigMap, ServiceAccount, Service and Deployment (4N objects) by server-side apply (field manager "
            + "`capstan-bench`, force), with a fixed number of requests in flight. Time is wall clock from the first "
            + "request to the last response; the namespace is deleted afterwards (not timed). Control plane: testenv "
            + "(etcd, kube-apiserver, controller-manager, scheduler, kwok) on the same machine. Median of "
            + common.trials
            + " trial(s).");
    if (fluxWrites) {
      report.paragraph(
          "With --flux-writes: each task is one unit, sent in order: create its Kustomization "
              + "(scale-flux's spec), add Flux's finalizer (JSON patch), apply the four objects one after "
              + "another, write the Kustomization's Ready status with their inventory (PUT of the status), "
              + "and record the two Events of a first apply. Concurrency counts units in flight. No "
              + "controller runs: this is what the API server, etcd and the controller manager cost for "
              + "Flux's contract alone, without any reconciler's reads, watches or work.");
    }
    MarkdownTable table =
        new MarkdownTable(
                "n (units)", "objects", "concurrency", "seconds p50", "seconds max", "objects/s")
            .numeric(0, 1, 2, 3, 4, 5);
    for (Run r : runs) {
      table.row(
          r.n(),
          r.n() * 4,
          r.concurrency(),
          fmt(r.seconds().p50()),
          fmt(r.seconds().max()),
          String.format(Locale.ROOT, "%.0f", r.objectsPerSecond()));
    }
    report.table(table);
    if (!available.isEmpty()) {
      MarkdownTable t =
          new MarkdownTable("n (units)", "concurrency", "all Available p50 s", "max s")
              .numeric(0, 1, 2, 3);
      available.forEach((n, v) -> t.row(n, maxC, fmt(v.p50()), fmt(v.max())));
      report.paragraph(
          "With --until-available: from the first apply until every Deployment reports "
              + "Available=True (one replica each; the controller-manager's Deployment and ReplicaSet "
              + "controllers, the scheduler and kwok do that work), polled every 250 ms. This is the "
              + "floor for scale-flux, whose Kustomizations wait for health.");
      report.table(t);
    }
    int largest = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
    Run best =
        runs.stream()
            .filter(r -> r.n() == largest)
            .max((a, b) -> Double.compare(a.objectsPerSecond(), b.objectsPerSecond()))
            .orElseThrow();
    report.result("n", best.n());
    report.result("writes", fluxWrites ? "flux" : "apply");
    report.result("seconds", best.seconds().p50());
    report.result("concurrency", best.concurrency());
    report.result("objects_per_s", Math.round(best.objectsPerSecond()));
    if (available.containsKey(best.n())) {
      report.result("available_seconds", available.get(best.n()).p50());
    }
    Optional<Map<String, String>> flux = LatestResult.find(common.results, "scale-flux");
    Floor floor = Floor.of(best, Optional.ofNullable(available.get(best.n())));
    String over =
        flux.filter(m -> String.valueOf(best.n()).equals(m.get("n")) && m.containsKey("seconds"))
            .map(m -> Double.parseDouble(m.get("seconds")) / floor.seconds())
            .map(x -> String.format(Locale.ROOT, "%.2f", x))
            .orElse("n/a");
    report.paragraph(
        "Best for n="
            + best.n()
            + ": concurrency "
            + best.concurrency()
            + ", "
            + fmt(best.seconds().p50())
            + " s. Capstan's scale-flux time over this limit at the same n ("
            + floor.what()
            + ", "
            + fmt(floor.seconds())
            + " s): "
            + over
            + (over.equals("n/a")
                ? " (no scale-flux result with this n in " + common.results + ")."
                : "×."));
    report.paragraph("Load average at end: " + Machine.loadAverage() + ".");
    report.result("capstan_over_limit", over);
    report.result("load", Machine.loadAverage().split(" ")[0]);
    report.publish(common.results, started, System.out);
    return 0;
  }

  /**
   * What scale-flux is divided by: the time until every Deployment was Available when that was
   * measured ({@code --until-available}), since scale-flux waits for the same health; else the time
   * until the last apply answered.
   */
  record Floor(double seconds, String what) {
    static Floor of(Run best, Optional<Samples> available) {
      return available
          .map(a -> new Floor(a.p50(), "until every Deployment is Available"))
          .orElseGet(() -> new Floor(best.seconds().p50(), "until the last apply answered"));
    }
  }

  private static long available(KubernetesClient client, String ns) {
    return client.apps().deployments().inNamespace(ns).list().getItems().stream()
        .filter(
            d ->
                d.getStatus() != null
                    && d.getStatus().getConditions() != null
                    && d.getStatus().getConditions().stream()
                        .anyMatch(
                            c -> "Available".equals(c.getType()) && "True".equals(c.getStatus())))
        .count();
  }

  /** Takes the finalizers off the Kustomizations, which no controller would, before the delete. */
  private static void releaseKustomizations(
      ExecutorService pool, KubernetesClient client, String ns) throws Exception {
    var ks = client.resources(Kustomization.class).inNamespace(ns);
    List<Future<?>> done = new ArrayList<>();
    for (Kustomization k : ks.list().getItems()) {
      if (k.getMetadata().getFinalizers().isEmpty()) {
        continue;
      }
      String name = k.getMetadata().getName();
      done.add(
          pool.submit(
              () ->
                  ks.withName(name)
                      .patch(PatchContext.of(PatchType.JSON), FluxWrites.releasePatch())));
    }
    for (Future<?> f : done) {
      f.get();
    }
  }

  /** One object by server-side apply, as the bare client sends it (field manager, force). */
  static void apply(KubernetesClient client, HasMetadata object) {
    client.resource(object).fieldManager("capstan-bench").forceConflicts().serverSideApply();
  }

  private static String fmt(double s) {
    return String.format(Locale.ROOT, "%.2f", s);
  }

  /** Seconds until the last apply answered, and until all Deployments were Available if asked. */
  private static double[] applyOnce(
      KubernetesClient client, int n, int concurrency, boolean untilAvailable, boolean fluxWrites)
      throws Exception {
    String ns =
        "bench-limit-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24));
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
    List<List<HasMetadata>> units = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      units.add(UnitObjects.of(ns, "unit-" + i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    ScaleFluxNodes nodes = ScaleFluxNodes.add(client, ns, untilAvailable && n > 150 ? n : 0);
    try {
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (List<HasMetadata> unit : units) {
        if (fluxWrites) {
          done.add(pool.submit(() -> FluxWrites.sendUnit(client, ns, unit)));
          continue;
        }
        for (HasMetadata o : unit) {
          done.add(pool.submit(() -> apply(client, o)));
        }
      }
      for (Future<?> f : done) {
        f.get();
      }
      double applied = (System.nanoTime() - start) / 1e9;
      if (!untilAvailable) {
        return new double[] {applied};
      }
      long deadline = start + java.time.Duration.ofMinutes(15).toNanos();
      while (System.nanoTime() < deadline && available(client, ns) < n) {
        Thread.sleep(250); // polling the API server for the end state; the wait is what is measured
      }
      return new double[] {applied, (System.nanoTime() - start) / 1e9};
    } finally {
      if (fluxWrites) {
        releaseKustomizations(pool, client, ns);
      }
      pool.shutdown();
      nodes.close();
      client.namespaces().withName(ns).delete();
    }
  }
}
