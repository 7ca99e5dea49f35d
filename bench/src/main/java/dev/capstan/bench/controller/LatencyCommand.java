package dev.capstan.bench.controller;

import dev.capstan.bench.ClusterOptions;
import dev.capstan.bench.CommonOptions;
import dev.capstan.bench.report.BenchReport;
import dev.capstan.bench.report.Machine;
import dev.capstan.bench.report.MarkdownTable;
import dev.capstan.bench.report.Samples;
import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import dev.capstan.testsupport.git.GitHttpServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.eclipse.jgit.lib.ObjectId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code latency}: how long a user waits, with {@code bin/capstan controller} (Argo CD dialect): a
 * commit until its change is in the cluster (Git polled), a change made in the cluster until
 * self-heal reverts it, and {@code capstan app sync} until the Application is Synced at the new
 * commit. Git webhooks are not measured: Capstan has no webhook receiver yet.
 */
@Command(
    name = "latency",
    mixinStandardHelpOptions = true,
    description =
        "commit → applied (poll), drift → reverted (self-heal), capstan app sync → Synced.")
public final class LatencyCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin ClusterOptions cluster;

  @Option(
      names = "--poll",
      defaultValue = "10s",
      description = "Controller Git poll interval, --reconciliation (default ${DEFAULT-VALUE}).")
  String poll;

  @Option(
      names = "--jitter",
      defaultValue = "0s",
      description =
          "capstan-cm timeout.reconciliation.jitter: up to this much is added to each poll (default ${DEFAULT-VALUE}; "
              + "Argo CD's and Capstan's own default is 60s).")
  String jitter;

  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    String loadBefore = Machine.loadAverage();
    Path kubeconfig = cluster.resolve();
    CapstanCli.ensureBuilt();
    List<Double> commitPoll = new ArrayList<>();
    List<Double> drift = new ArrayList<>();
    List<Double> sync = new ArrayList<>();
    try (KubernetesClient client = cluster.connect(4);
        GitFixture git = GitFixture.create()) {
      BenchCluster bc = new BenchCluster(client);
      bc.installCrds();
      GitHttpServer http = git.startHttp();
      String ns = bc.createNamespace("bench-latency");
      try {
        FixtureRepository repo = git.createRepository("latency-" + ns);
        ObjectId head =
            repo.commit()
                .message("v0")
                .add("apps/auto/cm.yaml", UnitFiles.configMap("lat-auto", "v0"))
                .add("apps/manual/cm.yaml", UnitFiles.configMap("lat-manual", "v0"))
                .create();
        bc.create(ArgoSetup.defaultProject(ns));
        bc.create(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: capstan-cm, namespace: "
                + ns
                + "}\n"
                + "data: {timeout.reconciliation.jitter: \""
                + jitter
                + "\"}\n");
        Path log = common.results.resolve("tmp").resolve("latency-controller-" + ns + ".log");
        List<String> cmd = new ArrayList<>(Launch.argoController(kubeconfig, ns, 10));
        cmd.set(cmd.indexOf("--reconciliation") + 1, poll);
        try (ControllerProcess controller = ControllerProcess.start(cmd, log, Launch.javaHome())) {
          if (!controller.awaitLog("capstan controller:", Duration.ofMinutes(5))) {
            throw new IllegalStateException(
                "capstan controller did not start; log " + log + ":\n" + controller.tail(30));
          }
          bc.create(ArgoSetup.application("auto", ns, http.url(repo), "apps/auto", true));
          bc.create(ArgoSetup.application("manual", ns, http.url(repo), "apps/manual", false));
          await(() -> "v0".equals(value(client, ns, "lat-auto")), "auto synced at v0");
          runSync(kubeconfig, ns, "manual");
          await(() -> synced(bc, ns, "manual", head), "manual synced at v0");

          for (int t = 1; t <= common.trials; t++) {
            String v = "v" + t;
            repo.commit()
                .message(v)
                .add("apps/auto/cm.yaml", UnitFiles.configMap("lat-auto", v))
                .create();
            long s = System.nanoTime();
            await(() -> v.equals(value(client, ns, "lat-auto")), "commit " + v + " applied");
            commitPoll.add(ms(s));

            client
                .configMaps()
                .inNamespace(ns)
                .withName("lat-auto")
                .edit(
                    c -> {
                      c.getData().put("value", "drifted");
                      return c;
                    });
            s = System.nanoTime();
            await(() -> v.equals(value(client, ns, "lat-auto")), "drift reverted to " + v);
            drift.add(ms(s));

            ObjectId manualCommit =
                repo.commit()
                    .message(v)
                    .add("apps/manual/cm.yaml", UnitFiles.configMap("lat-manual", v))
                    .create();
            s = System.nanoTime();
            runSync(kubeconfig, ns, "manual");
            await(
                () ->
                    synced(bc, ns, "manual", manualCommit)
                        && v.equals(value(client, ns, "lat-manual")),
                "manual synced at " + v);
            sync.add(ms(s));
            System.err.printf(
                Locale.ROOT,
                "latency: trial %d: commit %.0f ms, drift %.0f ms, sync %.0f ms (load %s)%n",
                t,
                commitPoll.get(t - 1),
                drift.get(t - 1),
                sync.get(t - 1),
                Machine.loadAverage());
          }
        }
      } finally {
        bc.kind("argoproj.io/v1alpha1", "Application").inNamespace(ns).delete();
        bc.deleteNamespace(ns);
      }
    }

    BenchReport report =
        new BenchReport(
            "latency", "latency: commit → applied, drift → reverted, app sync → Synced");
    report.paragraph(
        "Run "
            + started
            + " on "
            + Machine.current().describe()
            + " (load at start: "
            + loadBefore
            + ").");
    report.paragraph(
        "Controller: `capstan controller --no-flux --no-leader-elect --reconciliation "
            + poll
            + "` as its own JVM, poll jitter "
            + jitter
            + " (capstan-cm `timeout.reconciliation.jitter`); one repository on a loopback smart-HTTP server. Per trial: (1) a commit changes the "
            + "ConfigMap of an automated Application; time from the push until the new value is in the cluster (the "
            + "controller polls Git every "
            + poll
            + " plus up to "
            + jitter
            + " of jitter, so about half of that is expected); (2) the ConfigMap is edited "
            + "in the cluster (what `kubectl edit` does); time until self-heal restores Git's value; (3) a commit to a "
            + "manual Application, then `capstan app sync` (a new CLI JVM, included in the time) until the "
            + "Application is Synced at that commit and the value is in the cluster. The cluster is polled every 50 ms. "
            + common.trials
            + " trial(s).");
    MarkdownTable t =
        new MarkdownTable("path", "samples", "p50 ms", "p95 ms", "max ms").numeric(1, 2, 3, 4);
    Samples cp = Samples.of(commitPoll);
    Samples dr = Samples.of(drift);
    Samples sy = Samples.of(sync);
    t.row(
        "commit → applied (Git poll every " + poll + ")",
        cp.count(),
        MarkdownTable.ms(cp.p50()),
        MarkdownTable.ms(cp.p95()),
        MarkdownTable.ms(cp.max()));
    t.row("commit → applied (webhook)", 0, "n/a", "n/a", "n/a");
    t.row(
        "cluster change → reverted by self-heal",
        dr.count(),
        MarkdownTable.ms(dr.p50()),
        MarkdownTable.ms(dr.p95()),
        MarkdownTable.ms(dr.max()));
    t.row(
        "`capstan app sync` → Synced",
        sy.count(),
        MarkdownTable.ms(sy.p50()),
        MarkdownTable.ms(sy.p95()),
        MarkdownTable.ms(sy.max()));
    report.table(t);
    report.paragraph(
        "commit → applied (webhook): not measured: this benchmark does not yet start `capstan server` "
            + "and post a signed push to its /api/webhook.");
    report.paragraph("Load average at end: " + Machine.loadAverage() + ".");
    report.result("commit_poll_p50_ms", Math.round(cp.p50()));
    report.result("commit_poll_p95_ms", Math.round(cp.p95()));
    report.result("commit_webhook", "unavailable");
    report.result("drift_p50_ms", Math.round(dr.p50()));
    report.result("drift_p95_ms", Math.round(dr.p95()));
    report.result("sync_p50_ms", Math.round(sy.p50()));
    report.result("sync_p95_ms", Math.round(sy.p95()));
    report.result("poll", poll);
    report.result("jitter", jitter);
    report.result("trials", common.trials);
    report.result("load", Machine.loadAverage().split(" ")[0]);
    report.publish(common.results, started, System.out);
    return 0;
  }

  private static double ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }

  private static String value(KubernetesClient client, String ns, String name) {
    ConfigMap cm = client.configMaps().inNamespace(ns).withName(name).get();
    return cm == null || cm.getData() == null ? "" : cm.getData().getOrDefault("value", "");
  }

  private static boolean synced(BenchCluster bc, String ns, String app, ObjectId commit) {
    GenericKubernetesResource a =
        bc.kind("argoproj.io/v1alpha1", "Application").inNamespace(ns).withName(app).get();
    return a != null
        && "Synced".equals(BenchCluster.statusField(a, "sync", "status"))
        && commit.name().equals(BenchCluster.statusField(a, "sync", "revision"));
  }

  private static void await(BooleanSupplier done, String what) throws InterruptedException {
    long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "latency: gave up waiting " + STEP_TIMEOUT.toSeconds() + " s for " + what);
      }
      Thread.sleep(50); // polling the cluster: the measured quantity is this wait
    }
  }

  private static void runSync(Path kubeconfig, String ns, String app) throws Exception {
    Process p =
        new ProcessBuilder(
                CapstanCli.command(
                    "app", "sync", app, "-N", ns, "--kubeconfig", kubeconfig.toString()))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("capstan app sync " + app + " failed:\n" + out);
    }
  }
}
