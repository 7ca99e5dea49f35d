package dev.capstan.testsupport.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code testenv/up} and {@code testenv/down} of one checkout. Their output goes to a log
 * file, never to this JVM's own stdout or stderr (Surefire and Failsafe use those to talk to their
 * forked JVMs); a failure quotes the end of that log.
 */
final class TestenvScripts {
  private static final int TAIL_LINES = 40;

  private final Path root;
  private final Path logDir;

  TestenvScripts(Path root, Path logDir) {
    this.root = root;
    this.logDir = logDir;
  }

  Path root() {
    return root;
  }

  /** Where {@link #up} writes the script's progress and errors. */
  Path upLog() {
    return logDir.resolve("testenv-up.log");
  }

  /**
   * Runs {@code testenv/up}, which starts the control plane or reuses a healthy one, and returns
   * the kubeconfig path it prints last.
   *
   * @param owner token that {@code up} records in {@code testenv/.run/owner} if it starts the
   *     control plane
   * @param user pid that {@code up} registers as a user of the control plane
   */
  Path up(String owner, long user, Duration timeout) {
    Path log = upLog();
    Path stdout = logDir.resolve("testenv-up.stdout");
    run(
        List.of("up"),
        Map.of("TESTENV_OWNER", owner, "TESTENV_USER", Long.toString(user)),
        timeout,
        log,
        stdout);
    List<String> lines = read(stdout);
    if (lines.isEmpty() || lines.getLast().isBlank()) {
      throw new ControlPlaneException(
          "testenv/up succeeded but printed no kubeconfig path; its log "
              + log
              + " ends with:\n"
              + tail(log));
    }
    Path kubeconfig = Path.of(lines.getLast().strip());
    if (!Files.isRegularFile(kubeconfig)) {
      throw new ControlPlaneException("testenv/up printed " + kubeconfig + ", which is not a file");
    }
    return kubeconfig;
  }

  /** Runs {@code testenv/build} (builds the binaries when they are missing or stale). */
  void build(Duration timeout) {
    Path log = logDir.resolve("testenv-build.log");
    run(List.of("build"), Map.of(), timeout, log, log);
  }

  /** The token that the last fresh start recorded, if the control plane is running. */
  String owner() {
    Path file = root.resolve("testenv/.run/owner");
    return Files.isRegularFile(file) ? String.join("", read(file)).strip() : "";
  }

  /**
   * Runs {@code testenv/down --release user}: drops the registration of {@code user} and stops the
   * control plane if no other registered user is alive and a test JVM started it.
   */
  void release(long user, Duration timeout) {
    Path log = logDir.resolve("testenv-down.log");
    run(List.of("down", "--release", Long.toString(user)), Map.of(), timeout, log, log);
  }

  private void run(
      List<String> command, Map<String, String> env, Duration timeout, Path log, Path stdout) {
    String script = command.getFirst();
    List<String> commandLine = new ArrayList<>(command);
    commandLine.set(0, root.resolve("testenv").resolve(script).toString());
    ProcessBuilder builder = new ProcessBuilder(commandLine);
    builder.directory(root.toFile());
    builder.environment().putAll(env);
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.redirectError(ProcessBuilder.Redirect.to(log.toFile()));
    builder.redirectOutput(
        stdout.equals(log)
            ? ProcessBuilder.Redirect.appendTo(log.toFile())
            : ProcessBuilder.Redirect.to(stdout.toFile()));
    try {
      Files.createDirectories(logDir);
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new ControlPlaneException(
            "testenv/"
                + script
                + " did not finish within "
                + timeout
                + "; its log "
                + log
                + " ends with:\n"
                + tail(log));
      }
      if (process.exitValue() != 0) {
        throw new ControlPlaneException(
            "testenv/"
                + script
                + " failed (exit "
                + process.exitValue()
                + "); its log "
                + log
                + " ends with:\n"
                + tail(log));
      }
    } catch (IOException e) {
      throw new ControlPlaneException(
          "testenv/" + script + " could not be run: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ControlPlaneException("interrupted while waiting for testenv/" + script, e);
    }
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of();
    }
  }

  private static String tail(Path file) {
    List<String> lines = read(file);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
  }
}
