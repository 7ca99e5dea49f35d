package dev.capstan.kustomize.patch;

import dev.capstan.kustomize.KustomizeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Kubernetes label selector in its string form, as used by kustomize's {@code labelSelector} and
 * {@code annotationSelector}: comma-separated requirements {@code k=v}, {@code k==v}, {@code k!=v},
 * {@code k in (a,b)}, {@code k notin (a,b)}, {@code k} and {@code !k}. All must hold.
 *
 * <p>Immutable and thread-safe.
 */
public final class LabelSelector {
  private enum Op {
    EQ,
    NEQ,
    IN,
    NOTIN,
    EXISTS,
    NOT_EXISTS
  }

  private record Requirement(String key, Op op, Set<String> values) {
    boolean matches(Map<String, String> labels) {
      String v = labels.get(key);
      return switch (op) {
        case EQ, IN -> v != null && values.contains(v);
        case NEQ, NOTIN -> v == null || !values.contains(v);
        case EXISTS -> labels.containsKey(key);
        case NOT_EXISTS -> !labels.containsKey(key);
      };
    }
  }

  private final List<Requirement> requirements;

  private LabelSelector(List<Requirement> requirements) {
    this.requirements = List.copyOf(requirements);
  }

  /** Parses a selector; the empty string selects everything. */
  public static LabelSelector parse(String text) {
    List<Requirement> out = new ArrayList<>();
    for (String part : splitTopLevel(text)) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      out.add(requirement(p, text));
    }
    return new LabelSelector(out);
  }

  public boolean matches(Map<String, String> labels) {
    for (Requirement r : requirements) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    StringBuilder cur = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        parts.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    parts.add(cur.toString());
    return parts;
  }

  private static Requirement requirement(String p, String whole) {
    if (p.startsWith("!")) {
      return new Requirement(key(p.substring(1).trim(), whole), Op.NOT_EXISTS, Set.of());
    }
    int ne = p.indexOf("!=");
    if (ne > 0) {
      return new Requirement(
          key(p.substring(0, ne).trim(), whole), Op.NEQ, Set.of(p.substring(ne + 2).trim()));
    }
    int eq = p.indexOf('=');
    if (eq > 0) {
      int valueStart = p.startsWith("==", eq) ? eq + 2 : eq + 1;
      return new Requirement(
          key(p.substring(0, eq).trim(), whole), Op.EQ, Set.of(p.substring(valueStart).trim()));
    }
    String[] words = p.split("\\s+", 2);
    if (words.length == 2) {
      String rest = words[1].trim();
      Op op;
      if (rest.startsWith("notin")) {
        op = Op.NOTIN;
        rest = rest.substring(5).trim();
      } else if (rest.startsWith("in")) {
        op = Op.IN;
        rest = rest.substring(2).trim();
      } else {
        throw invalid(whole);
      }
      if (!rest.startsWith("(") || !rest.endsWith(")")) {
        throw invalid(whole);
      }
      Set<String> values = new java.util.LinkedHashSet<>();
      for (String v : rest.substring(1, rest.length() - 1).split(",")) {
        values.add(v.trim());
      }
      return new Requirement(key(words[0], whole), op, Set.copyOf(values));
    }
    return new Requirement(key(p, whole), Op.EXISTS, Set.of());
  }

  private static String key(String k, String whole) {
    if (k.isEmpty() || !k.matches("[A-Za-z0-9./_-]+")) {
      throw invalid(whole);
    }
    return k;
  }

  private static KustomizeException invalid(String whole) {
    return new KustomizeException(
        "unable to parse requirement: invalid selector \"" + whole + "\"");
  }
}
