package dev.capstan.controller.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads YAML manifests (test resources, the shared examples, the CRDs) as JSON trees. */
final class Manifests {
  static final ObjectMapper YAML = new YAMLMapper();
  private static final Path EXAMPLES = Path.of("shared", "examples", "gitops-repo", "deploy");

  private Manifests() {}

  /** Every document of a multi-document YAML text, skipping empty ones. */
  static List<JsonNode> documents(String yaml) {
    try {
      List<JsonNode> out = new ArrayList<>();
      var parser = new YAMLFactory().createParser(yaml);
      Iterator<JsonNode> it = YAML.readValues(parser, JsonNode.class);
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
          out.add(doc);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The single document of a test resource under {@code api/}. */
  static JsonNode resource(String name) {
    try (InputStream in = Manifests.class.getClassLoader().getResourceAsStream("api/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource api/" + name);
      }
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The parsed CRD with the given metadata.name. */
  static JsonNode crd(String name) {
    return documents(CustomResourceDefinitions.text("crds/" + name + ".yaml")).getFirst();
  }

  /** The schema of the CRD that serves {@code apiVersion}/{@code kind}, if Capstan serves it. */
  static Optional<OpenApiSchema> schemaFor(JsonNode manifest) {
    String apiVersion = manifest.path("apiVersion").asText();
    String kind = manifest.path("kind").asText();
    for (String resource : CustomResourceDefinitions.RESOURCES) {
      JsonNode crd = documents(CustomResourceDefinitions.text(resource)).getFirst();
      String group = crd.path("spec").path("group").asText();
      for (JsonNode v : crd.path("spec").path("versions")) {
        if ((group + "/" + v.path("name").asText()).equals(apiVersion)
            && crd.path("spec").path("names").path("kind").asText().equals(kind)) {
          return Optional.of(OpenApiSchema.ofCrd(crd, v.path("name").asText()));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The example GitOps repository's {@code deploy/} folder ({@code shared/examples/...}), found by
   * walking up from the working directory: {@code shared/} sits beside or above the checkout.
   */
  static Path examplesDeployDir() {
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(EXAMPLES))) {
        return dir.resolve(EXAMPLES);
      }
    }
    throw new IllegalStateException(
        "shared/examples/gitops-repo/deploy not found at or above " + start);
  }

  /**
   * A copy of {@code node} with Go's zero values removed ({@code false}, {@code 0}, {@code ""},
   * empty arrays and objects), recursively: two trees equal after this carry the same information
   * for an {@code omitempty} API.
   */
  static JsonNode withoutZeroValues(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = YAML.createObjectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        JsonNode v = withoutZeroValues(e.getValue());
        if (!isZero(v)) {
          out.set(e.getKey(), v);
        }
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = YAML.createArrayNode();
      node.forEach(item -> out.add(withoutZeroValues(item)));
      return out;
    }
    if (node.isNumber()) {
      // YAML reads small numbers as int, Jackson writes long fields as long: compare by value.
      return node.isIntegralNumber() ? YAML.getNodeFactory().numberNode(node.asLong()) : node;
    }
    return node;
  }

  private static boolean isZero(JsonNode v) {
    return (v.isBoolean() && !v.asBoolean())
        || (v.isIntegralNumber() && v.asLong() == 0)
        || (v.isTextual() && v.asText().isEmpty())
        || (v.isContainerNode() && v.isEmpty());
  }
}
