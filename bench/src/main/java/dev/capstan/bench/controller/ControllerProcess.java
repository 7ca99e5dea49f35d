package dev.capstan.bench.controller;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A controller running as its own process, its output in a log file. Started with {@link #start} (a
 * JVM), its resident set is sampled every second while it runs and its heap is read from a GC log
 * it writes beside its output ({@code -Xlog:gc}: the used heap before each collection, the highest
 * the heap gets) plus one {@code jcmd} when the peak is asked for (the stretch after the last
 * collection); a {@code jcmd} per second cost the machine being measured about a tenth of its CPU.
 * Started with {@link #startUnsampled} (a JVM whose memory is not reported, or a process that is
 * not a JVM), nothing is sampled in the background and {@link #peakRssMib()} reads the kernel's
 * high-water mark when asked. {@link #close()} stops it (SIGTERM, then SIGKILL after 10 s).
 */
final class ControllerProcess implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final ProcessMemory memory;
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "memory-sampler");
            t.setDaemon(true);
            return t;
          });
  private final boolean sampleHeap;
  private volatile double peakRssMib;

  private ControllerProcess(Process process, Path log, Path javaHome, boolean sampleHeap) {
    this.process = process;
    this.log = log;
    this.memory = new ProcessMemory(process.pid(), javaHome, gcLog(log));
    this.sampleHeap = sampleHeap;
    if (sampleHeap) {
      sampler.scheduleWithFixedDelay(this::sample, 0, 1, TimeUnit.SECONDS);
    }
  }

  static ControllerProcess start(List<String> command, Path log, Path javaHome) throws IOException {
    List<String> logged = new java.util.ArrayList<>(command);
    logged.add(1, "-Xlog:gc:file=" + gcLog(log));
    return new ControllerProcess(launch(logged, log, Map.of()), log, javaHome, true);
  }

  private static Path gcLog(Path log) {
    return log.resolveSibling(log.getFileName() + ".gc");
  }

  /**
   * Starts {@code command} with {@code env} added to this JVM's environment; no background sampling
   * (a {@code jcmd} per second costs CPU that latency runs should not pay).
   */
  static ControllerProcess startUnsampled(List<String> command, Path log, Map<String, String> env)
      throws IOException {
    return new ControllerProcess(launch(command, log, env), log, Launch.javaHome(), false);
  }

  private static Process launch(List<String> command, Path log, Map<String, String> env)
      throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.redirectOutput(log.toFile()).start();
    // a benchmark stopped by a signal does not reach close(); its controllers must not outlive it
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
    return p;
  }

  private void sample() {
    memory.peakRssMib().ifPresent(v -> peakRssMib = Math.max(peakRssMib, v));
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Waits until the log contains {@code text}; false when the process died or time ran out. */
  boolean awaitLog(String text, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(text)) {
        return true;
      }
      if (!process.isAlive()) {
        return false;
      }
      Thread.sleep(200); // polling another process's log file; no event to wait on
    }
    return false;
  }

  /** Peak RSS (VmHWM) in MiB seen so far. */
  double peakRssMib() {
    sample();
    return peakRssMib;
  }

  /** Peak used heap in MiB so far: before any collection in the GC log, or now. */
  double peakHeapMib() {
    if (sampleHeap && process.isAlive()) {
      memory.sampleHeapMib();
    }
    return Math.max(memory.peakHeapMib(), memory.gcLogPeakMib());
  }

  /**
   * CPU time (user and system) the process has used since it started, in seconds; NaN when the
   * operating system does not tell. Read while it runs: the benchmark's figure of how much work the
   * controller did, steadier than wall-clock time on a busy machine.
   */
  double cpuSeconds() {
    return process
        .toHandle()
        .info()
        .totalCpuDuration()
        .map(d -> d.toNanos() / 1e9)
        .orElse(Double.NaN);
  }

  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    sampler.shutdownNow();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
