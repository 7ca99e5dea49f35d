package dev.capstan.kustomize.patch;

import dev.capstan.kustomize.KustomizeException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads the first document of a YAML text the way kustomize turns a YAML JSON patch into JSON
 * (sigs.k8s.io/yaml, i.e. go-yaml v2): plain scalars resolve by YAML 1.1, so {@code yes}, {@code
 * on}, {@code y} are booleans, {@code 0777} is octal and {@code 1_000} a number. Quoted scalars
 * stay strings. Only JSON patches use this; everything else is YAML 1.2 as in kyaml.
 */
final class Yaml11Reader {
  private static final Set<String> TRUE =
      Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
  private static final Set<String> FALSE =
      Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");

  private Yaml11Reader() {}

  /** The first document (null when the text has none). */
  static Object readFirst(String text, String source) {
    LoadSettings settings =
        LoadSettings.builder().setLabel(source).setMaxAliasesForCollections(10_000).build();
    try {
      for (Node n : new Compose(settings).composeAllFromString(text)) {
        return convert(n, new IdentityHashMap<>(), 0);
      }
      return null;
    } catch (YamlEngineException e) {
      throw new KustomizeException(
          source + ": invalid YAML: " + e.getMessage().replaceAll("\\s*\\n\\s*", " "), e);
    }
  }

  private static Object convert(Node node, Map<Node, Boolean> onPath, int depth) {
    if (depth > 1000 || onPath.containsKey(node)) {
      throw new KustomizeException("YAML nesting too deep or recursive");
    }
    if (node instanceof ScalarNode s) {
      return scalar(s);
    }
    onPath.put(node, true);
    try {
      if (node instanceof SequenceNode seq) {
        List<Object> out = new ArrayList<>();
        for (Node n : seq.getValue()) {
          out.add(convert(n, onPath, depth + 1));
        }
        return out;
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (NodeTuple t : ((MappingNode) node).getValue()) {
        Object key = convert(t.getKeyNode(), onPath, depth + 1);
        out.put(
            key == null ? "null" : String.valueOf(key),
            convert(t.getValueNode(), onPath, depth + 1));
      }
      return out;
    } finally {
      onPath.remove(node);
    }
  }

  private static Object scalar(ScalarNode s) {
    String v = s.getValue();
    // Only quoting matters: the composer's own tag for a plain scalar is a YAML 1.2 guess.
    if (s.getScalarStyle() != ScalarStyle.PLAIN) {
      return v;
    }
    if (v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL")) {
      return null;
    }
    if (TRUE.contains(v)) {
      return Boolean.TRUE;
    }
    if (FALSE.contains(v)) {
      return Boolean.FALSE;
    }
    String plain = v.replace("_", "");
    Object n = integer(plain);
    if (n != null) {
      return n;
    }
    if (plain.matches("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?")) {
      return Double.parseDouble(plain);
    }
    return v;
  }

  /** Go's strconv.ParseInt(s, 0, 64): decimal, 0x hex, 0 octal, 0b binary. */
  private static Object integer(String s) {
    String digits = s;
    boolean negative = false;
    if (digits.startsWith("-") || digits.startsWith("+")) {
      negative = digits.startsWith("-");
      digits = digits.substring(1);
    }
    int radix = 10;
    if (digits.startsWith("0x") || digits.startsWith("0X")) {
      radix = 16;
      digits = digits.substring(2);
    } else if (digits.startsWith("0b") || digits.startsWith("0B")) {
      radix = 2;
      digits = digits.substring(2);
    } else if (digits.startsWith("0o") || digits.startsWith("0O")) {
      radix = 8;
      digits = digits.substring(2);
    } else if (digits.length() > 1 && digits.startsWith("0")) {
      radix = 8;
      digits = digits.substring(1);
    }
    if (digits.isEmpty()) {
      return null;
    }
    try {
      BigInteger b = new BigInteger(digits, radix);
      if (negative) {
        b = b.negate();
      }
      return b.bitLength() < 64 ? (Object) b.longValue() : b;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
