package dev.capstan.bench.controller;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for the controller processes. */
final class Launch {
  private Launch() {}

  static Path javaHome() {
    return Path.of(System.getProperty("java.home"));
  }

  /** This benchmark's own jar (the shaded one, with the controller in it). */
  static Path benchJar() {
    try {
      return Path.of(Launch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> fluxController(
      Path kubeconfig, String ns, Path cache, int workers, String heap) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                javaHome().resolve("bin/java").toString(),
                heap,
                "-cp",
                benchJar().toString(),
                FluxControllerMain.class.getName(),
                kubeconfig.toString(),
                ns,
                cache.toString(),
                Integer.toString(workers)));
    return cmd;
  }

  /** {@code capstan controller} for Argo CD Applications in {@code ns} only (no Flux, no Lease). */
  static List<String> argoController(Path kubeconfig, String ns, int workers) {
    return CapstanCli.command(
        "controller",
        "--kubeconfig",
        kubeconfig.toString(),
        "-n",
        ns,
        "--no-flux",
        "--no-leader-elect",
        "--metrics-port",
        "-1",
        "--concurrency",
        Integer.toString(workers),
        "--reconciliation",
        "10s");
  }
}
