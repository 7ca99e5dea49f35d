package dev.capstan.bench.controller;

import dev.capstan.bench.ClusterOptions;
import dev.capstan.bench.CommonOptions;
import dev.capstan.bench.controller.ScaleRun.Outcome;
import dev.capstan.bench.report.Machine;
import dev.capstan.testsupport.git.CommitBuilder;
import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import dev.capstan.testsupport.git.GitHttpServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Files;
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
      description =
          "An extra option for the controller JVM (repeatable), after bin/jvm-options, e.g. a"
              + " system property.")
  List<String> controllerJavaOptions = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    String loadBefore = Machine.loadAverage();
    List<Outcome> outcomes = ScaleRun.rounds(cluster, sizes, this::runOnce);
    run()
        .publish(
            common,
            "scale-flux: N Kustomizations until all Ready",
            started,
            loadBefore,
            "One GitRepository (loopback smart-HTTP server from test-support) with N directories of four "
                + "objects (ConfigMap, ServiceAccount, Service, Deployment); N Kustomizations (`prune: true`, `wait: true`, "
                + "`targetNamespace`) created at once. Seconds: from the first create until every Kustomization is "
                + "`Ready=True` (watched, checked every 100 ms). The Flux controller runs in its own JVM (`"
                + String.join(" ", Launch.javaOptions(controllerJavaOptions))
                + " "
                + heap
                + "`, "
                + workers
                + " workers) limited to the benchmark's namespace; peak RSS is the kernel's VmHWM, heap the largest "
                + "used value before a collection in the controller's GC log (`-Xlog:gc`), or at the end. Deployments become Available through kwok.",
            4,
            outcomes);
    return 0;
  }

  private ScaleRun run() {
    return new ScaleRun(
        new ScaleRun.Kind(
            "scale-flux",
            "kustomize.toolkit.fluxcd.io/v1",
            "Kustomization",
            "ready",
            k -> BenchCluster.conditionTrue(k, "Ready")),
        Duration.ofSeconds(timeoutSeconds));
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
    repo.pack(); // as a Git host serves it
    Path cache = Files.createTempDirectory("capstan-bench-flux");
    Path log = common.results.resolve("tmp").resolve("scale-flux-controller-" + ns + ".log");
    List<String> command =
        new ArrayList<>(
            Launch.fluxController(kubeconfig, ns, cache, workers, heap, controllerJavaOptions));
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
      List<String> kustomizations = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        kustomizations.add(
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
                .formatted(i, ns, i, ns));
      }
      return run().createAndAwait(bc, controller, ns, kustomizations);
    } finally {
      releaseKustomizations(bc, ns);
      bc.deleteNamespaceAndWait(
          ns,
          "kustomize.toolkit.fluxcd.io/v1/Kustomization",
          "source.toolkit.fluxcd.io/v1/GitRepository");
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
