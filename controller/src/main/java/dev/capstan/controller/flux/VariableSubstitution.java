package dev.capstan.controller.flux;

import dev.capstan.engine.cluster.ObjectTrees;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Flux's {@code postBuild} variable substitution on rendered objects: {@code ${var}}, {@code
 * ${var:=default}} and {@code ${var:-default}} (default when unset or empty), {@code
 * ${var=default}} and {@code ${var-default}} (default when unset); {@code $${var}} is written as
 * the literal {@code ${var}}; {@code $var} without braces is left alone, as Flux does, so shell
 * scripts in ConfigMaps survive. An unset variable without default becomes empty (Flux's default,
 * non-strict mode). Objects annotated or labelled {@value #OPT_OUT}{@code : disabled} are left as
 * they are.
 *
 * <p>Substitution runs on every string value of the object (not on keys). A value that is exactly
 * one variable reference and whose result is an integer or {@code true}/{@code false} becomes that
 * number or boolean when its field is one Kubernetes types as such ({@code replicas}, ports, {@code
 * *Seconds}, {@code *Limit}...), which is what Flux's substitution on YAML text gives for the usual
 * {@code replicas: ${count}}. Pure and thread-safe.
 */
final class VariableSubstitution {

  static final String OPT_OUT = "kustomize.toolkit.fluxcd.io/substitute";
  static final Pattern NAME = Pattern.compile("[_a-zA-Z][_a-zA-Z0-9]*");
  private static final Pattern WHOLE = Pattern.compile("\\$\\{[^}]*\\}");
  private static final Pattern TYPED_KEY =
      Pattern.compile(
          "replicas|minReplicas|maxReplicas|port|targetPort|containerPort|nodePort|hostPort|.*Seconds|.*Limit|.*Replicas|suspend|enabled|automountServiceAccountToken");

  /** Thrown for a malformed expression; the message names it. */
  static final class SubstitutionException extends RuntimeException {
    SubstitutionException(String message) {
      super(message);
    }
  }

  private VariableSubstitution() {}

  /** Substitutes {@code vars} into every object that does not opt out. */
  static List<GenericKubernetesResource> apply(
      List<GenericKubernetesResource> objects, Map<String, String> vars) {
    List<GenericKubernetesResource> out = new ArrayList<>();
    for (GenericKubernetesResource o : objects) {
      if (optedOut(o)) {
        out.add(o);
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> tree = ObjectTrees.mapper().convertValue(o, Map.class);
      @SuppressWarnings("unchecked")
      Map<String, Object> substituted = (Map<String, Object>) walk(tree, "", vars);
      out.add(ObjectTrees.fromMap(substituted));
    }
    return out;
  }

  private static boolean optedOut(GenericKubernetesResource o) {
    var m = o.getMetadata();
    return "disabled"
            .equals(Optional.ofNullable(m.getAnnotations()).map(a -> a.get(OPT_OUT)).orElse(null))
        || "disabled"
            .equals(Optional.ofNullable(m.getLabels()).map(a -> a.get(OPT_OUT)).orElse(null));
  }

  private static Object walk(Object node, String key, Map<String, String> vars) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), walk(v, String.valueOf(k), vars)));
      return out;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(walk(v, key, vars)));
      return out;
    }
    if (node instanceof String s && s.contains("$")) {
      String result = substitute(s, vars);
      if (WHOLE.matcher(s).matches() && TYPED_KEY.matcher(key).matches()) {
        if (result.matches("-?[0-9]+")) {
          try {
            return Long.parseLong(result);
          } catch (NumberFormatException e) {
            return result;
          }
        }
        if (result.equals("true") || result.equals("false")) {
          return Boolean.parseBoolean(result);
        }
      }
      return result;
    }
    return node;
  }

  /** Substitutes one string. */
  static String substitute(String text, Map<String, String> vars) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '$' && text.startsWith("$${", i)) {
        int end = closing(text, i + 2);
        out.append(text, i + 1, end + 1);
        i = end + 1;
      } else if (c == '$' && text.startsWith("${", i)) {
        int end = closing(text, i + 1);
        out.append(evaluate(text.substring(i + 2, end), vars));
        i = end + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static int closing(String text, int open) {
    int depth = 0;
    for (int j = open; j < text.length(); j++) {
      char ch = text.charAt(j);
      if (ch == '{') {
        depth++;
      } else if (ch == '}' && --depth == 0) {
        return j;
      }
    }
    throw new SubstitutionException(
        "variable substitution failed: missing closing brace in '" + text + "'");
  }

  private static String evaluate(String expr, Map<String, String> vars) {
    var m =
        Pattern.compile("^([_a-zA-Z][_a-zA-Z0-9]*)(?:(:=|:-|=|-)(.*))?$", Pattern.DOTALL)
            .matcher(expr);
    if (!m.matches()) {
      throw new SubstitutionException(
          "variable substitution failed: unsupported expression '${" + expr + "}'");
    }
    String value = vars.get(m.group(1));
    String op = m.group(2);
    if (op == null) {
      return value == null ? "" : value;
    }
    boolean useDefault = op.startsWith(":") ? value == null || value.isEmpty() : value == null;
    return useDefault ? substitute(m.group(3), vars) : value;
  }

  /** The variable names that are not valid (Flux refuses them). */
  static List<String> invalidNames(Set<String> names) {
    return names.stream().filter(n -> !NAME.matcher(n).matches()).sorted().toList();
  }
}
