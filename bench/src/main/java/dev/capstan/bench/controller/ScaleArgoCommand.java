package dev.capstan.bench.controller;

import dev.capstan.bench.ClusterOptions;
import dev.capstan.bench.CommonOptions;
import dev.capstan.bench.controller.ScaleRun.Outcome;
import dev.capstan.bench.report.Machine;
import dev.capstan.testsupport.git.CommitBuilder;
import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import dev.capstan.testsupport.git.GitHttpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
          "An extra option for the controller JVM (repeatable), after bin/jvm-options: -Xmx256m,"
              + " a system property, -XX:StartFlightRecording=... to profile it.")
  List<String> controllerJavaOptions = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    String loadBefore = Machine.loadAverage();
    CapstanCli.ensureBuilt();
    List<Outcome> outcomes = ScaleRun.rounds(cluster, sizes, this::runOnce);
    run()
        .publish(
            common,
            "scale-argo: N Applications until all Synced",
            started,
            loadBefore,
            "One repository (loopback smart-HTTP server) with N directories of one ConfigMap; N Applications "
                + "(automated sync with prune and self-heal) created at once in a fresh controller namespace. Seconds: from "
                + "the first create until every Application's `status.sync.status` is `Synced` (watched, checked every 100 ms). "
                + "Controller: `capstan controller -n <ns> --no-flux --no-leader-elect --concurrency "
                + workers
                + "` as its own JVM (`"
                + String.join(" ", Launch.javaOptions(controllerJavaOptions))
                + "`); peak RSS is VmHWM, heap the largest used value before a collection in its GC log (`-Xlog:gc`), or at the end.",
            1,
            outcomes);
    return 0;
  }

  private ScaleRun run() {
    return new ScaleRun(
        new ScaleRun.Kind(
            "scale-argo",
            "argoproj.io/v1alpha1",
            "Application",
            "synced",
            a -> "Synced".equals(BenchCluster.statusField(a, "sync", "status"))),
        Duration.ofSeconds(timeoutSeconds));
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
    repo.pack(); // as a Git host serves it
    bc.create(ArgoSetup.defaultProject(ns));
    Path log = common.results.resolve("tmp").resolve("scale-argo-controller-" + ns + ".log");
    try (ControllerProcess controller =
        ControllerProcess.start(
            Launch.argoController(kubeconfig, ns, workers, controllerJavaOptions),
            log,
            Launch.javaHome())) {
      if (!controller.awaitLog("capstan controller:", Duration.ofMinutes(5))) {
        throw new IllegalStateException(
            "capstan controller did not start; log " + log + ":\n" + controller.tail(30));
      }
      List<String> applications = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        applications.add(ArgoSetup.application("a" + i, ns, http.url(repo), "apps/a" + i, true));
      }
      return run().createAndAwait(bc, controller, ns, applications);
    } finally {
      deleteApplications(bc, ns);
      bc.deleteNamespace(ns);
    }
  }

  /** Applications carry finalizers only when asked; delete them before the namespace anyway. */
  private static void deleteApplications(BenchCluster bc, String ns) {
    bc.kind("argoproj.io/v1alpha1", "Application").inNamespace(ns).delete();
  }
}
