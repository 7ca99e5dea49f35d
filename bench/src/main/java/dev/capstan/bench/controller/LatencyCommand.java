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
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.eclipse.jgit.lib.ObjectId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code latency}: how long a user waits, with {@code capstan controller} (Argo CD dialect): a
 * commit until its change is in the cluster, found by polling Git or told by a signed GitHub push
 * webhook to {@code capstan server}; a change made in the cluster until self-heal reverts it; and
 * {@code capstan app sync} until the Application is Synced at the new commit. {@code --paths}
 * chooses which of the four are measured.
 */
@Command(
    name = "latency",
    mixinStandardHelpOptions = true,
    description =
        "commit → applied (poll, webhook), drift → reverted (self-heal), capstan app sync → Synced.")
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

  @Option(
      names = "--paths",
      split = ",",
      defaultValue = "poll,webhook,drift,sync",
      description =
          "What to measure, any of poll, webhook, drift, sync (default ${DEFAULT-VALUE}).")
  List<Measured> paths;

  /** The four measured paths. */
  enum Measured {
    poll,
    webhook,
    drift,
    sync
  }

  @Option(
      names = "--trace",
      description =
          "Timestamped debug logs from the controller (dev.capstan at DEBUG, ms timestamps) and the wall-clock "
              + "time of each webhook commit on stderr, to see where a webhook's time goes.")
  boolean trace;

  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);
  private static final String WEBHOOK_SECRET_KEY = "webhook.github.secret";

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    String loadBefore = Machine.loadAverage();
    Path kubeconfig = cluster.resolve();
    CapstanCli.ensureBuilt();
    List<Double> commitPoll = new ArrayList<>();
    List<Double> commitHook = new ArrayList<>();
    List<Double> hookPost = new ArrayList<>();
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
        // the webhook's Application has a repository of its own, so a push refreshes it alone
        // (pushes to a repository that several Applications follow refresh them all)
        FixtureRepository hookRepo = git.createRepository("latency-hook-" + ns);
        ObjectId hookHead =
            hookRepo
                .commit()
                .message("v0")
                .add("apps/hook/cm.yaml", UnitFiles.configMap("lat-hook", "v0"))
                .create();
        String hookSecret = Long.toHexString(new java.security.SecureRandom().nextLong());
        if (paths.contains(Measured.webhook)) {
          bc.create(
              "apiVersion: v1\nkind: Secret\nmetadata: {name: capstan-secret, namespace: "
                  + ns
                  + "}\nstringData: {"
                  + WEBHOOK_SECRET_KEY
                  + ": \""
                  + hookSecret
                  + "\"}\n");
        }
        bc.create(ArgoSetup.defaultProject(ns));
        bc.create(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: capstan-cm, namespace: "
                + ns
                + "}\n"
                + "data: {timeout.reconciliation.jitter: \""
                + jitter
                + "\"}\n");
        Path log = common.results.resolve("tmp").resolve("latency-controller-" + ns + ".log");
        List<String> cmd = new ArrayList<>(Launch.argoController(kubeconfig, ns, 10, List.of()));
        cmd.set(cmd.indexOf("--reconciliation") + 1, poll);
        if (trace) {
          cmd.addAll(
              1,
              List.of(
                  "-Dorg.slf4j.simpleLogger.showDateTime=true",
                  "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
                  "-Dorg.slf4j.simpleLogger.log.dev.capstan=debug"));
        }
        Path serverLog = common.results.resolve("tmp").resolve("latency-server-" + ns + ".log");
        int serverPort = freePort();
        try (ControllerProcess controller = ControllerProcess.startUnsampled(cmd, log, Map.of());
            ControllerProcess server =
                paths.contains(Measured.webhook)
                    ? ControllerProcess.startUnsampled(
                        serverCommand(kubeconfig, ns, serverPort), serverLog, Map.of())
                    : null) {
          if (!controller.awaitLog("capstan controller:", Duration.ofMinutes(5))) {
            throw new IllegalStateException(
                "capstan controller did not start; log " + log + ":\n" + controller.tail(30));
          }
          if (server != null && !server.awaitLog("capstan server:", Duration.ofMinutes(5))) {
            throw new IllegalStateException(
                "capstan server did not start; log " + serverLog + ":\n" + server.tail(30));
          }
          GitHubPush hook =
              new GitHubPush(
                  URI.create("http://127.0.0.1:" + serverPort + "/api/webhook"), hookSecret);
          bc.create(ArgoSetup.application("auto", ns, http.url(repo), "apps/auto", true));
          bc.create(ArgoSetup.application("manual", ns, http.url(repo), "apps/manual", false));
          bc.create(ArgoSetup.application("hook", ns, http.url(hookRepo), "apps/hook", true));
          await(() -> "v0".equals(value(client, ns, "lat-auto")), "auto synced at v0");
          await(() -> "v0".equals(value(client, ns, "lat-hook")), "hook synced at v0");
          runSync(kubeconfig, ns, "manual");
          await(() -> synced(bc, ns, "manual", head), "manual synced at v0");

          ObjectId last = head;
          ObjectId hookLast = hookHead;
          if (paths.contains(Measured.webhook)) {
            // one untimed push first: a real server has long served its first request (class
            // loading and JIT of the request path would otherwise land on trial 1)
            ObjectId before = hookLast;
            hookLast =
                hookRepo
                    .commit()
                    .message("warm-up")
                    .add("apps/hook/cm.yaml", UnitFiles.configMap("lat-hook", "warm-up"))
                    .create();
            hook.send(http.url(hookRepo), "main", before.name(), hookLast.name());
            await(() -> "warm-up".equals(value(client, ns, "lat-hook")), "webhook warm-up applied");
          }
          for (int t = 1; t <= common.trials; t++) {
            String v = "v" + t;
            StringBuilder line = new StringBuilder("latency: trial " + t + ":");
            if (paths.contains(Measured.poll)) {
              last =
                  repo.commit()
                      .message(v)
                      .add("apps/auto/cm.yaml", UnitFiles.configMap("lat-auto", v))
                      .create();
              long s = System.nanoTime();
              await(() -> v.equals(value(client, ns, "lat-auto")), "commit " + v + " applied");
              commitPoll.add(ms(s));
              line.append(String.format(Locale.ROOT, " poll %.0f ms,", ms(s)));
            }
            if (paths.contains(Measured.webhook)) {
              ObjectId before = hookLast;
              hookLast =
                  hookRepo
                      .commit()
                      .message(v)
                      .add("apps/hook/cm.yaml", UnitFiles.configMap("lat-hook", v))
                      .create();
              // the clock starts when the commit is in the repository, as a push's does; the
              // webhook request is part of the measured time
              long s = System.nanoTime();
              if (trace) {
                System.err.println(
                    "latency: trial "
                        + t
                        + ": webhook commit "
                        + hookLast.name()
                        + " at "
                        + Instant.now());
              }
              hook.send(http.url(hookRepo), "main", before.name(), hookLast.name());
              hookPost.add(ms(s));
              await(() -> v.equals(value(client, ns, "lat-hook")), "webhook " + v + " applied");
              commitHook.add(ms(s));
              line.append(
                  String.format(
                      Locale.ROOT,
                      " webhook %.0f ms (POST answered after %.0f ms),",
                      ms(s),
                      hookPost.get(hookPost.size() - 1)));
            }
            if (!paths.contains(Measured.drift) && !paths.contains(Measured.sync)) {
              System.err.println(line + " load " + Machine.loadAverage());
              continue;
            }
            if (!paths.contains(Measured.poll)) {
              // drift and sync below work on lat-auto, which the poll step moves to v
              last =
                  repo.commit()
                      .message(v)
                      .add("apps/auto/cm.yaml", UnitFiles.configMap("lat-auto", v))
                      .create();
              await(() -> v.equals(value(client, ns, "lat-auto")), "commit " + v + " applied");
            }
            if (paths.contains(Measured.drift)) {
              client
                  .configMaps()
                  .inNamespace(ns)
                  .withName("lat-auto")
                  .edit(
                      c -> {
                        c.getData().put("value", "drifted");
                        return c;
                      });
              long s = System.nanoTime();
              await(() -> v.equals(value(client, ns, "lat-auto")), "drift reverted to " + v);
              drift.add(ms(s));
              line.append(String.format(Locale.ROOT, " drift %.0f ms,", ms(s)));
            }
            if (paths.contains(Measured.sync)) {
              ObjectId manualCommit =
                  repo.commit()
                      .message(v)
                      .add("apps/manual/cm.yaml", UnitFiles.configMap("lat-manual", v))
                      .create();
              last = manualCommit;
              long s = System.nanoTime();
              runSync(kubeconfig, ns, "manual");
              await(
                  () ->
                      synced(bc, ns, "manual", manualCommit)
                          && v.equals(value(client, ns, "lat-manual")),
                  "manual synced at " + v);
              sync.add(ms(s));
              line.append(String.format(Locale.ROOT, " sync %.0f ms,", ms(s)));
            }
            System.err.println(line + " load " + Machine.loadAverage());
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
            + " (capstan-cm `timeout.reconciliation.jitter`); one repository on a loopback smart-HTTP server. "
            + "Measured: "
            + paths
            + ". Per trial: (poll) a commit changes the ConfigMap of an automated Application; time from the "
            + "commit until the new value is in the cluster (the controller polls Git every "
            + poll
            + " plus up to "
            + jitter
            + " of jitter, so about half of that is expected); (webhook) a commit changes the ConfigMap of "
            + "another automated Application (in a repository of its own, so the push concerns that one "
            + "Application), then a GitHub `push` event signed with `webhook.github.secret` "
            + "is POSTed to `capstan server`'s `/api/webhook` (its own JVM, same namespace); time from the "
            + "commit until the new value is in the cluster, the POST included (one untimed push warms the "
            + "server up before the first trial); (drift) the ConfigMap is edited "
            + "in the cluster (what `kubectl edit` does); time until self-heal restores Git's value; (sync) a commit to a "
            + "manual Application, then `capstan app sync` (a new CLI JVM, included in the time) until the "
            + "Application is Synced at that commit and the value is in the cluster. The cluster is polled every 50 ms. "
            + common.trials
            + " trial(s).");
    MarkdownTable t =
        new MarkdownTable("path", "samples", "p50 ms", "p95 ms", "max ms").numeric(1, 2, 3, 4);
    Samples cp = Samples.of(commitPoll);
    Samples wh = Samples.of(commitHook);
    Samples post = Samples.of(hookPost);
    Samples dr = Samples.of(drift);
    Samples sy = Samples.of(sync);
    row(t, "commit → applied (Git poll every " + poll + ")", cp);
    row(t, "commit → applied (GitHub webhook)", wh);
    row(t, "of which: webhook POST until answered (refresh annotation set)", post);
    row(t, "cluster change → reverted by self-heal", dr);
    row(t, "`capstan app sync` → Synced", sy);
    report.table(t);
    report.paragraph("Load average at end: " + Machine.loadAverage() + ".");
    result(report, "commit_poll", cp);
    result(report, "commit_webhook", wh);
    result(report, "drift", dr);
    result(report, "sync", sy);
    report.result("poll", poll);
    report.result("jitter", jitter);
    report.result("trials", common.trials);
    report.result("load", Machine.loadAverage().split(" ")[0]);
    report.publish(common.results, started, System.out);
    return 0;
  }

  private List<String> serverCommand(Path kubeconfig, String ns, int port) {
    List<String> cmd =
        new ArrayList<>(
            CapstanCli.command(
                "server",
                "--kubeconfig",
                kubeconfig.toString(),
                "-n",
                ns,
                "--port",
                Integer.toString(port)));
    if (trace) {
      cmd.add(1, "-Djava.util.logging.SimpleFormatter.format=%1$tT.%1$tL %4$s %3$s %5$s%6$s%n");
    }
    return cmd;
  }

  private static void row(MarkdownTable t, String path, Samples s) {
    if (s.count() == 0) {
      t.row(path, 0, "not measured", "", "");
    } else {
      t.row(
          path,
          s.count(),
          MarkdownTable.ms(s.p50()),
          MarkdownTable.ms(s.p95()),
          MarkdownTable.ms(s.max()));
    }
  }

  /** {@code <key>_p50_ms} and {@code _p95_ms}, or {@code <key>=not-measured}. */
  private static void result(BenchReport report, String key, Samples s) {
    if (s.count() == 0) {
      report.result(key, "not-measured");
    } else {
      report.result(key + "_p50_ms", Math.round(s.p50()));
      report.result(key + "_p95_ms", Math.round(s.p95()));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
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
