package dev.capstan.kustomize.yaml;

import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes content trees exactly as {@code kubectl kustomize} prints them. kustomize turns each
 * resource into JSON and marshals that with go-yaml v2, so the output has sorted keys (go-yaml's
 * order), block style with sequences not indented under their key, go-yaml's quoting, literal block
 * scalars for multi-line strings, folding of long strings at 80 columns, and numbers as JSON
 * normalizes them (an integral float prints as an integer). Resources are separated by {@code ---};
 * an empty list prints nothing.
 *
 * <p>Stateless and thread-safe.
 */
public final class YamlEmitter {
  private static final int BEST_WIDTH = 80;
  private static final int INDENT = 2;

  private YamlEmitter() {}

  /** All resources, separated by {@code ---} lines, in list order. */
  public static String emitAll(ResourceList resources) {
    StringBuilder sb = new StringBuilder();
    boolean first = true;
    for (Resource r : resources) {
      if (!first) {
        sb.append("---\n");
      }
      first = false;
      new Writer(sb).document(r.content());
    }
    return sb.toString();
  }

  /** One document (a mapping, sequence or scalar), ending in a newline. */
  public static String emit(Object tree) {
    Writer w = new Writer(new StringBuilder());
    w.document(tree);
    return w.sb.toString();
  }

  /** The writer state of one document, mirroring libyaml's column and indent bookkeeping. */
  private static final class Writer {
    final StringBuilder sb;
    int column;
    int indent = -1;
    boolean whitespace = true;
    boolean indention = true;

    Writer(StringBuilder sb) {
      this.sb = sb;
    }

    void document(Object tree) {
      if (tree instanceof Map<?, ?> m && !m.isEmpty()) {
        blockMapping(m, 0);
      } else if (tree instanceof List<?> l && !l.isEmpty()) {
        blockSequence(l, 0);
      } else {
        indent = 0;
        scalarNode(tree, 0, false);
      }
      // document end: a final line break unless a block scalar already ended with one
      indent = -1;
      writeIndent();
    }

    // ---- structure --------------------------------------------------------------------------

    /** Keys at column {@code ind} (the first may follow "- " or ": " on the current line). */
    void blockMapping(Map<?, ?> m, int ind) {
      List<String> keys = new ArrayList<>(m.size());
      for (Object k : m.keySet()) {
        keys.add(String.valueOf(k));
      }
      keys.sort(GoKeyOrder.INSTANCE);
      for (String k : keys) {
        indent = ind;
        writeIndent();
        Object v = m.get(k);
        if (complexKey(k)) {
          // libyaml's "? key / : value" form for keys too long or multi-line to be simple
          putIndicator("?", true, true);
          writeString(k, ind + INDENT, false);
          indent = ind;
          writeIndent();
          putIndicator(":", true, true);
          value(v, ind, false);
          continue;
        }
        writeString(k, ind, true);
        putIndicator(":", false);
        value(v, ind, true);
      }
    }

    /** Items at column {@code ind} (the first may follow an indicator on the current line). */
    void blockSequence(List<?> l, int ind) {
      for (Object item : l) {
        indent = ind;
        writeIndent();
        putIndicator("-", true);
        value(item, ind, false);
      }
    }

    /** A node after "key:" (mapping value) or "-" (sequence item) at structure indent ind. */
    void value(Object v, int ind, boolean mappingValue) {
      if (v instanceof Map<?, ?> m) {
        if (m.isEmpty()) {
          flowEmpty("{}");
        } else {
          blockMapping(m, ind + INDENT);
        }
      } else if (v instanceof List<?> l) {
        if (l.isEmpty()) {
          flowEmpty("[]");
        } else if (mappingValue) {
          // go-yaml does not indent a sequence under its mapping key
          blockSequence(l, ind);
        } else {
          blockSequence(l, ind + INDENT);
        }
      } else {
        scalarNode(v, ind + INDENT, false);
      }
    }

    void flowEmpty(String s) {
      if (!whitespace) {
        put(' ');
      }
      sb.append(s);
      column += 2;
      whitespace = false;
      indention = false;
    }

    // ---- scalars ----------------------------------------------------------------------------

    void scalarNode(Object v, int scalarIndent, boolean key) {
      if (v instanceof String s) {
        writeString(s, scalarIndent, key);
      } else {
        plainToken(nonString(v));
      }
    }

    static String nonString(Object v) {
      if (v == null) {
        return "null";
      }
      if (v instanceof Boolean b) {
        return b ? "true" : "false";
      }
      if (v instanceof Long || v instanceof Integer) {
        return v.toString();
      }
      if (v instanceof BigInteger b) {
        if (b.signum() >= 0 ? b.bitLength() <= 64 : b.bitLength() <= 63) {
          return b.toString();
        }
        return goFloat(b.doubleValue());
      }
      if (v instanceof Double d) {
        return number(d);
      }
      if (v instanceof Number n) {
        return number(n.doubleValue());
      }
      return String.valueOf(v);
    }

