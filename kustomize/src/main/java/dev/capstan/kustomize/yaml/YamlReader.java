package dev.capstan.kustomize.yaml;

import dev.capstan.kustomize.KustomizeException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Parses YAML (or JSON) text into the JSON-like trees of {@link dev.capstan.kustomize.resource}.
 * Scalars resolve by the YAML 1.2 core schema, as kustomize's yaml.v3 reader does; anchors and
 * aliases are expanded, merge keys ({@code <<}) applied, and duplicate keys rejected.
 *
 * <p>Stateless and thread-safe.
 */
public final class YamlReader {
  private static final int MAX_ALIAS_EXPANSION = 10_000_000;

  /**
   * The deepest nesting of collections accepted. kubectl allows 10000, but every later step of a
   * build recurses over the tree; 1000 keeps them within a default thread stack, and no real
   * manifest comes close.
   */
  private static final int MAX_DEPTH = 1000;

  /** The largest document text read (also SnakeYAML's code point limit). */
  private static final int MAX_CHARS = 64 * 1024 * 1024;

  /** The core schema's resolvers are built once and only read afterwards. */
  static final CoreSchema CORE_SCHEMA = new CoreSchema();

  private YamlReader() {}

  private static LoadSettings settings(String label) {
    return LoadSettings.builder()
        .setLabel(label)
        .setSchema(CORE_SCHEMA)
        .setAllowDuplicateKeys(false)
        .setMaxAliasesForCollections(10_000)
        .setCodePointLimit(MAX_CHARS)
        .setUseMarks(true)
        .build();
  }

  /**
   * Every document of a multi-document stream, in order; empty documents (null or only comments)
   * are left out. A document may be any node (mapping, sequence or scalar).
   *
   * @param source the file name used in error messages
   */
  public static List<Object> readAll(String text, String source) {
    return readAll(text, source, false);
  }

  /**
   * Like {@link #readAll(String, String)}; with {@code allowDuplicateKeys} a repeated mapping key
   * replaces the earlier value (how kustomization files are read) instead of failing (how resources
   * are read).
   */
  public static List<Object> readAll(String text, String source, boolean allowDuplicateKeys) {
    if (text.length() > MAX_CHARS) {
      // refuse before scanning: a huge input would otherwise be scanned up to the limit first
      throw new KustomizeException(
          source
              + ": invalid YAML: input of "
              + text.length()
              + " characters exceeds the limit of "
              + MAX_CHARS);
    }
    Optional<List<Object>> plain = EventTreeBuilder.read(text, allowDuplicateKeys);
    if (plain.isPresent()) {
      return plain.get();
    }
    return readComposed(text, source, allowDuplicateKeys);
  }

  /** The full reader: SnakeYAML's node graph, converted (anchors, tags, merge keys, errors). */
  static List<Object> readComposed(String text, String source, boolean allowDuplicateKeys) {
    List<Object> out = new ArrayList<>();
    try {
      for (Node n : new Compose(settings(source)).composeAllFromString(text)) {
        Object tree;
        try {
          tree = new Converter(allowDuplicateKeys).convert(n);
        } catch (KustomizeException e) {
          // alias bombs and recursive aliases: name the file like every other YAML error
          throw new KustomizeException(source + ": " + e.getMessage(), e);
        }
        if (tree != null) {
          out.add(tree);
        }
      }
    } catch (YamlEngineException e) {
      throw new KustomizeException(source + ": invalid YAML: " + oneLine(e.getMessage()), e);
    } catch (StackOverflowError e) {
      throw new KustomizeException(source + ": invalid YAML: nesting too deep");
    }
    return out;
  }

  /** The single document of {@code text} (null when empty); fails when there are several. */
  public static Object readOne(String text, String source) {
    return readOne(text, source, false);
  }

  /** {@link #readOne(String, String)} with the duplicate-key policy of {@link #readAll}. */
  public static Object readOne(String text, String source, boolean allowDuplicateKeys) {
    List<Object> docs = readAll(text, source, allowDuplicateKeys);
    if (docs.size() > 1) {
      throw new KustomizeException(source + ": expected one YAML document, found " + docs.size());
    }
    return docs.isEmpty() ? null : docs.get(0);
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s*\\n\\s*", " ").trim();
  }

  /** Converts one composed node graph, counting alias expansion to stop "billion laughs". */
  private static final class Converter {
    private final boolean allowDuplicateKeys;
    private long expanded;

    Converter(boolean allowDuplicateKeys) {
      this.allowDuplicateKeys = allowDuplicateKeys;
    }

    private final IdentityHashMap<Node, Boolean> inProgress = new IdentityHashMap<>();

