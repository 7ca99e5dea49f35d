package dev.capstan.bench.controller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Command lines for the controller processes. */
final class Launch {
  private Launch() {}

  static Path javaHome() {
    return Path.of(System.getProperty("java.home"));
  }

  /**
   * The JVM options {@code bin/capstan} starts Capstan with, so a benchmark measures what users
   * run: {@code CAPSTAN_JAVA_OPTS} when set (even empty), else {@code bin/jvm-options} (read from
   * the repository root, where benchmarks run) without its comments.
   */
  static List<String> capstanJavaOptions() {
    String env = System.getenv("CAPSTAN_JAVA_OPTS");
    if (env != null) {
      return words(env);
    }
    try {
      return fileOptions(Files.readAllLines(Path.of("bin/jvm-options")));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "bin/jvm-options (run benchmarks from the repository root)", e);
    }
  }

  /** {@link #capstanJavaOptions()} followed by {@code extra}, which can so override them. */
  static List<String> javaOptions(List<String> extra) {
    List<String> all = new ArrayList<>(capstanJavaOptions());
    all.addAll(extra);
    return all;
  }

  /** The options of a {@code jvm-options} file: its words, comment lines left out. */
  static List<String> fileOptions(List<String> lines) {
    return words(
        lines.stream().filter(l -> !l.strip().startsWith("#")).collect(Collectors.joining(" ")));
  }

  static List<String> words(String text) {
    return text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
  }

  /** This benchmark's own jar (the shaded one, with the controller in it). */
  static Path benchJar() {
    try {
      return Path.of(Launch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The Flux controller alone ({@link FluxControllerMain}) with bin/capstan's JVM options, then
   * {@code extra}, then {@code heap}.
   */
  static List<String> fluxController(
      Path kubeconfig, String ns, Path cache, int workers, String heap, List<String> extra) {
    List<String> cmd = new ArrayList<>(List.of(javaHome().resolve("bin/java").toString()));
    cmd.addAll(javaOptions(extra));
    cmd.addAll(
        List.of(
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

  /**
   * {@code capstan controller} for Argo CD Applications in {@code ns} only (no Flux, no Lease),
   * with bin/capstan's JVM options, then {@code extra}.
   */
  static List<String> argoController(Path kubeconfig, String ns, int workers, List<String> extra) {
    return CapstanCli.command(
        javaOptions(extra),
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
