package dev.capstan.controller.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A test-side reading of a CRD's {@code openAPIV3Schema} that does what the API server does with
 * it: checks that the schema is structural, and validates objects against it the way a create with
 * strict field validation ({@code kubectl apply}'s default) does, so an unknown field is an error
 * rather than silently pruned.
 *
 * <p>It covers the keywords the Capstan CRDs use: {@code type}, {@code properties}, {@code
 * additionalProperties}, {@code items}, {@code required}, {@code enum}, {@code pattern}, {@code
 * minLength}/{@code maxLength}, {@code minimum}, {@code format: date-time}, {@code
 * x-kubernetes-preserve-unknown-fields} and {@code x-kubernetes-int-or-string}. The IT that applies
 * the same manifests to a real API server is the final word.
 */
final class OpenApiSchema {
  private static final Set<String> TYPES =
      Set.of("object", "array", "string", "integer", "number", "boolean");
  private static final Set<String> KNOWN_KEYWORDS =
      Set.of(
          "type",
          "properties",
          "additionalProperties",
          "items",
          "required",
          "enum",
          "pattern",
          "minLength",
          "maxLength",
          "minimum",
          "format",
          "default",
          "description",
          "anyOf",
          "nullable",
          "x-kubernetes-preserve-unknown-fields",
          "x-kubernetes-int-or-string",
          "x-kubernetes-list-type",
          "x-kubernetes-list-map-keys");

  private final JsonNode root;

  OpenApiSchema(JsonNode root) {
    this.root = root;
  }

  /** The schema of a CRD version: {@code spec.versions[i].schema.openAPIV3Schema}. */
  static OpenApiSchema ofCrd(JsonNode crd, String version) {
    for (JsonNode v : crd.path("spec").path("versions")) {
      if (v.path("name").asText().equals(version)) {
        return new OpenApiSchema(v.path("schema").path("openAPIV3Schema"));
      }
    }
    throw new IllegalArgumentException(
        "CRD " + crd.path("metadata").path("name").asText() + " has no version " + version);
  }

  /** The sub-schema at a dotted path of property names, e.g. {@code spec.source}. */
  JsonNode at(String dottedPath) {
    JsonNode node = root;
    for (String name : dottedPath.split("\\.")) {
      node = node.path("properties").path(name);
    }
    return node;
  }

  /** Violations of the structural-schema rules; empty when the schema is structural. */
  List<String> structuralViolations() {
    List<String> out = new ArrayList<>();
    checkStructural(root, "", out);
    JsonNode metadata = root.path("properties").path("metadata");
    if (!metadata.path("properties").isMissingNode()) {
      metadata
          .path("properties")
          .fieldNames()
          .forEachRemaining(
              f -> {
                if (!f.equals("name") && !f.equals("generateName")) {
                  out.add(".metadata: only name and generateName may be restricted, found " + f);
                }
              });
    }
    return out;
  }

  private void checkStructural(JsonNode s, String path, List<String> out) {
    String where = path.isEmpty() ? "<root>" : path;
    s.fieldNames()
        .forEachRemaining(
            k -> {
              if (!KNOWN_KEYWORDS.contains(k)) {
                out.add(where + ": unsupported keyword " + k);
              }
            });
    boolean intOrString = s.path("x-kubernetes-int-or-string").asBoolean(false);
    boolean preserve = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    String type = s.path("type").asText("");
    if (type.isEmpty() && !intOrString && !preserve) {
      out.add(where + ": no type");
    } else if (!type.isEmpty() && !TYPES.contains(type)) {
      out.add(where + ": unknown type " + type);
    }
    if (intOrString && !type.isEmpty()) {
      out.add(where + ": x-kubernetes-int-or-string must not also set type");
    }
    if (s.has("anyOf")) {
      if (!intOrString) {
        out.add(where + ": anyOf is only used for int-or-string here");
      }
      for (JsonNode alt : s.path("anyOf")) {
        Iterator<String> names = alt.fieldNames();
        while (names.hasNext()) {
          String n = names.next();
          if (!n.equals("type")) {
            out.add(where + ": anyOf branch sets " + n + ", which a structural schema forbids");
          }
        }
      }
    }
    if (s.has("properties") && s.has("additionalProperties")) {
      out.add(where + ": properties and additionalProperties together");
    }
    if ((s.has("properties") || s.has("additionalProperties")) && !type.equals("object")) {
      out.add(where + ": properties on a non-object");
    }
    if (s.has("items") && !type.equals("array")) {
      out.add(where + ": items on a non-array");
    }
    if (type.equals("array") && !s.has("items")) {
      out.add(where + ": array without items");
    }
    for (JsonNode req : s.path("required")) {
      if (!s.path("properties").has(req.asText())) {
        out.add(where + ": required field " + req.asText() + " is not a property");
      }
    }
    for (Map.Entry<String, JsonNode> p : s.path("properties").properties()) {
      checkStructural(p.getValue(), path + "." + p.getKey(), out);
    }
    if (s.path("additionalProperties").isObject()) {
      checkStructural(s.path("additionalProperties"), path + ".<value>", out);
    }
    if (s.has("items")) {
      checkStructural(s.path("items"), path + "[]", out);
    }
    if (s.has("default")) {
      List<String> bad = new ArrayList<>();
      validate(s, s.path("default"), path + "(default)", bad);
      out.addAll(bad);
    }
  }

  /** Violations of {@code value} against the schema; empty when the API server would accept it. */
  List<String> validate(JsonNode value) {
    List<String> out = new ArrayList<>();
    validate(root, value, "", out);
    return out;
  }

  private void validate(JsonNode s, JsonNode v, String path, List<String> out) {
    String where = path.isEmpty() ? "<root>" : path;
    if (v.isNull()) {
      if (!s.path("nullable").asBoolean(false)) {
        out.add(where + ": null is not allowed");
      }
      return;
    }
    if (s.path("x-kubernetes-int-or-string").asBoolean(false)) {
      if (!v.isIntegralNumber() && !v.isTextual()) {
        out.add(where + ": must be an integer or a string, got " + kind(v));
      }
      return;
    }
    String type = s.path("type").asText("");
    boolean preserve = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    switch (type) {
      case "object" -> {
        if (!v.isObject()) {
          out.add(where + ": must be an object, got " + kind(v));
          return;
        }
        validateObject(s, v, path, preserve, out);
      }
      case "array" -> {
        if (!v.isArray()) {
          out.add(where + ": must be an array, got " + kind(v));
          return;
        }
        int i = 0;
        for (JsonNode item : v) {
          validate(s.path("items"), item, path + "[" + i++ + "]", out);
        }
      }
      case "string" -> {
        if (!v.isTextual()) {
          out.add(where + ": must be a string, got " + kind(v));
          return;
        }
        validateString(s, v.asText(), where, out);
      }
      case "integer" -> {
        if (!v.isIntegralNumber()) {
          out.add(where + ": must be an integer, got " + kind(v));
        } else if (s.has("minimum") && v.asLong() < s.path("minimum").asLong()) {
          out.add(where + ": must be at least " + s.path("minimum").asLong());
        }
      }
      case "number" -> {
        if (!v.isNumber()) {
          out.add(where + ": must be a number, got " + kind(v));
        }
      }
      case "boolean" -> {
        if (!v.isBoolean()) {
          out.add(where + ": must be a boolean, got " + kind(v));
        }
      }
      default -> {
        if (!preserve) {
          out.add(where + ": schema has no type");
        }
      }
    }
    if (s.has("enum")) {
      boolean found = false;
      for (JsonNode allowed : s.path("enum")) {
        found |= allowed.equals(v);
      }
      if (!found) {
        out.add(where + ": " + v + " is not one of " + s.path("enum"));
      }
    }
  }

  private void validateObject(
      JsonNode s, JsonNode v, String path, boolean preserve, List<String> out) {
    JsonNode props = s.path("properties");
    JsonNode additional = s.path("additionalProperties");
    for (JsonNode req : s.path("required")) {
      if (!v.has(req.asText())) {
        out.add(path + "." + req.asText() + ": required");
      }
    }
    for (Map.Entry<String, JsonNode> field : v.properties()) {
      String childPath = path + "." + field.getKey();
      if (props.has(field.getKey())) {
        validate(props.path(field.getKey()), field.getValue(), childPath, out);
      } else if (additional.isObject()) {
        validate(additional, field.getValue(), childPath, out);
      } else if (path.equals(".metadata") || path.startsWith(".metadata.")) {
        // ObjectMeta is validated by the API server's own rules, not by the CRD schema.
      } else if (!preserve && !additional.asBoolean(false)) {
        out.add(childPath + ": unknown field");
      }
    }
  }

  private static void validateString(JsonNode s, String text, String where, List<String> out) {
    if (s.has("pattern") && !Pattern.compile(s.path("pattern").asText()).matcher(text).find()) {
      out.add(where + ": \"" + text + "\" does not match " + s.path("pattern").asText());
    }
    if (s.has("minLength") && text.length() < s.path("minLength").asInt()) {
      out.add(where + ": shorter than " + s.path("minLength").asInt());
    }
    if (s.has("maxLength") && text.length() > s.path("maxLength").asInt()) {
      out.add(where + ": longer than " + s.path("maxLength").asInt());
    }
    if (s.path("format").asText("").equals("date-time")) {
      try {
        OffsetDateTime.parse(text);
      } catch (DateTimeParseException e) {
        out.add(where + ": \"" + text + "\" is not an RFC 3339 date-time");
      }
    }
  }

  private static String kind(JsonNode v) {
    return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
