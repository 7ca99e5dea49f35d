package dev.capstan.kustomize.fuzz;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.yaml.YamlEmitter;
import dev.capstan.kustomize.yaml.YamlReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Deterministic mutations of YAML text, at the text level and at the tree level. */
final class FuzzMutator {
  private static final String[] TOKENS = {
    ":",
    ": ",
    "- ",
    "-",
    "{",
    "}",
    "[",
    "]",
    ",",
    "&a ",
    "*a",
    "<<: *a\n",
    "!!binary ",
    "!!str ",
    "!!map ",
    "!foo ",
    "---\n",
    "...\n",
    "\t",
    "'",
    "\"",
    "#",
    "? ",
    "|",
    "|-\n",
    ">",
    "%YAML 1.2\n",
    "\u0000",
    "~",
    "null",
    "0x1F",
    "1e400",
    ".nan",
    "-.inf",
    "0o17",
    "true",
    "yes",
    "\uD83D\uDE00",
    "\r\n",
    "\\",
    "\ufeff",
    "=",
    "==",
    "../",
    "/etc/passwd",
    "https://example.invalid/r//x?ref=v",
    "kind: Component\n",
    "apiVersion: builtin\n",
    "kind: ConfigMapGenerator\n",
    "$(VAR)",
    "*",
    "\n  ",
    "\n- ",
    "  ",
    "@",
    "`",
    "%",
    "&",
    "!"
  };

  private static final String[] KUSTOMIZATION_FIELDS = {
    "apiVersion",
    "kind",
    "resources",
    "bases",
    "components",
    "namePrefix",
    "nameSuffix",
    "namespace",
    "commonLabels",
    "labels",
    "commonAnnotations",
    "images",
    "replicas",
    "patches",
    "patchesStrategicMerge",
    "patchesJson6902",
    "configMapGenerator",
    "secretGenerator",
    "generatorOptions",
    "generators",
    "transformers",
    "validators",
    "replacements",
    "vars",
    "configurations",
    "crds",
    "openapi",
    "sortOptions",
    "buildMetadata",
    "helmCharts",
    "metadata",
    "spec",
    "data",
    "name",
    "literals",
    "files",
    "envs",
    "env",
    "behavior",
    "options",
    "target",
    "patch",
    "path",
    "fieldSpecs",
    "create",
    "count",
    "newTag",
    "digest",
    "order",
    "type"
  };

  private final Random random;

  FuzzMutator(Random random) {
    this.random = random;
  }

