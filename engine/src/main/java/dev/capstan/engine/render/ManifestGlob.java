package dev.capstan.engine.render;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A glob of Argo CD's {@code directory.include}/{@code exclude}: matched against the file's path
 * relative to the source path, {@code *} and {@code ?} also match {@code /} (Argo CD compiles its
 * globs without separators), {@code {a,b}} is a choice, {@code [...]} a character class.
 */
final class ManifestGlob {
  private final Pattern pattern;

  private ManifestGlob(Pattern pattern) {
    this.pattern = pattern;
  }

  /**
   * @throws IllegalArgumentException when the glob is malformed
   */
  static ManifestGlob compile(String glob) {
    StringBuilder re = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        case '{' -> {
          depth++;
          re.append("(?:");
        }
        case '}' -> {
          if (depth == 0) {
            throw new IllegalArgumentException("unbalanced '}' in glob " + glob);
          }
          depth--;
          re.append(')');
        }
        case ',' -> re.append(depth > 0 ? "|" : ",");
        case '[' -> {
          int end = glob.indexOf(']', i + 1);
          if (end < 0) {
            throw new IllegalArgumentException("unclosed '[' in glob " + glob);
          }
          String cls = glob.substring(i + 1, end);
          re.append('[').append(cls.startsWith("!") ? "^" + cls.substring(1) : cls).append(']');
          i = end;
        }
        case '\\' -> {
          if (i + 1 < glob.length()) {
            re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
          }
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (depth != 0) {
      throw new IllegalArgumentException("unbalanced '{' in glob " + glob);
    }
    try {
      return new ManifestGlob(Pattern.compile(re.toString()));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("malformed glob " + glob + ": " + e.getDescription());
    }
  }

  boolean matches(String relativePath) {
    return pattern.matcher(relativePath).matches();
  }
}
