package dev.capstan.kustomize.replace;

import java.math.BigInteger;

/** How an untagged YAML scalar reads back: the type its text looks like (YAML 1.2 core). */
final class Scalars {
  private Scalars() {}

  static Object inferred(String s) {
    if (s.matches("[-+]?[0-9]+")) {
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        return new BigInteger(s);
      }
    }
    if (s.matches("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?")) {
      return Double.parseDouble(s);
    }
    switch (s) {
      case "true", "True", "TRUE" -> {
        return Boolean.TRUE;
      }
      case "false", "False", "FALSE" -> {
        return Boolean.FALSE;
      }
      case "null", "Null", "NULL", "~", "" -> {
        return s.isEmpty() ? "" : null;
      }
      default -> {
        return s;
      }
    }
  }
}
