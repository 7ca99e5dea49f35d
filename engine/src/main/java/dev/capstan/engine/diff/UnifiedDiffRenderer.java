package dev.capstan.engine.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.capstan.engine.cluster.ResourceKey;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Renders the difference of two normalised objects as a unified diff over YAML with sorted keys,
 * three lines of context, headed {@code --- live/<Kind/ns/name>} and {@code +++
 * desired/<Kind/ns/name>}. Identical objects render as the empty string.
 */
final class UnifiedDiffRenderer {

  private static final YAMLMapper YAML =
      new YAMLMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .build());

  private UnifiedDiffRenderer() {}

  /** The unified diff from {@code live} to {@code target}; either may be null (absent). */
  static String render(ResourceKey key, JsonNode live, JsonNode target) {
    List<String> before = lines(live);
    List<String> after = lines(target);
    Patch<String> patch = DiffUtils.diff(before, after);
    if (patch.getDeltas().isEmpty()) {
      return "";
    }
    List<String> text =
        UnifiedDiffUtils.generateUnifiedDiff(
            live == null || live.isNull() ? "/dev/null" : "live/" + key,
            target == null || target.isNull() ? "/dev/null" : "desired/" + key,
            before,
            patch,
            3);
    return String.join("\n", text) + "\n";
  }

  /** The object as sorted YAML lines; no lines for an absent object. */
  static List<String> lines(JsonNode object) {
    if (object == null || object.isNull() || object.isMissingNode()) {
      return List.of();
    }
    try {
      return YAML.writeValueAsString(DiffJson.sorted(object)).lines().toList();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