  /** One to three text mutations. */
  String mutateText(String text) {
    String s = text;
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      s = mutateOnce(s);
    }
    return s;
  }

  private String mutateOnce(String s) {
    List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
    int pos = s.isEmpty() ? 0 : random.nextInt(s.length() + 1);
    switch (random.nextInt(9)) {
      case 0 -> {
        if (s.isEmpty()) {
          return token();
        }
        int p = random.nextInt(s.length());
        return s.substring(0, p) + (char) (32 + random.nextInt(95)) + s.substring(p + 1);
      }
      case 1 -> {
        if (lines.size() > 1) {
          lines.remove(random.nextInt(lines.size()));
        }
        return String.join("\n", lines);
      }
      case 2 -> {
        int i = random.nextInt(lines.size());
        lines.add(i, lines.get(i));
        return String.join("\n", lines);
      }
      case 3 -> {
        return s.substring(0, pos) + token() + s.substring(pos);
      }
      case 4 -> {
        return s.substring(0, pos);
      }
      case 5 -> {
        int a = random.nextInt(lines.size());
        int b = random.nextInt(lines.size());
        String t = lines.get(a);
        lines.set(a, lines.get(b));
        lines.set(b, t);
        return String.join("\n", lines);
      }
      case 6 -> {
        int i = random.nextInt(lines.size());
        lines.set(i, " ".repeat(random.nextInt(5)) + lines.get(i).stripLeading());
        return String.join("\n", lines);
      }
      case 7 -> {
        int i = random.nextInt(lines.size());
        lines.add(
            i, KUSTOMIZATION_FIELDS[random.nextInt(KUSTOMIZATION_FIELDS.length)] + ": " + token());
        return String.join("\n", lines);
      }
      default -> {
        return s.substring(0, pos) + s.substring(Math.min(s.length(), pos + random.nextInt(8)));
      }
    }
  }

  private String token() {
    return TOKENS[random.nextInt(TOKENS.length)];
  }

  /**
   * Parses the text, replaces, removes or adds one value somewhere in the first document (with a
   * value of a random type), and writes it back; falls back to a text mutation when it does not
   * parse.
   */
  String mutateTree(String text) {
    List<Object> docs;
    try {
      docs = YamlReader.readAll(text, "seed");
    } catch (KustomizeException e) {
      return mutateText(text);
    }
    if (docs.isEmpty()) {
      return mutateText(text);
    }
    Object doc = docs.get(0);
    Object mutated = mutateNode(doc, 0);
    StringBuilder out = new StringBuilder(YamlEmitter.emit(mutated));
    for (int i = 1; i < docs.size(); i++) {
      out.append("---\n").append(YamlEmitter.emit(docs.get(i)));
    }
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private Object mutateNode(Object node, int depth) {
    if (node instanceof Map<?, ?> m && !m.isEmpty() && random.nextInt(3) > 0) {
      Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) m);
      List<String> keys = new ArrayList<>(copy.keySet());
      String key = keys.get(random.nextInt(keys.size()));
      switch (random.nextInt(4)) {
        case 0 -> copy.remove(key);
        case 1 ->
            copy.put(
                KUSTOMIZATION_FIELDS[random.nextInt(KUSTOMIZATION_FIELDS.length)], randomValue(0));
        default -> copy.put(key, mutateNode(copy.get(key), depth + 1));
      }
      return copy;
    }
    if (node instanceof List<?> l && !l.isEmpty() && random.nextInt(3) > 0) {
      List<Object> copy = new ArrayList<>(l);
      int i = random.nextInt(copy.size());
      switch (random.nextInt(4)) {
        case 0 -> copy.remove(i);
        case 1 -> copy.add(i, randomValue(0));
        default -> copy.set(i, mutateNode(copy.get(i), depth + 1));
      }
      return copy;
    }
    return randomValue(0);
  }

  private Object randomValue(int depth) {
    int kind = random.nextInt(depth > 2 ? 8 : 11);
    return switch (kind) {
      case 0 -> null;
      case 1 -> "";
      case 2 -> token();
      case 3 -> KUSTOMIZATION_FIELDS[random.nextInt(KUSTOMIZATION_FIELDS.length)];
      case 4 -> (long) (random.nextInt(5) - 1);
      case 5 -> random.nextBoolean();
      case 6 -> random.nextDouble() * 1e6;
      case 7 -> Long.MAX_VALUE;
      case 8 -> {
        List<Object> l = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
          l.add(randomValue(depth + 1));
        }
        yield l;
      }
      default -> {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = random.nextInt(3); i > 0; i--) {
          m.put(
              KUSTOMIZATION_FIELDS[random.nextInt(KUSTOMIZATION_FIELDS.length)],
              randomValue(depth + 1));
        }
        yield m;
      }
    };
  }

  /** A random value written as one line of flow YAML (JSON), of a random type. */
  String flowValue() {
    return json(randomValue(0));
  }

  private static String json(Object v) {
    return switch (v) {
      case null -> "null";
      case String s ->
          "\""
              + s.replace("\\", "\\\\")
                  .replace("\"", "\\\"")
                  .replace("\n", "\\n")
                  .replace("\t", "\\t")
                  .replace("\r", "\\r")
                  .replace("\u0000", "\\u0000")
                  .replace("\ufeff", "\\ufeff")
              + "\"";
      case Map<?, ?> m -> {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<?, ?> e : m.entrySet()) {
          if (b.length() > 1) {
            b.append(", ");
          }
          b.append(json(String.valueOf(e.getKey()))).append(": ").append(json(e.getValue()));
        }
        yield b.append('}').toString();
      }
      case List<?> l -> {
        StringBuilder b = new StringBuilder("[");
        for (Object o : l) {
          if (b.length() > 1) {
            b.append(", ");
          }
          b.append(json(o));
        }
        yield b.append(']').toString();
      }
      default -> String.valueOf(v);
    };
  }

  /** Random bytes shaped a little like YAML. */
  String randomYaml(int length) {
    StringBuilder b = new StringBuilder();
    while (b.length() < length) {
      if (random.nextInt(4) == 0) {
        b.append(token());
      } else if (random.nextInt(3) == 0) {
        b.append(KUSTOMIZATION_FIELDS[random.nextInt(KUSTOMIZATION_FIELDS.length)]);
      } else {
        b.append(
            (char) (random.nextInt(4) == 0 ? random.nextInt(0x3000) : 32 + random.nextInt(95)));
      }
    }
    return b.toString();
  }
}
