package dev.capstan.bench.controller;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The Capstan CLI the controller benchmarks run: a snapshot copy of {@code cli/target/capstan.jar}
 * taken before anything is timed, started with this JVM's java. {@code bin/capstan} itself is not
 * used while measuring: it rebuilds the CLI whenever any source is newer than the jar, which on a
 * tree other engineers are editing would rebuild (or fail to) in the middle of a run. Before the
 * snapshot is taken, {@code bin/capstan --version} builds the jar when it is missing or older than
 * the sources (a benchmark of a stale controller measures the wrong code).
 */
final class CapstanCli {
  private static final Path JAR = Path.of("cli/target/capstan.jar");
  private static final Path SNAPSHOT = Path.of("bench/target/capstan-cli-snapshot.jar");

  private CapstanCli() {}

  static void ensureBuilt() throws IOException, InterruptedException {
    {
      System.err.println("bench: building the CLI with bin/capstan when it is missing or stale...");
      Process p = new ProcessBuilder("bin/capstan", "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException("bin/capstan --version failed:\n" + out);
      }
    }
    Files.createDirectories(SNAPSHOT.getParent());
    Files.copy(JAR, SNAPSHOT, StandardCopyOption.REPLACE_EXISTING);
    System.err.println(
        "bench: using a snapshot of " + JAR + " built " + Files.getLastModifiedTime(JAR));
  }

  /** {@code java <bin/capstan's JVM options> -jar <snapshot> args...}. */
  static List<String> command(String... args) {
    return command(Launch.javaOptions(List.of()), args);
  }

  /** {@code java <javaOptions> -jar <snapshot> args...}. */
  static List<String> command(List<String> javaOptions, String... args) {
    List<String> cmd = new ArrayList<>(List.of(Launch.javaHome().resolve("bin/java").toString()));
    cmd.addAll(javaOptions);
    cmd.addAll(List.of("-jar", SNAPSHOT.toString()));
    cmd.addAll(List.of(args));
    return cmd;
  }
}
