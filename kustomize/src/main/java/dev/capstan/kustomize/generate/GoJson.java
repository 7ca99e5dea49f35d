package dev.capstan.kustomize.generate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Encodes a content tree as Go's {@code encoding/json} {@code Marshal} does for the values that
 * {@code yaml.Unmarshal} into {@code interface{}} produces: mapping keys sorted by their UTF-8
 * bytes, HTML-safe escaping of {@code <}, {@code >} and {@code &}, and Go's float formatting. The
 * content hash of kustomize is taken over this text, so it must match byte for byte.
 */
final class GoJson {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoJson() {}

  /** The JSON text of a tree node. */
  static String encode(Object node) {
    StringBuilder out = new StringBuilder(256);
    write(out, node, false);
    return out.toString();
  }

  /**
   * The JSON text of a tree node in which every integer is first widened to a float64, as happens
   * when Go decodes JSON into {@code interface{}} (kustomize does so for ConfigMap and Secret
   * data).
   */
  static String encodeWithFloatNumbers(Object node) {
    StringBuilder out = new StringBuilder(256);
    write(out, node, true);
    return out.toString();
  }

  private static void write(StringBuilder out, Object node, boolean floats) {
    switch (node) {
      case null -> out.append("null");
      case String s -> string(out, s);
      case Boolean b -> out.append(b ? "true" : "false");
      case Long l -> out.append(floats ? goFloat(l.doubleValue()) : Long.toString(l));
      case Integer i -> out.append(floats ? goFloat(i.doubleValue()) : Integer.toString(i));
      case BigInteger b -> out.append(floats ? goFloat(b.doubleValue()) : b.toString());
      case Double d -> out.append(goFloat(d));
      case Map<?, ?> map -> object(out, map, floats);
      case List<?> list -> {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(out, list.get(i), floats);
        }
        out.append(']');
      }
      default -> string(out, node.toString());
    }
  }

  private static void object(StringBuilder out, Map<?, ?> map, boolean floats) {
    List<String> keys = new ArrayList<>(map.size());
    for (Object k : map.keySet()) {
      keys.add(String.valueOf(k));
    }
    byte[][] utf8 = new byte[keys.size()][];
    Integer[] order = new Integer[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      utf8[i] = keys.get(i).getBytes(StandardCharsets.UTF_8);
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(utf8[a], utf8[b]));
    out.append('{');
    boolean first = true;
    for (int idx : order) {
      if (!first) {
        out.append(',');
      }
      first = false;
      String key = keys.get(idx);
      string(out, key);
      out.append(':');
      write(out, map.get(key), floats);
    }
    out.append('}');
  }

  /** Go's string escaping with HTML-safe output (the json.Marshal default). */
  static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(out, c);
        default -> {
          if (c < 0x20) {
            unicodeEscape(out, c);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            out.append('\ufffd'); // Go replaces invalid UTF-8 with U+FFFD
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void unicodeEscape(StringBuilder out, char c) {
    out.append("\\u00");
    if (c > 0xff) {
      out.setLength(out.length() - 2);
      out.append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf]);
    }
    out.append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
  }

  /** Go's encoding of a float64: shortest digits, 'f' form in [1e-6, 1e21), else 'e' form. */
  static String goFloat(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      // Go refuses these; kustomize would fail. Keep a stable, distinct text.
      return Double.toString(d);
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0" : "0";
    }
    BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    double abs = Math.abs(d);
    if (abs >= 1e-6 && abs < 1e21) {
      return exact.toPlainString();
    }
    String unscaled = exact.unscaledValue().abs().toString();
    int exponent = unscaled.length() - 1 - exact.scale();
    StringBuilder b = new StringBuilder();
    if (d < 0) {
      b.append('-');
    }
    b.append(unscaled.charAt(0));
    if (unscaled.length() > 1) {
      b.append('.').append(unscaled, 1, unscaled.length());
    }
    b.append('e').append(exponent < 0 ? '-' : '+');
    int e = Math.abs(exponent);
    if (e < 10) {
      b.append('0'); // Go writes at least two exponent digits, then trims e-09 to e-9 only
    }
    b.append(e);
    String text = b.toString();
    // encoding/json cleans up "e-09" to "e-9" (but keeps "e+09"... as "e+09")
    int n = text.length();
    if (n >= 4
        && text.charAt(n - 4) == 'e'
        && text.charAt(n - 3) == '-'
        && text.charAt(n - 2) == '0') {
      text = text.substring(0, n - 2) + text.charAt(n - 1);
    }
    return text;
  }
}