    /** A float after the JSON round trip: integral values (|d| < 1e21) become integers. */
    static String number(double d) {
      if (Double.isNaN(d)) {
        return ".nan";
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? ".inf" : "-.inf";
      }
      if (d == Math.rint(d) && Math.abs(d) < 1e21) {
        BigInteger b = new BigDecimal(d).toBigInteger();
        if (b.signum() >= 0 ? b.bitLength() <= 64 : b.bitLength() <= 63) {
          return b.toString();
        }
      }
      return goFloat(d);
    }

    /** Go's strconv.FormatFloat(d, 'g', -1, 64). */
    static String goFloat(double d) {
      if (d == 0) {
        return (1 / d < 0) ? "-0" : "0";
      }
      BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
      String digits = bd.unscaledValue().toString();
      int exp = digits.length() - bd.scale() - 1;
      String sign = d < 0 ? "-" : "";
      int eprec = 6;
      if (exp < -4 || exp >= eprec) {
        StringBuilder s = new StringBuilder(sign).append(digits.charAt(0));
        if (digits.length() > 1) {
          s.append('.').append(digits, 1, digits.length());
        }
        s.append('e').append(exp < 0 ? '-' : '+');
        int ae = Math.abs(exp);
        if (ae < 10) {
          s.append('0');
        }
        return s.append(ae).toString();
      }
      if (exp < 0) {
        return sign + "0." + "0".repeat(-exp - 1) + digits;
      }
      if (digits.length() <= exp + 1) {
        return sign + digits + "0".repeat(exp + 1 - digits.length());
      }
      return sign + digits.substring(0, exp + 1) + "." + digits.substring(exp + 1);
    }

    void plainToken(String s) {
      if (!whitespace) {
        put(' ');
      }
      sb.append(s);
      column += s.length();
      whitespace = false;
      indention = false;
    }

    void writeString(String s, int scalarIndent, boolean key) {
      int saved = indent;
      indent = scalarIndent;
      switch (ScalarStyle.select(s, key)) {
        case PLAIN -> writePlain(s, !key);
        case SINGLE -> writeSingle(s, !key);
        case DOUBLE -> writeDouble(s, !key);
        case LITERAL -> writeLiteral(s);
      }
      indent = saved;
    }

    void writePlain(String s, boolean allowBreaks) {
      if (!whitespace) {
        put(' ');
      }
      int[] cp = ScalarStyle.codePointsIfSurrogates(s);
      int len = cp == null ? s.length() : cp.length;
      if (cp == null && column + len <= BEST_WIDTH) {
        // no space of it can come after column 80, so nothing folds
        sb.append(s);
        column += len;
        whitespace = false;
        indention = false;
        return;
      }
      boolean spaces = false;
      for (int i = 0; i < len; i++) {
        int c = at(s, cp, i);
        if (c == ' ') {
          if (allowBreaks
              && !spaces
              && column > BEST_WIDTH
              && !(i + 1 < len && at(s, cp, i + 1) == ' ')) {
            writeIndent();
          } else {
            write(c);
          }
          spaces = true;
        } else {
          write(c);
          spaces = false;
        }
      }
      whitespace = false;
      indention = false;
    }

    void writeSingle(String s, boolean allowBreaks) {
      putIndicator("'", true);
      int[] cp = ScalarStyle.codePointsIfSurrogates(s);
      int len = cp == null ? s.length() : cp.length;
      boolean spaces = false;
      boolean breaks = false;
      for (int i = 0; i < len; i++) {
        int c = at(s, cp, i);
        if (c == ' ') {
          if (allowBreaks
              && !spaces
              && column > BEST_WIDTH
              && i > 0
              && i < len - 1
              && at(s, cp, i + 1) != ' ') {
            writeIndent();
          } else {
            write(c);
          }
          spaces = true;
        } else if (ScalarStyle.isBreak(c)) {
          if (!breaks && c == '\n') {
            putBreak();
          }
          writeBreak(c);
          indention = true;
          breaks = true;
        } else {
          if (breaks) {
            writeIndent();
          }
          if (c == '\'') {
            put('\'');
          }
          write(c);
          indention = false;
          spaces = false;
          breaks = false;
        }
      }
      putIndicator("'", false);
      whitespace = false;
      indention = false;
    }

