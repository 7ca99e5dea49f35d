package dev.capstan.server.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes label selector ({@code a=b,c!=d,e,!f,g in (x,y),h notin (z)}), evaluated in memory
 * against cached objects. Keys and values are validated as Kubernetes does; anything else is a 400.
 */
public final class LabelSelector {
  private static final String KEY =
      "(?:[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?";
  private static final String VALUE = "(?:[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?)?";
  private static final Pattern EQ =
      Pattern.compile("(" + KEY + ")\\s*(==|=|!=)\\s*(" + VALUE + ")");
  private static final Pattern SET =
      Pattern.compile("(" + KEY + ")\\s+(in|notin)\\s+\\(([^()]*)\\)");
  private static final Pattern EXISTS = Pattern.compile("(!?)\\s*(" + KEY + ")");
  private static final Pattern VALUE_ONLY = Pattern.compile(VALUE);

  private sealed interface Requirement permits Equals, In, Exists {
    boolean matches(Map<String, String> labels);
  }

  private record Equals(String key, String value, boolean negated) implements Requirement {
    public boolean matches(Map<String, String> labels) {
      return value.equals(labels.get(key)) != negated;
    }
  }

  private record In(String key, Set<String> values, boolean negated) implements Requirement {
    public boolean matches(Map<String, String> labels) {
      return (labels.containsKey(key) && values.contains(labels.get(key))) != negated;
    }
  }

  private record Exists(String key, boolean negated) implements Requirement {
    public boolean matches(Map<String, String> labels) {
      return labels.containsKey(key) != negated;
    }
  }

  private final List<Requirement> requirements;

  private LabelSelector(List<Requirement> requirements) {
    this.requirements = List.copyOf(requirements);
  }

  /** Parses {@code text}; empty text selects everything. */
  public static LabelSelector parse(String text) {
    if (text.length() > 1024) {
      throw ApiException.invalid("selector is too long");
    }
    List<Requirement> out = new ArrayList<>();
    for (String part : split(text)) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      Matcher m;
      if ((m = SET.matcher(p)).matches()) {
        List<String> values = new ArrayList<>();
        for (String v : m.group(5).split(",")) {
          String value = v.strip();
          if (!VALUE_ONLY.matcher(value).matches() || value.length() > 63) {
            throw ApiException.invalid(
                "selector value '" + Names.printable(value) + "' is not valid");
          }
          values.add(value);
        }
        out.add(new In(m.group(1), Set.copyOf(values), m.group(4).equals("notin")));
      } else if ((m = EQ.matcher(p)).matches()) {
        out.add(new Equals(m.group(1), m.group(5), m.group(4).equals("!=")));
      } else if ((m = EXISTS.matcher(p)).matches()) {
        out.add(new Exists(m.group(2), m.group(1).equals("!")));
      } else {
        throw ApiException.invalid(
            "selector '" + Names.printable(p) + "' is not a valid label selector requirement");
      }
    }
    return new LabelSelector(out);
  }

  /** Whether {@code labels} satisfy every requirement. */
  public boolean matches(Map<String, String> labels) {
    Map<String, String> l = labels == null ? Map.of() : labels;
    return requirements.stream().allMatch(r -> r.matches(l));
  }

  private static List<String> split(String text) {
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
}
