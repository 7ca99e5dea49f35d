package dev.capstan.bench.controller;

import dev.capstan.bench.ClusterOptions;
import dev.capstan.bench.CommonOptions;
import dev.capstan.bench.report.BenchReport;
import dev.capstan.bench.report.Machine;
import dev.capstan.bench.report.MarkdownTable;
import dev.capstan.bench.report.Samples;
import dev.capstan.testsupport.git.CommitBuilder;
import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import dev.capstan.testsupport.git.GitHttpServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code peers}: the same Flux objects reconciled by Capstan's Flux dialect and then by Flux's own
 * source-controller and kustomize-controller (built from their Go modules), one after the other on
 * the same control plane: scale-flux's method (N Kustomizations of four objects, {@code wait:
 * true}, one GitRepository; time until all Ready; peak memory) and drift (a ConfigMap edited in the
 * cluster; time until it is reverted). Only one of the two controllers runs at a time, and Flux's
 * CRDs are swapped in only while Flux's controllers run.
 */
@Command(
    name = "peers",
    mixinStandardHelpOptions = true,
    description =
        "Capstan's Flux dialect vs Flux's own controllers: scale-flux and drift → reverted, side by side.")
public final class PeersCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin ClusterOptions cluster;

  @Option(
      names = "--sizes",
      split = ",",
      defaultValue = "100",
      description = "Kustomizations for the scale part (default ${DEFAULT-VALUE}; 0 skips it).")
  List<Integer> sizes;

  @Option(
      names = "--interval",
      defaultValue = "10s",
      description =
          "spec.interval of the drift Kustomization (default ${DEFAULT-VALUE}); Flux corrects drift only at this interval.")
  String interval;

  @Option(
      names = "--flux-version",
      defaultValue = "v1.9.6",
      description =
          "Version of fluxcd/source-controller and kustomize-controller (default ${DEFAULT-VALUE}).")
  String fluxVersion;

  @Option(
      names = "--workers",
      defaultValue = "4",
      description =
          "Capstan workers and Flux kustomize-controller --concurrent (default ${DEFAULT-VALUE}).")
  int workers;

  @Option(
      names = "--timeout",
      defaultValue = "900",
      description = "Seconds to wait for all Ready (default ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);

  record Scale(
      String side,
      int n,
      int ready,
      double seconds,
      double peakRssMib,
      double peakHeapMib,
      List<Double> rssEach,
      Set<String> appliers) {}

  record Drift(String side, List<Double> revertMs, Set<String> appliers) {}

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    String loadBefore = Machine.loadAverage();
    Path kubeconfig = cluster.resolve();
    Duration every = dev.capstan.controller.api.flux.GoDuration.parse(interval);
    System.err.println("peers: building Flux's controllers (bench/peers/build)...");
    FluxToolkitBuild build = FluxToolkitBuild.run(fluxVersion);
    List<PeerController> sides = new ArrayList<>();
    sides.add(new PeerController.Capstan(workers, "-Xmx1g"));
    if (build instanceof FluxToolkitBuild.Built b) {
      sides.add(new PeerController.Flux(b, workers));
    } else {
      System.err.println("peers: Flux's controllers could not be built; Capstan's side only");
    }
    List<Scale> scales = new ArrayList<>();
    List<Drift> drifts = new ArrayList<>();
    List<String> loads = new ArrayList<>();
    Path logs = common.results.resolve("tmp");
    try (KubernetesClient client = cluster.connect(16);
        GitFixture git = GitFixture.create()) {
      BenchCluster bc = new BenchCluster(client);
      bc.installCrds();
      GitHttpServer http = git.startHttp();
      for (PeerController side : sides) {
        FluxCrds swapped =
            side instanceof PeerController.Flux f
                ? FluxCrds.install(bc, f.build().crdFiles())
                : null;
        try {
          for (int n : sizes) {
            if (n > 0) {
              scales.add(scale(bc, git, http, kubeconfig, logs, side, n));
              loads.add(side.key() + " scale n=" + n + ": " + Machine.loadAverage());
            }
          }
          if (common.trials > 0) {
            drifts.add(drift(bc, git, http, kubeconfig, logs, side, every));
            loads.add(side.key() + " drift: " + Machine.loadAverage());
          }
        } finally {
          if (swapped != null) {
            swapped.close();
          }
        }
      }
    }
    report(started, loadBefore, sides, build, scales, drifts, loads)
        .publish(common.results, started, System.out);
    return 0;
  }

  private Scale scale(
      BenchCluster bc,
      GitFixture git,
      GitHttpServer http,
      Path kubeconfig,
      Path logs,
      PeerController side,
      int n)
      throws Exception {
    String ns = bc.createNamespace("bench-peers-" + side.key());
    try {
      FixtureRepository repo = git.createRepository("peers-" + ns);
      CommitBuilder commit = repo.commit().message("units");
      for (int i = 0; i < n; i++) {
        commit.add("units/u" + i + "/objects.yaml", UnitFiles.fourObjects("u" + i));
      }
      commit.create();
      repo.pack(); // as a Git host serves it, for both sides alike
      try (PeerController.Running running = side.start(kubeconfig, ns, logs)) {
        bc.create(gitRepository(ns, http.url(repo)));
        List<GenericKubernetesResource> kustomizations = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          kustomizations.add(bc.parse(kustomization(ns, "u" + i, "./units/u" + i, "1h", true)));
        }
        long start = System.nanoTime();
        bc.createAll(kustomizations);
        long deadline = start + Duration.ofSeconds(timeoutSeconds).toNanos();
        int ready = 0;
        while (System.nanoTime() < deadline && running.alive()) {
          ready = readyCount(bc, ns);
          if (ready == n) {
            break;
          }
          Thread.sleep(500); // polling the API server for the end state; the wait is measured
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf(
            Locale.ROOT,
            "peers: %s scale n=%d ready=%d in %.1f s (load %s)%n",
            side.key(),
            n,
            ready,
            seconds,
            Machine.loadAverage());
        return new Scale(
            side.key(),
            n,
            ready,
            seconds,
            running.peakRssMib(),
            running.peakHeapMib(),
            running.peakRssEachMib(),
            appliers(bc.client(), ns));
      }
    } finally {
      cleanUp(bc, ns);
    }
  }

  private Drift drift(
      BenchCluster bc,
      GitFixture git,
      GitHttpServer http,
      Path kubeconfig,
      Path logs,
      PeerController side,
      Duration every)
      throws Exception {
    String ns = bc.createNamespace("bench-peers-drift-" + side.key());
    KubernetesClient client = bc.client();
    List<Double> reverted = new ArrayList<>();
    try {
      FixtureRepository repo = git.createRepository("peers-" + ns);
      repo.commit()
          .message("v0")
          .add("drift/cm.yaml", UnitFiles.configMap("peer-drift", "v0"))
          .create();
      try (PeerController.Running running = side.start(kubeconfig, ns, logs)) {
        bc.create(gitRepository(ns, http.url(repo)));
        bc.create(kustomization(ns, "drift", "./drift", interval, false));
        await(() -> "v0".equals(value(client, ns)), side.key() + ": drift ConfigMap applied");
        for (int t = 1; t <= common.trials; t++) {
          // drift arrives at a random moment of the interval, as a hand edit would
          Thread.sleep(ThreadLocalRandom.current().nextLong(Math.max(1, every.toMillis())));
          String drifted = "drifted-" + t;
          client
              .configMaps()
              .inNamespace(ns)
              .withName("peer-drift")
              .edit(
                  c -> {
                    c.getData().put("value", drifted);
                    return c;
                  });
          long s = System.nanoTime();
          await(
              () -> "v0".equals(value(client, ns)) && running.alive(),
              side.key() + ": drift " + t + " reverted");
          reverted.add((System.nanoTime() - s) / 1e6);
          System.err.printf(
              Locale.ROOT,
              "peers: %s drift trial %d reverted after %.0f ms (load %s)%n",
              side.key(),
              t,
              reverted.get(t - 1),
              Machine.loadAverage());
        }
      }
      return new Drift(side.key(), reverted, appliers(client, ns));
    } finally {
      cleanUp(bc, ns);
    }
  }

  private static void cleanUp(BenchCluster bc, String ns) {
    bc.dropFinalizers(
        ns,
        "kustomize.toolkit.fluxcd.io/v1/Kustomization",
        "source.toolkit.fluxcd.io/v1/GitRepository");
    bc.deleteNamespaceAndWait(
        ns,
        "kustomize.toolkit.fluxcd.io/v1/Kustomization",
        "source.toolkit.fluxcd.io/v1/GitRepository");
  }

  private static String gitRepository(String ns, String url) {
    return """
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: GitRepository
        metadata: {name: bench, namespace: %s}
        spec:
          interval: 10m
          url: "%s"
          ref: {branch: main}
        """
        .formatted(ns, url);
  }

  private static String kustomization(
      String ns, String name, String path, String interval, boolean wait) {
    return """
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata: {name: %s, namespace: %s}
        spec:
          interval: %s
          sourceRef: {kind: GitRepository, name: bench}
          path: %s
          prune: true
          wait: %s
          timeout: 5m
          targetNamespace: %s
        """
        .formatted(name, ns, interval, path, wait, ns);
  }

  private static int readyCount(BenchCluster bc, String ns) {
    List<GenericKubernetesResource> all =
        bc.kind("kustomize.toolkit.fluxcd.io/v1", "Kustomization")
            .inNamespace(ns)
            .list()
            .getItems();
    return (int) all.stream().filter(k -> BenchCluster.conditionTrue(k, "Ready")).count();
  }

  /**
   * The field managers that applied (server-side apply) the ConfigMaps in {@code ns}: a check that
   * only the controller under test reconciled them.
   */
  private static Set<String> appliers(KubernetesClient client, String ns) {
    Set<String> out = new TreeSet<>();
    for (ConfigMap cm : client.configMaps().inNamespace(ns).list().getItems()) {
      if (cm.getMetadata().getManagedFields() == null
          || cm.getMetadata().getName().equals("kube-root-ca.crt")) {
        continue;
      }
      for (ManagedFieldsEntry e : cm.getMetadata().getManagedFields()) {
        if ("Apply".equals(e.getOperation())) {
          out.add(e.getManager());
        }
      }
    }
    return out;
  }

  private static String value(KubernetesClient client, String ns) {
    ConfigMap cm = client.configMaps().inNamespace(ns).withName("peer-drift").get();
    return cm == null || cm.getData() == null ? "" : cm.getData().getOrDefault("value", "");
  }

  private static void await(BooleanSupplier done, String what) throws InterruptedException {
    long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "peers: gave up waiting " + STEP_TIMEOUT.toSeconds() + " s for " + what);
      }
      Thread.sleep(50); // polling the cluster: the measured quantity is this wait
    }
  }

  private BenchReport report(
      Instant started,
      String loadBefore,
      List<PeerController> sides,
      FluxToolkitBuild build,
      List<Scale> scales,
      List<Drift> drifts,
      List<String> loads) {
    BenchReport report =
        new BenchReport("peers", "peers: Capstan's Flux dialect vs Flux's own controllers");
    report.paragraph(
        "Run "
            + started
            + " on "
            + Machine.current().describe()
            + " (load at start: "
            + loadBefore
            + ").");
    StringBuilder who =
        new StringBuilder("Controllers, one after the other, each limited to a fresh namespace: ");
    for (PeerController s : sides) {
      who.append("**").append(s.key()).append("**: ").append(s.describe()).append("; ");
    }
    report.paragraph(who.toString().replaceAll("; $", "."));
    if (build instanceof FluxToolkitBuild.Failed f) {
      report.paragraph(
          "Flux's controllers could not be built: `"
              + f.command()
              + "` failed:\n\n```\n"
              + f.output()
              + "\n```");
    }
    report.paragraph(
        "Same Flux objects for both, same loopback Git server. **Scale** (scale-flux's method): one "
            + "GitRepository (interval 10m), then N Kustomizations (`interval: 1h`, `prune`, `wait: true`, "
            + "`timeout: 5m`, `targetNamespace`) of four objects each, created 16 at a time; seconds from the first "
            + "create until all are `Ready=True` (polled every 500 ms). Peak RSS is the kernel's VmHWM "
            + "(for Flux the sum of its two processes); heap is Capstan's largest used value before a collection in its GC log "
            + "(Go has no comparable figure). **Drift**: one Kustomization (`interval: "
            + interval
            + "`, prune, no wait) of one ConfigMap; per trial, after a random pause of up to one interval, "
            + "the ConfigMap's value is edited in the cluster (what `kubectl edit` does) and the time until "
            + "its Git value is back is measured (polled every 50 ms). Flux's kustomize-controller corrects "
            + "drift only when the Kustomization's interval comes round; Capstan's watches the objects it applied. "
            + "`appliers` lists the field managers that server-side-applied the benchmark's ConfigMaps, to show "
            + "that only the controller under test reconciled them.");
    MarkdownTable st =
        new MarkdownTable(
                "controller",
                "n",
                "ready",
                "seconds",
                "Kustomizations/s",
                "peak RSS MiB",
                "peak heap MiB",
                "appliers")
            .numeric(1, 2, 3, 4, 5, 6);
    for (Scale s : scales) {
      st.row(
          s.side(),
          s.n(),
          s.ready(),
          String.format(Locale.ROOT, "%.1f", s.seconds()),
          String.format(Locale.ROOT, "%.1f", s.ready() / s.seconds()),
          s.rssEach().size() > 1
              ? String.format(
                  Locale.ROOT,
                  "%.0f (%s)",
                  s.peakRssMib(),
                  String.join(
                      " + ",
                      s.rssEach().stream()
                          .map(v -> String.format(Locale.ROOT, "%.0f", v))
                          .toList()))
              : String.format(Locale.ROOT, "%.0f", s.peakRssMib()),
          Double.isNaN(s.peakHeapMib()) ? "–" : String.format(Locale.ROOT, "%.0f", s.peakHeapMib()),
          String.join(", ", s.appliers()));
    }
    if (!scales.isEmpty()) {
      report.heading("Scale");
      report.table(st);
    }
    MarkdownTable dt =
        new MarkdownTable("controller", "samples", "p50 ms", "p95 ms", "max ms", "appliers")
            .numeric(1, 2, 3, 4);
    for (Drift d : drifts) {
      Samples s = Samples.of(d.revertMs());
      dt.row(
          d.side() + " (interval " + interval + ")",
          s.count(),
          MarkdownTable.ms(s.p50()),
          MarkdownTable.ms(s.p95()),
          MarkdownTable.ms(s.max()),
          String.join(", ", d.appliers()));
    }
    if (!drifts.isEmpty()) {
      report.heading("Drift → reverted");
      report.table(dt);
    }
    report.paragraph(
        "Load average (1/5/15 min) after each part: " + String.join("; ", loads) + ".");
    report.paragraph("Load average at end: " + Machine.loadAverage() + ".");
    report.result("flux", build instanceof FluxToolkitBuild.Built ? fluxVersion : "unavailable");
    for (Scale s : scales) {
      String k = s.side() + "_n" + s.n();
      report.result(k + "_seconds", Math.round(s.seconds() * 10) / 10.0);
      report.result(k + "_peak_rss_mib", Math.round(s.peakRssMib()));
      if (s.ready() < s.n()) {
        report.result(k + "_status", "timeout");
      }
    }
    for (Drift d : drifts) {
      Samples s = Samples.of(d.revertMs());
      report.result(d.side() + "_drift_p50_ms", Math.round(s.p50()));
      report.result(d.side() + "_drift_p95_ms", Math.round(s.p95()));
    }
    report.result("interval", interval);
    report.result("trials", common.trials);
    report.result("load", Machine.loadAverage().split(" ")[0]);
    return report;
  }
}