    Object convert(Node node) {
      if (++expanded > MAX_ALIAS_EXPANSION) {
        throw new KustomizeException("invalid YAML: document expands too far (alias bomb?)");
      }
      if (node instanceof ScalarNode s) {
        return allowDuplicateKeys ? configScalar(s) : resourceScalar(s);
      }
      if (inProgress.put(node, Boolean.TRUE) != null) {
        throw new KustomizeException("invalid YAML: recursive alias");
      }
      if (inProgress.size() > MAX_DEPTH) { // the nodes being converted are the current nesting
        throw new KustomizeException("invalid YAML: nested deeper than " + MAX_DEPTH + " levels");
      }
      try {
        if (node instanceof SequenceNode seq) {
          List<Object> list = new ArrayList<>(seq.getValue().size());
          for (Node item : seq.getValue()) {
            list.add(convert(item));
          }
          return list;
        }
        MappingNode m = (MappingNode) node;
        Map<String, Object> map = new LinkedHashMap<>();
        List<NodeTuple> merges = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
          Node k = t.getKeyNode();
          if (k instanceof ScalarNode ks && ks.getTag().equals(Tag.MERGE)
              || k instanceof ScalarNode ks2 && "<<".equals(ks2.getValue()) && ks2.isPlain()) {
            merges.add(t);
            continue;
          }
          String key = key(k);
          if (!allowDuplicateKeys && map.containsKey(key)) {
            throw new KustomizeException(
                "invalid YAML: mapping key \"" + key + "\" already defined" + at(k));
          }
          map.put(key, convert(t.getValueNode()));
        }
        for (NodeTuple t : merges) {
          applyMerge(map, t.getValueNode());
        }
        return map;
      } finally {
        inProgress.remove(node);
      }
    }

    private static String at(Node n) {
      return n.getStartMark().map(m -> " at line " + (m.getLine() + 1)).orElse("");
    }

