package dev.capstan.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the numbers were measured on: cores, memory, load average, JVM. */
public record Machine(int cores, long memoryMib, String load, String jvm) {

  public static Machine current() {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        memTotalMib(),
        loadAverage(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
  }

  /** The first three fields of /proc/loadavg ("1.00 0.50 0.25"), or "unknown". */
  public static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static long memTotalMib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through
    }
    return -1;
  }

  public String describe() {
    return cores
        + " cores, "
        + memoryMib
        + " MiB RAM, "
        + jvm
        + "; load average (1/5/15 min) "
        + load;
  }
}
