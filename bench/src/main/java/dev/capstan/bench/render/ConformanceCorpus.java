package dev.capstan.bench.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The kustomize conformance cases ({@code <case>/case.json} + {@code <case>/tree}) that expect an
 * output, as render inputs. Cases that expect an error are not benchmarked.
 */
final class ConformanceCorpus {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConformanceCorpus() {}

  static List<RenderInput> load(Path casesDir) {
    try (Stream<Path> cases = Files.list(casesDir)) {
      return cases
          .sorted()
          .filter(c -> Files.isRegularFile(c.resolve("case.json")))
          .map(ConformanceCorpus::read)
          .flatMap(Stream::ofNullable)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("listing " + casesDir + " failed", e);
    }
  }

  private static RenderInput read(Path caseDir) {
    try {
      JsonNode json = JSON.readTree(caseDir.resolve("case.json").toFile());
      if (!"output".equals(json.path("expect").asText())) {
        return null;
      }
      Path dir = caseDir.resolve("tree").resolve(json.path("dir").asText("."));
      boolean none = "none".equals(json.path("loadRestrictor").asText());
      return new RenderInput(caseDir.getFileName().toString(), dir.normalize(), none, "corpus");
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + caseDir.resolve("case.json") + " failed", e);
    }
  }
}