    @SuppressWarnings("unchecked")
    private void applyMerge(Map<String, Object> map, Node value) {
      List<Node> sources = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
      for (Node src : sources) {
        Object converted = convert(src);
        if (!(converted instanceof Map<?, ?> m)) {
          throw new KustomizeException("invalid YAML: map merge requires map or sequence of maps");
        }
        for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
          map.putIfAbsent(e.getKey(), e.getValue());
        }
      }
    }

    private String key(Node k) {
      if (k instanceof ScalarNode s) {
        Object v = scalar(s);
        if (!allowDuplicateKeys && !(v instanceof String)) {
          // kustomize turns resources into JSON, which has string keys only
          throw new KustomizeException(
              "invalid YAML: mapping key '" + s.getValue() + "' is not a string" + at(k));
        }
        if (v == null) {
          return "null";
        }
        return s.getValue();
      }
      throw new KustomizeException("invalid YAML: a mapping key must be a scalar");
    }
  }

  private static final java.util.regex.Pattern TIMESTAMP =
      java.util.regex.Pattern.compile(
          "([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
              + "(?:([Tt ])([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\\.([0-9]{1,9}))?"
              + "(Z|[-+][0-9]{2}:[0-9]{2})?)?");

  /**
   * A scalar as kustomize's resource reader (yaml.v3 decoding, then JSON) leaves it: plain
   * timestamps become RFC 3339 text, {@code !!binary} its decoded text, old-style octal ints
   * ({@code 017}) octal, and floats beyond the double range stay text.
   */
  static Object resourceScalar(ScalarNode s) {
    return resourceScalar(s.getTag(), s.getValue(), s.isPlain());
  }

  /** {@link #resourceScalar(ScalarNode)} from a scalar's resolved tag, text and style. */
  static Object resourceScalar(Tag tag, String v, boolean plain) {
    if (tag.equals(Tag.STR) && plain) {
      String ts = timestamp(v);
      if (ts != null) {
        return ts;
      }
    }
    if (tag.equals(Tag.BINARY)) {
      try {
        return new String(
            java.util.Base64.getMimeDecoder().decode(v), java.nio.charset.StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return v;
      }
    }
    if (tag.equals(Tag.INT)) {
      String t = v.startsWith("-") || v.startsWith("+") ? v.substring(1) : v;
      if (t.length() > 1 && t.charAt(0) == '0' && t.chars().allMatch(Character::isDigit)) {
        if (t.chars().allMatch(c -> c <= '7')) {
          Object o = parseInt((v.startsWith("-") ? "-0o" : "0o") + t.substring(1));
          return o;
        }
      }
    }
    Object o = scalar(tag, v);
    if (o instanceof Double d
        && d.isInfinite()
        && tag.equals(Tag.FLOAT)
        && !v.toLowerCase(java.util.Locale.ROOT).contains("inf")) {
      return v;
    }
    return o;
  }

  private static final java.util.Set<String> YAML11_TRUE =
      java.util.Set.of("y", "Y", "yes", "Yes", "YES", "on", "On", "ON");
  private static final java.util.Set<String> YAML11_FALSE =
      java.util.Set.of("n", "N", "no", "No", "NO", "off", "Off", "OFF");

  /**
   * A scalar of a kustomization or configuration file, which kustomize decodes with go-yaml v2's
   * YAML 1.1 rules: {@code yes}, {@code no}, {@code on}, {@code off}, {@code y}, {@code n} are
   * booleans there (so {@code namespace: no} is not a string).
   */
  static Object configScalar(ScalarNode s) {
    return configScalar(s.getTag(), s.getValue(), s.isPlain());
  }

  /** {@link #configScalar(ScalarNode)} from a scalar's resolved tag, text and style. */
  static Object configScalar(Tag tag, String v, boolean plain) {
    if (plain && tag.equals(Tag.STR)) {
      if (YAML11_TRUE.contains(v)) {
        return Boolean.TRUE;
      }
      if (YAML11_FALSE.contains(v)) {
        return Boolean.FALSE;
      }
    }
    return scalar(tag, v);
  }

  /** Go's RFC 3339 rendering of a YAML timestamp, or null when the text is not one. */
  static String timestamp(String v) {
    if (v.length() < 8 || !Character.isDigit(v.charAt(0))) {
      return null;
    }
    java.util.regex.Matcher m = TIMESTAMP.matcher(v);
    if (!m.matches()) {
      return null;
    }
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    try {
      java.time.LocalDate.of(year, month, day);
    } catch (java.time.DateTimeException e) {
      return null;
    }
    StringBuilder sb = new StringBuilder(String.format("%04d-%02d-%02dT", year, month, day));
    if (m.group(4) == null) {
      return sb.append("00:00:00Z").toString();
    }
    int h = Integer.parseInt(m.group(5));
    int mi = Integer.parseInt(m.group(6));
    int se = Integer.parseInt(m.group(7));
    if (h > 23 || mi > 59 || se > 59) {
      return null;
    }
    if (m.group(4).equals(" ") && m.group(9) != null) {
      return null; // the space-separated form takes no zone in yaml.v3
    }
    sb.append(String.format("%02d:%02d:%02d", h, mi, se));
    String frac = m.group(8);
    if (frac != null) {
      frac = frac.replaceAll("0+$", "");
      if (!frac.isEmpty()) {
        sb.append('.').append(frac);
      }
    }
    String zone = m.group(9);
    sb.append(zone == null || zone.equals("Z") || zone.equals("+00:00") ? "Z" : zone);
    return sb.toString();
  }

  /** Resolves a scalar by its (implicit or explicit) tag. */
  static Object scalar(ScalarNode s) {
    return scalar(s.getTag(), s.getValue());
  }

  /** {@link #scalar(ScalarNode)} from a scalar's resolved tag and text. */
  static Object scalar(Tag tag, String v) {
    if (tag.equals(Tag.STR)) {
      return v;
    }
    if (tag.equals(Tag.NULL)) {
      return null;
    }
    if (tag.equals(Tag.BOOL)) {
      return v.equalsIgnoreCase("true");
    }
    if (tag.equals(Tag.INT)) {
      return parseInt(v);
    }
    if (tag.equals(Tag.FLOAT)) {
      return parseFloat(v);
    }
    return v;
  }

  static Object parseInt(String v) {
    String s = v.replace("_", "");
    int sign = 1;
    if (s.startsWith("-")) {
      sign = -1;
      s = s.substring(1);
    } else if (s.startsWith("+")) {
      s = s.substring(1);
    }
    int radix = 10;
    if (s.startsWith("0x") || s.startsWith("0X")) {
      radix = 16;
      s = s.substring(2);
    } else if (s.startsWith("0o") || s.startsWith("0O")) {
      radix = 8;
      s = s.substring(2);
    } else if (s.startsWith("0b") || s.startsWith("0B")) {
      radix = 2;
      s = s.substring(2);
    }
    try {
      BigInteger b = new BigInteger(s, radix);
      if (sign < 0) {
        b = b.negate();
      }
      return b.bitLength() < 64 ? (Object) b.longValue() : b;
    } catch (NumberFormatException e) {
      return v;
    }
  }

  static Object parseFloat(String v) {
    String s = v.replace("_", "");
    switch (s) {
      case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
        return Double.POSITIVE_INFINITY;
      case "-.inf", "-.Inf", "-.INF":
        return Double.NEGATIVE_INFINITY;
      case ".nan", ".NaN", ".NAN":
        return Double.NaN;
      default:
        try {
          return Double.parseDouble(s);
        } catch (NumberFormatException e) {
          return v;
        }
    }
  }
}
