package dev.capstan.engine.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Access to the shared health conformance corpus ({@code shared/conformance/health}, beside the
 * repository). The directory is found by walking up from the working directory, or from the system
 * property {@code capstan.health.corpus}. A missing corpus fails the tests that need it.
 */
public final class HealthCorpus {

  private static final ObjectMapper JSON = new ObjectMapper();

  private HealthCorpus() {}

  /** The corpus root, e.g. {@code /work/shared/conformance/health}. */
  public static Path root() {
    String configured = System.getProperty("capstan.health.corpus");
    if (configured != null) {
      return Path.of(configured);
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("shared/conformance/health");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "health conformance corpus not found: expected shared/conformance/health beside the"
            + " repository, or -Dcapstan.health.corpus=<dir>");
  }

  /** Reads one YAML document as a JSON-like tree (YAML 1.2 core schema). */
  public static Map<String, Object> yaml(Path file) {
    try {
      return yamlText(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses one YAML document as a JSON-like tree; a repeated key keeps its last value, as Go YAML
   * decoders do.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> yamlText(String text) {
    LoadSettings settings =
        LoadSettings.builder().setSchema(new CoreSchema()).setAllowDuplicateKeys(true).build();
    // The first document counts, as with Go's YAML decoders (one input has a stray "---").
    for (Object doc : new Load(settings).loadAllFromString(text)) {
      if (doc != null) {
        return (Map<String, Object>) doc;
      }
    }
    throw new IllegalArgumentException("no YAML document");
  }

  /** Reads a JSON-lines file, one object per line. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> jsonLines(Path file) {
    List<Map<String, Object>> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank()) {
          out.add(JSON.readValue(line, Map.class));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The YAML files directly in a directory, sorted by name. */
  public static List<Path> yamlFiles(Path dir) {
    try (var stream = Files.list(dir)) {
      return stream.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
