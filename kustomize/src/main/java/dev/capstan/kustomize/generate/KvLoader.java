package dev.capstan.kustomize.generate;

import dev.capstan.kustomize.KustomizeException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the key/value pairs of a generator as kustomize does: env files first, then literals, then
 * files, each in the order written. Keys are not validated (kubectl's kustomize accepts any key);
 * file content is kept as bytes so that the ConfigMap generator can move content that is not UTF-8
 * to {@code binaryData}.
 */
public final class KvLoader {
  private final KvFileReader files;

  public KvLoader(KvFileReader files) {
    this.files = files;
  }

  /** The pairs in kustomize's order; throws {@link KustomizeException} for a malformed source. */
  public List<KvPair> load(KvSources sources) {
    List<KvPair> all = new ArrayList<>();
    for (String env : sources.envs()) {
      try {
        all.addAll(EnvFile.parse(files.read(env)));
      } catch (KustomizeException e) {
        throw new KustomizeException(
            "loading KV pairs: env source files: " + goList(sources.envs()) + ": " + e.getMessage(),
            e);
      }
    }
    for (String literal : sources.literals()) {
      all.add(literal(literal, sources.literals()));
    }
    for (String file : sources.files()) {
      try {
        String[] keyAndPath = fileSource(file);
        all.add(new KvPair(keyAndPath[0], files.read(keyAndPath[1])));
      } catch (KustomizeException e) {
        throw new KustomizeException(
            "loading KV pairs: file sources: " + goList(sources.files()) + ": " + e.getMessage(),
            e);
      }
    }
    return all;
  }

  private static KvPair literal(String source, List<String> all) {
    int eq = source.indexOf('=');
    if (eq <= 0) {
      throw new KustomizeException(
          "loading KV pairs: literal sources "
              + goList(all)
              + ": invalid literal source "
              + source
              + ", expected key=value");
    }
    return KvPair.text(source.substring(0, eq), removeQuotes(source.substring(eq + 1)));
  }

  /** Strips one pair of matching surrounding quotes, single or double. */
  static String removeQuotes(String s) {
    if (s.length() < 2 || s.charAt(0) != s.charAt(s.length() - 1)) {
      return s;
    }
    char q = s.charAt(0);
    return q == '"' || q == '\'' ? s.substring(1, s.length() - 1) : s;
  }

  /** Splits {@code key=path} or {@code path} (key = the path's base name). */
  static String[] fileSource(String source) {
    long separators = source.chars().filter(c -> c == '=').count();
    if (separators == 0) {
      return new String[] {baseName(source), source};
    }
    if (separators > 1) {
      throw new KustomizeException("source \"" + source + "\" key name or file path contains '='");
    }
    int eq = source.indexOf('=');
    if (eq == 0) {
      throw new KustomizeException(
          "missing key name for file path \""
              + source.substring(1)
              + "\" in source \""
              + source
              + "\"");
    }
    if (eq == source.length() - 1) {
      throw new KustomizeException(
          "missing file path for key name \""
              + source.substring(0, eq)
              + "\" in source \""
              + source
              + "\"");
    }
    return new String[] {source.substring(0, eq), source.substring(eq + 1)};
  }

  /** Go's path.Base. */
  static String baseName(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    int slash = p.lastIndexOf('/');
    return slash < 0 || p.length() == 1 ? p : p.substring(slash + 1);
  }

  /** Go's fmt rendering of a []string: {@code [a b c]}. */
  static String goList(List<String> items) {
    return "[" + String.join(" ", items) + "]";
  }

  /** Decodes UTF-8 strictly; null when the bytes are not valid UTF-8. */
  static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
