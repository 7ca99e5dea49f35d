package dev.capstan.bench.controller;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A controller for Flux's GitRepository and Kustomization kinds that {@code bench/run peers} runs
 * against one namespace: Capstan's Flux dialect, or Flux's own toolkit controllers.
 */
sealed interface PeerController {

  /** A short name for tables and result keys. */
  String key();

  /** A description for the report. */
  String describe();

  /** Starts it for {@code ns}, waiting until it runs; the caller closes it. */
  Running start(Path kubeconfig, String ns, Path logDir) throws IOException, InterruptedException;

  /**
   * Capstan's Flux dialect in its own JVM ({@link FluxControllerMain}), limited to one namespace.
   */
  record Capstan(int workers, String heap) implements PeerController {
    @Override
    public String key() {
      return "capstan";
    }

    @Override
    public String describe() {
      return "Capstan's Flux dialect (`FluxControllerMain`, the `FluxController` of `capstan controller`, "
          + heap
          + ", "
          + workers
          + " workers, one JVM)";
    }

    @Override
    public Running start(Path kubeconfig, String ns, Path logDir)
        throws IOException, InterruptedException {
      Path cache = Files.createTempDirectory("capstan-bench-peers");
      Path log = logDir.resolve("peers-capstan-" + ns + ".log");
      ControllerProcess p =
          ControllerProcess.start(
              Launch.fluxController(kubeconfig, ns, cache, workers, heap, List.of()),
              log,
              Launch.javaHome());
      Running running = new Running(List.of(p), true);
      if (!p.awaitLog("flux controller started", Duration.ofMinutes(2))) {
        running.close();
        throw new IllegalStateException(
            "Capstan's Flux controller did not start; log " + log + ":\n" + p.tail(30));
      }
      return running;
    }
  }

  /**
   * Flux's source-controller and kustomize-controller as two processes with the kubeconfig ({@code
   * KUBECONFIG}), limited to one namespace ({@code --watch-all-namespaces=false}, {@code
   * RUNTIME_NAMESPACE}), no leader election, metrics and health ports off, artifacts served and
   * fetched over loopback HTTP.
   */
  record Flux(FluxToolkitBuild.Built build, int concurrent) implements PeerController {
    @Override
    public String key() {
      return "flux";
    }

    @Override
    public String describe() {
      return "Flux source-controller and kustomize-controller "
          + build.version()
          + " (built from their Go modules by `bench/peers/build`; two processes; kustomize-controller "
          + "`--concurrent="
          + concurrent
          + "`, source-controller default `--concurrent=2`)";
    }

    @Override
    public Running start(Path kubeconfig, String ns, Path logDir)
        throws IOException, InterruptedException {
      int port = freePort();
      Path storage = Files.createTempDirectory("capstan-bench-flux-storage");
      Map<String, String> env =
          Map.of("KUBECONFIG", kubeconfig.toAbsolutePath().toString(), "RUNTIME_NAMESPACE", ns);
      List<String> common =
          List.of(
              "--watch-all-namespaces=false",
              "--enable-leader-election=false",
              "--metrics-addr=0",
              "--health-addr=0",
              "--log-encoding=console");
      List<String> source = new ArrayList<>(List.of(build.binary("source-controller").toString()));
      source.addAll(common);
      source.addAll(
          List.of(
              "--storage-path=" + storage,
              "--storage-addr=127.0.0.1:" + port,
              "--storage-adv-addr=127.0.0.1:" + port));
      List<String> kustomize =
          new ArrayList<>(List.of(build.binary("kustomize-controller").toString()));
      kustomize.addAll(common);
      kustomize.add("--concurrent=" + concurrent);
      List<ControllerProcess> started = new ArrayList<>();
      Running running = new Running(started, false);
      Path sourceLog = logDir.resolve("peers-flux-source-" + ns + ".log");
      Path kustomizeLog = logDir.resolve("peers-flux-kustomize-" + ns + ".log");
      started.add(ControllerProcess.startUnsampled(source, sourceLog, env));
      started.add(ControllerProcess.startUnsampled(kustomize, kustomizeLog, env));
      for (ControllerProcess p : started) {
        if (!p.awaitLog("Starting workers", Duration.ofMinutes(2))) {
          running.close();
          throw new IllegalStateException(
              "a Flux controller did not start; log " + p.log() + ":\n" + p.tail(30));
        }
      }
      return running;
    }

    private static int freePort() throws IOException {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        return s.getLocalPort();
      }
    }
  }

  /** The started processes; memory is summed over them. */
  final class Running implements AutoCloseable {
    private final List<ControllerProcess> processes;
    private final boolean heapSampled;

    Running(List<ControllerProcess> processes, boolean heapSampled) {
      this.processes = processes;
      this.heapSampled = heapSampled;
    }

    boolean alive() {
      return processes.stream().allMatch(ControllerProcess::alive);
    }

    /** The sum of the processes' peak RSS (each its kernel high-water mark). */
    double peakRssMib() {
      return processes.stream().mapToDouble(ControllerProcess::peakRssMib).sum();
    }

    /** Each process's peak RSS, in start order. */
    List<Double> peakRssEachMib() {
      return processes.stream().map(ControllerProcess::peakRssMib).toList();
    }

    /** Peak used Java heap, or NaN for processes that are not JVMs. */
    double peakHeapMib() {
      return heapSampled ? processes.get(0).peakHeapMib() : Double.NaN;
    }

    @Override
    public void close() {
      processes.forEach(ControllerProcess::close);
    }
  }
}
