package dev.capstan.bench.controller;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory of another JVM process: peak resident set ({@code VmHWM} of {@code /proc/<pid>/status},
 * the kernel's high-water mark, so no peak is missed between samples) and used heap (the largest
 * "before" of its {@code -Xlog:gc} lines, and {@code jcmd <pid> GC.heap_info} when sampled).
 */
final class ProcessMemory {
  private static final Pattern KB = Pattern.compile("(\\d+)\\s*kB");
  private static final Pattern USED = Pattern.compile("heap\\s+total[^\\n]*?used (\\d+)K");
  private static final Pattern BEFORE_GC =
      Pattern.compile(" (\\d+)([KMG])->\\d+[KMG]\\(\\d+[KMG]\\)");
  private final long pid;
  private final Path jcmd;
  private final Path gcLog;
  private volatile double peakHeapMib;

  ProcessMemory(long pid, Path javaHome, Path gcLog) {
    this.pid = pid;
    this.jcmd = javaHome.resolve("bin/jcmd");
    this.gcLog = gcLog;
  }

  /** The largest used heap before a collection in the GC log, in MiB; 0 without a log. */
  double gcLogPeakMib() {
    try {
      return Files.exists(gcLog) ? parseGcLogPeakMib(Files.readString(gcLog)) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * The largest "before" of {@code -Xlog:gc} lines such as {@code GC(3) Pause Young (Normal) (G1
   * Evacuation Pause) 45M->12M(256M) 4.321ms}, in MiB.
   */
  static double parseGcLogPeakMib(String log) {
    Matcher m = BEFORE_GC.matcher(log);
    double peak = 0;
    while (m.find()) {
      double v = Long.parseLong(m.group(1));
      peak =
          Math.max(
              peak,
              switch (m.group(2)) {
                case "K" -> v / 1024;
                case "G" -> v * 1024;
                default -> v;
              });
    }
    return peak;
  }

  /** VmHWM in MiB, if the process is still alive. */
  Optional<Double> peakRssMib() {
    return status("VmHWM:");
  }

  Optional<Double> rssMib() {
    return status("VmRSS:");
  }

  private Optional<Double> status(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith(field)) {
          Matcher m = KB.matcher(line);
          if (m.find()) {
            return Optional.of(Long.parseLong(m.group(1)) / 1024.0);
          }
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** Samples the used heap now (sum over the heap's regions), remembering the peak. */
  Optional<Double> sampleHeapMib() {
    try {
      Process p =
          new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      Optional<Double> used = parseUsedHeapMib(out);
      used.ifPresent(u -> peakHeapMib = Math.max(peakHeapMib, u));
      return used;
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  double peakHeapMib() {
    return peakHeapMib;
  }

  /**
   * The used size of the first heap line of GC.heap_info, in MiB: {@code garbage-first heap total
   * 262144K, used 104857K} (JDK 21) or {@code ... total reserved 2097152K, committed 389120K, used
   * 13823K} (JDK 25).
   */
  static Optional<Double> parseUsedHeapMib(String heapInfo) {
    Matcher m = USED.matcher(heapInfo);
    return m.find() ? Optional.of(Long.parseLong(m.group(1)) / 1024.0) : Optional.empty();
  }
}
