package dev.capstan.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads the RESULT line of the newest report of a benchmark in the results directory. */
public final class LatestResult {
  private LatestResult() {}

  public static Optional<Map<String, String>> find(Path dir, String name) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(dir)) {
      Optional<Path> newest =
          files
              .filter(
                  f ->
                      f.getFileName()
                          .toString()
                          .matches(
                              java.util.regex.Pattern.quote(name) + "-\\d{4}-\\d{2}-\\d{2}\\.md"))
              .max(Path::compareTo);
      if (newest.isEmpty()) {
        return Optional.empty();
      }
      return Files.readAllLines(newest.get()).stream()
          .filter(l -> l.startsWith("RESULT " + name + " "))
          .reduce((a, b) -> b)
          .map(LatestResult::parse)
          .filter(m -> !"unavailable".equals(m.get("status")));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The key=value pairs of a RESULT line, in order. */
  public static Map<String, String> parse(String line) {
    Map<String, String> out = new LinkedHashMap<>();
    String[] parts = line.trim().split("\\s+");
    for (int i = 2; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      if (eq > 0) {
        out.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
      }
    }
    return out;
  }
}
