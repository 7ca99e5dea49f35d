package dev.capstan.server.rbac;

import java.util.ArrayList;
import java.util.List;

/**
 * Argo CD's {@code policy.csv}: one rule a line, {@code p, subject, resource, action, object,
 * effect} or {@code g, subject, role}; blank lines and {@code #} comments are skipped, fields are
 * trimmed. Quoted fields ({@code "a, b"}) keep their commas, as in Casbin's CSV.
 *
 * @param policies the {@code p} rules, each of five fields
 * @param groupings the {@code g} rules, each of two fields
 */
public record PolicyCsv(List<List<String>> policies, List<List<String>> groupings) {

  public PolicyCsv {
    policies = List.copyOf(policies);
    groupings = List.copyOf(groupings);
  }

  /** Parses {@code text}; a malformed line is an {@link RbacException} naming it. */
  public static PolicyCsv parse(String text) {
    List<List<String>> policies = new ArrayList<>();
    List<List<String>> groupings = new ArrayList<>();
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      List<String> fields = fields(line);
      String type = fields.getFirst();
      switch (type) {
        case "p" -> {
          if (fields.size() != 6 && fields.size() != 5) {
            throw new RbacException(
                "policy.csv line "
                    + (i + 1)
                    + ": a p rule has 5 fields after 'p' (subject, resource, action, object, effect): "
                    + line);
          }
          String effect = fields.size() == 6 ? fields.get(5) : "allow";
          if (!effect.equals("allow") && !effect.equals("deny")) {
            throw new RbacException(
                "policy.csv line "
                    + (i + 1)
                    + ": effect must be allow or deny, not '"
                    + effect
                    + "'");
          }
          policies.add(List.of(fields.get(1), fields.get(2), fields.get(3), fields.get(4), effect));
        }
        case "g" -> {
          if (fields.size() != 3) {
            throw new RbacException(
                "policy.csv line "
                    + (i + 1)
                    + ": a g rule has 2 fields after 'g' (subject, role): "
                    + line);
          }
          groupings.add(List.of(fields.get(1), fields.get(2)));
        }
        default ->
            throw new RbacException(
                "policy.csv line " + (i + 1) + ": unknown rule type '" + type + "' (p or g)");
      }
    }
    return new PolicyCsv(policies, groupings);
  }

  /** Both policies, this one's rules after {@code other}'s. */
  public PolicyCsv after(PolicyCsv other) {
    List<List<String>> p = new ArrayList<>(other.policies);
    p.addAll(policies);
    List<List<String>> g = new ArrayList<>(other.groupings);
    g.addAll(groupings);
    return new PolicyCsv(p, g);
  }

  private static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.add(field.toString().strip());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString().strip());
    return fields;
  }
}
