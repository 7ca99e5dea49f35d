package dev.capstan.bench.controller;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Flux's own source-controller and kustomize-controller, built from their Go modules by {@code
 * bench/peers/build} into the git-ignored {@code bench/.cache/peers/<version>/} (binaries and the
 * CRDs of the same modules).
 */
sealed interface FluxToolkitBuild {

  /** The binaries and CRDs are in {@code dir}. */
  record Built(String version, Path dir) implements FluxToolkitBuild {
    Path binary(String name) {
      return dir.resolve(name);
    }

    /** Every CRD file of both modules. */
    List<Path> crdFiles() throws IOException {
      try (var files = Files.walk(dir.resolve("crds"))) {
        return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      }
    }
  }

  /** The build failed: the command and the end of its output. */
  record Failed(String version, String command, String output) implements FluxToolkitBuild {}

  /** Runs the build script (a no-op when the binaries are there already). */
  static FluxToolkitBuild run(String version) throws InterruptedException {
    String command = "FLUX_PEERS_VERSION=" + version + " bench/peers/build";
    try {
      ProcessBuilder pb = new ProcessBuilder("bench/peers/build").redirectErrorStream(true);
      pb.environment().put("FLUX_PEERS_VERSION", version);
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      List<String> lines = out.strip().lines().toList();
      if (p.waitFor() != 0 || lines.isEmpty()) {
        return new Failed(version, command, tail(lines, 15));
      }
      Path dir = Path.of(lines.get(lines.size() - 1));
      if (!Files.isExecutable(dir.resolve("source-controller"))
          || !Files.isExecutable(dir.resolve("kustomize-controller"))) {
        return new Failed(version, command, "no binaries in " + dir + "\n" + tail(lines, 15));
      }
      return new Built(version, dir);
    } catch (IOException e) {
      return new Failed(version, command, "could not run it: " + e.getMessage());
    }
  }

  private static String tail(List<String> lines, int n) {
    return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
  }
}
