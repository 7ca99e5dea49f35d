package dev.capstan.kustomize.generate;

import dev.capstan.kustomize.KustomizeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses an env file the way kustomize v5 does:
 *
 * <ul>
 *   <li>lines end at {@code \n}; one trailing {@code \r} is dropped; a UTF-8 byte-order mark is
 *       dropped from the first line;
 *   <li>leading white space is ignored; empty lines and lines starting with {@code #} are skipped;
 *   <li>{@code KEY=VALUE} splits at the first {@code =}; the value is kept verbatim (quotes,
 *       trailing spaces); {@code KEY} alone gives an empty value (the process environment is
 *       <em>not</em> consulted); an empty key skips the line;
 *   <li>a line with invalid UTF-8 is an error; a line longer than Go's scanner limit (64 KiB)
 *       silently ends the file, as it does in kustomize.
 * </ul>
 */
final class EnvFile {
  private static final int MAX_TOKEN = 64 * 1024;

  private EnvFile() {}

  static List<KvPair> parse(byte[] content) {
    List<KvPair> pairs = new ArrayList<>();
    int start = 0;
    int lineNo = 0;
    while (start < content.length) {
      int nl = indexOf(content, (byte) '\n', start);
      int end = nl < 0 ? content.length : nl;
      int consumed = end - start + (nl < 0 ? 0 : 1);
      if (consumed > MAX_TOKEN) {
        break; // bufio.Scanner stops with ErrTooLong, which kustomize does not check
      }
      int lineEnd = end;
      if (lineEnd > start && content[lineEnd - 1] == '\r') {
        lineEnd--;
      }
      KvPair pair = line(Arrays.copyOfRange(content, start, lineEnd), lineNo);
      if (pair != null) {
        pairs.add(pair);
      }
      lineNo++;
      start = nl < 0 ? content.length : nl + 1;
    }
    return pairs;
  }

  private static KvPair line(byte[] bytes, int lineNo) {
    String line = KvLoader.strictUtf8(bytes);
    if (line == null) {
      throw new KustomizeException(
          "line "
              + lineNo
              + " has invalid utf8 bytes : "
              + new String(bytes, StandardCharsets.UTF_8));
    }
    if (lineNo == 0 && line.startsWith("\uFEFF")) {
      line = line.substring(1);
    }
    int i = 0;
    while (i < line.length() && isGoSpace(line.charAt(i))) {
      i++;
    }
    line = line.substring(i);
    if (line.isEmpty() || line.charAt(0) == '#') {
      return null;
    }
    int eq = line.indexOf('=');
    String key = eq < 0 ? line : line.substring(0, eq);
    String value = eq < 0 ? "" : line.substring(eq + 1);
    return key.isEmpty() ? null : KvPair.text(key, value);
  }

  /** Go's unicode.IsSpace. */
  static boolean isGoSpace(char c) {
    return switch (c) {
      case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u0085', '\u00A0' -> true;
      default -> c > 0xff && Character.isSpaceChar(c);
    };
  }

  private static int indexOf(byte[] a, byte b, int from) {
    for (int i = from; i < a.length; i++) {
      if (a[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