    void writeDouble(String s, boolean allowBreaks) {
      putIndicator("\"", true);
      int[] cp = ScalarStyle.codePointsIfSurrogates(s);
      int len = cp == null ? s.length() : cp.length;
      boolean spaces = false;
      for (int i = 0; i < len; i++) {
        int c = at(s, cp, i);
        if (!ScalarStyle.printable(c)
            || c == 0xFEFF
            || ScalarStyle.isBreak(c)
            || c == '"'
            || c == '\\') {
          put('\\');
          switch (c) {
            case 0x00 -> put('0');
            case 0x07 -> put('a');
            case 0x08 -> put('b');
            case 0x09 -> put('t');
            case 0x0A -> put('n');
            case 0x0B -> put('v');
            case 0x0C -> put('f');
            case 0x0D -> put('r');
            case 0x1B -> put('e');
            case 0x22 -> put('"');
            case 0x5C -> put('\\');
            case 0x85 -> put('N');
            case 0xA0 -> put('_');
            case 0x2028 -> put('L');
            case 0x2029 -> put('P');
            default -> {
              int w;
              if (c <= 0xFF) {
                put('x');
                w = 2;
              } else if (c <= 0xFFFF) {
                put('u');
                w = 4;
              } else {
                put('U');
                w = 8;
              }
              for (int k = (w - 1) * 4; k >= 0; k -= 4) {
                int digit = (c >> k) & 0x0F;
                put((char) (digit < 10 ? '0' + digit : 'A' + digit - 10));
              }
            }
          }
          spaces = false;
        } else if (c == ' ') {
          if (allowBreaks && !spaces && column > BEST_WIDTH && i != 0 && i != len - 1) {
            writeIndent();
            if (i + 1 < len && at(s, cp, i + 1) == ' ') {
              put('\\');
            }
          } else {
            write(c);
          }
          spaces = true;
        } else {
          write(c);
          spaces = false;
        }
      }
      putIndicator("\"", false);
      whitespace = false;
      indention = false;
    }

    void writeLiteral(String s) {
      putIndicator("|", true);
      int[] cp = ScalarStyle.codePointsIfSurrogates(s);
      int len = cp == null ? s.length() : cp.length;
      if (len > 0 && (at(s, cp, 0) == ' ' || ScalarStyle.isBreak(at(s, cp, 0)))) {
        putIndicator(String.valueOf(INDENT), false);
      }
      String chomp = null;
      if (len == 0) {
        chomp = "-";
      } else {
        int last = len - 1;
        if (!ScalarStyle.isBreak(at(s, cp, last))) {
          chomp = "-";
        } else if (last == 0) {
          chomp = "+";
        } else if (ScalarStyle.isBreak(at(s, cp, last - 1))) {
          chomp = "+";
        }
      }
      if (chomp != null) {
        putIndicator(chomp, false);
      }
      putBreak();
      indention = true;
      whitespace = true;
      boolean breaks = true;
      for (int i = 0; i < len; i++) {
        int c = at(s, cp, i);
        if (ScalarStyle.isBreak(c)) {
          writeBreak(c);
          indention = true;
          breaks = true;
        } else {
          if (breaks) {
            writeIndent();
          }
          write(c);
          indention = false;
          breaks = false;
        }
      }
    }

    private static int at(String s, int[] cp, int i) {
      return cp == null ? s.charAt(i) : cp[i];
    }

    // ---- low level ----------------------------------------------------------------------------

    void putIndicator(String ind, boolean needWhitespace) {
      putIndicator(ind, needWhitespace, ind.equals("-"));
    }

    void putIndicator(String ind, boolean needWhitespace, boolean isIndention) {
      if (needWhitespace && !whitespace) {
        put(' ');
      }
      sb.append(ind);
      column += ind.length();
      whitespace = false;
      indention = indention && isIndention;
    }

    /** go-yaml writes a key in the complex form when it is multi-line or over 128 bytes. */
    static boolean complexKey(String k) {
      if (k.length() > 128 / 4
          && k.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 128) {
        return true;
      }
      for (int i = 0; i < k.length(); i++) {
        if (ScalarStyle.isBreak(k.charAt(i))) {
          return true;
        }
      }
      return false;
    }

    void writeIndent() {
      int ind = Math.max(indent, 0);
      if (!indention || column > ind || (column == ind && !whitespace)) {
        putBreak();
      }
      while (column < ind) {
        put(' ');
      }
      whitespace = true;
      indention = true;
    }

    void put(char c) {
      sb.append(c);
      column++;
    }

    void putBreak() {
      sb.append('\n');
      column = 0;
    }

    void write(int c) {
      sb.appendCodePoint(c);
      column++;
    }

    void writeBreak(int c) {
      if (c == '\n') {
        putBreak();
      } else {
        sb.appendCodePoint(c);
        column = 0;
      }
    }
  }
}
