package dev.capstan.kustomize.yaml;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides how go-yaml v2 writes a string scalar: plain, single-quoted, double-quoted or literal. A
 * string that would read back as another type (bool, null, number, timestamp, base-60 float) is
 * double-quoted; otherwise libyaml's scalar analysis picks the first style the text allows.
 */
final class ScalarStyle {
  enum Style {
    PLAIN,
    SINGLE,
    DOUBLE,
    LITERAL
  }

  private static final Set<String> SPECIAL =
      Set.of(
          "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON", "n", "N", "no",
          "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF", "", "~", "null", "Null",
          "NULL", ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF",
          "-.inf", "-.Inf", "-.INF", "<<");

  private static final Pattern YAML_FLOAT =
      Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
  private static final Pattern BASE60 =
      Pattern.compile("^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?$");
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
              + "(?:(?:[Tt]|[ ])[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\\.[0-9]{1,9})?"
              + "(?:Z|[-+][0-9]{2}:[0-9]{2})?)?$");

  private ScalarStyle() {}

  /** Whether go-yaml v2 would read the plain text as something other than a string. */
  static boolean resolvesToNonString(String s) {
    if (SPECIAL.contains(s)) {
      return true;
    }
    char c = s.charAt(0);
    if (c == '.') {
      return parsesAsGoFloat(s);
    }
    if (c == '+' || c == '-' || (c >= '0' && c <= '9')) {
      if (TIMESTAMP.matcher(s).matches() && validTimestamp(s)) {
        return true;
      }
      String plain = s.replace("_", "");
      if (parsesAsGoInt(plain)) {
        return true;
      }
      if (YAML_FLOAT.matcher(plain).matches() && finite(plain)) {
        return true;
      }
      if (plain.startsWith("0b") && binary(plain.substring(2))) {
        return true;
      }
      if (plain.startsWith("-0b") && binary(plain.substring(3))) {
        return true;
      }
    }
    return false;
  }

  private static boolean validTimestamp(String s) {
    // time.Parse rejects out-of-range fields; only month and day ranges matter in practice.
    String[] p = s.substring(0, Math.min(s.length(), 10)).split("[-Tt ]");
    try {
      int month = Integer.parseInt(p[1]);
      int day = Integer.parseInt(p[2].replaceAll("[^0-9].*", ""));
      return month >= 1 && month <= 12 && day >= 1 && day <= 31;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean binary(String s) {
    return !s.isEmpty() && s.chars().allMatch(ch -> ch == '0' || ch == '1');
  }

  /** strconv.ParseInt/ParseUint with base 0 (prefixes 0x, 0o, 0b, leading-0 octal) in range. */
  private static boolean parsesAsGoInt(String s) {
    String t = s;
    boolean neg = false;
    if (t.startsWith("+") || t.startsWith("-")) {
      neg = t.startsWith("-");
      t = t.substring(1);
    }
    if (t.isEmpty()) {
      return false;
    }
    int radix = 10;
    if (t.length() > 1 && t.charAt(0) == '0') {
      char p = Character.toLowerCase(t.charAt(1));
      if (p == 'x') {
        radix = 16;
        t = t.substring(2);
      } else if (p == 'o') {
        radix = 8;
        t = t.substring(2);
      } else if (p == 'b') {
        radix = 2;
        t = t.substring(2);
      } else {
        radix = 8;
        t = t.substring(1);
      }
    }
    if (t.isEmpty()) {
      return false;
    }
    try {
      java.math.BigInteger v = new java.math.BigInteger(t, radix);
      if (neg) {
        return v.bitLength() <= 63 || v.equals(java.math.BigInteger.ONE.shiftLeft(63));
      }
      return v.bitLength() <= 64;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean parsesAsGoFloat(String s) {
    // strconv.ParseFloat accepts decimal floats with optional exponent, inf/nan words, hex floats.
    return YAML_FLOAT.matcher(s).matches() && finite(s);
  }

  /** strconv.ParseFloat fails (out of range) for values beyond the double range. */
  private static boolean finite(String s) {
    try {
      return !Double.isInfinite(Double.parseDouble(s));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Code points libyaml treats as printable. */
  static boolean printable(int c) {
    return c == 0x0A
        || (c >= 0x20 && c <= 0x7E)
        || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
  }

  static boolean isBreak(int c) {
    return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  /**
   * The code points of {@code s} as an array, or null when every char is a code point of its own
   * (no surrogates), so that the text can be read with {@code charAt}.
   */
  static int[] codePointsIfSurrogates(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return s.codePoints().toArray();
      }
    }
    return null;
  }

  private static boolean isBlankz(String s, int[] cp, int len, int i) {
    if (i >= len) {
      return true;
    }
    int c = cp == null ? s.charAt(i) : cp[i];
    return c == ' ' || c == '\t' || isBreak(c) || c == 0;
  }

  /** The style go-yaml v2 uses for a string in block context ({@code key} for mapping keys). */
  static Style select(String s, boolean key) {
    boolean multiline = s.indexOf('\n') >= 0;
    Style wanted;
    if (multiline) {
      wanted = Style.LITERAL;
    } else if (resolvesToNonString(s) || base60(s)) {
      wanted = Style.DOUBLE;
    } else {
      wanted = Style.PLAIN;
    }
    Analysis a = analyze(s);
    if (wanted == Style.PLAIN) {
      if (!a.blockPlainAllowed || (s.isEmpty() && key)) {
        wanted = Style.SINGLE;
      }
    }
    if (wanted == Style.SINGLE && !a.singleQuotedAllowed) {
      wanted = Style.DOUBLE;
    }
    if (wanted == Style.LITERAL && (!a.blockAllowed || key)) {
      wanted = Style.DOUBLE;
    }
    return wanted;
  }

  /**
   * go-yaml v2's base-60 float form ({@code 1:20}); it needs a leading sign or digit and a colon.
   */
  private static boolean base60(String s) {
    char c = s.charAt(0); // never empty here: "" resolves to null
    return (c == '+' || c == '-' || (c >= '0' && c <= '9'))
        && s.indexOf(':') >= 0
        && BASE60.matcher(s).matches();
  }

  private record Analysis(
      boolean blockPlainAllowed, boolean singleQuotedAllowed, boolean blockAllowed) {}

  private static Analysis analyze(String s) {
    int[] cp = codePointsIfSurrogates(s);
    int len = cp == null ? s.length() : cp.length;
    if (len == 0) {
      return new Analysis(true, true, false);
    }
    boolean blockIndicators = false;
    boolean flowIndicators = false;
    boolean lineBreaks = false;
    boolean specialCharacters = false;
    boolean leadingSpace = false;
    boolean leadingBreak = false;
    boolean trailingSpace = false;
    boolean trailingBreak = false;
    boolean breakSpace = false;
    boolean spaceBreak = false;
    boolean previousSpace = false;
    boolean previousBreak = false;
    if (s.startsWith("---") || s.startsWith("...")) {
      blockIndicators = true;
      flowIndicators = true;
    }
    boolean precededByWhitespace = true;
    boolean followedByWhitespace = isBlankz(s, cp, len, 1);
    for (int i = 0; i < len; i++) {
      int c = cp == null ? s.charAt(i) : cp[i];
      if (i == 0) {
        if ("#,[]{}&*!|>'\"%@`".indexOf(c) >= 0) {
          flowIndicators = true;
          blockIndicators = true;
        }
        if (c == '?' || c == ':') {
          flowIndicators = true;
          if (followedByWhitespace) {
            blockIndicators = true;
          }
        }
        if (c == '-' && followedByWhitespace) {
          flowIndicators = true;
          blockIndicators = true;
        }
      } else {
        if (",?[]{}".indexOf(c) >= 0) {
          flowIndicators = true;
        }
        if (c == ':') {
          flowIndicators = true;
          if (followedByWhitespace) {
            blockIndicators = true;
          }
        }
        if (c == '#' && precededByWhitespace) {
          flowIndicators = true;
          blockIndicators = true;
        }
      }
      if (!printable(c)) {
        specialCharacters = true;
      }
      if (isBreak(c)) {
        lineBreaks = true;
      }
      if (c == ' ') {
        if (i == 0) {
          leadingSpace = true;
        }
        if (i == len - 1) {
          trailingSpace = true;
        }
        if (previousBreak) {
          breakSpace = true;
        }
        previousSpace = true;
        previousBreak = false;
      } else if (isBreak(c)) {
        if (i == 0) {
          leadingBreak = true;
        }
        if (i == len - 1) {
          trailingBreak = true;
        }
        if (previousSpace) {
          spaceBreak = true;
        }
        previousSpace = false;
        previousBreak = true;
      } else {
        previousSpace = false;
        previousBreak = false;
      }
      precededByWhitespace = isBlankz(s, cp, len, i);
      followedByWhitespace = isBlankz(s, cp, len, i + 2);
    }
    boolean blockPlain = true;
    boolean single = true;
    boolean block = true;
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
      blockPlain = false;
    }
    if (trailingSpace) {
      block = false;
    }
    if (breakSpace) {
      blockPlain = false;
      single = false;
    }
    if (spaceBreak || specialCharacters) {
      blockPlain = false;
      single = false;
      block = false;
    }
    if (lineBreaks) {
      blockPlain = false;
    }
    if (blockIndicators) {
      blockPlain = false;
    }
    return new Analysis(blockPlain, single, block);
  }
}
