package dev.capstan.engine.source.internal;

import dev.capstan.engine.source.GitCredentials;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes secret values from text and from exception chains before they leave the source package.
 *
 * <p>Scrubbed: every secret of the credentials (and each long line of a private key, and the base64
 * form of basic credentials), and the user-info of any {@code scheme://user:pass@} URL in the text.
 * Secrets shorter than four characters are only removed where they appear as URL user-info, since
 * replacing them everywhere would garble messages without protecting much. Immutable, thread-safe.
 */
public final class SecretScrubber {

  private static final String MASK = "<redacted>";
  private static final Pattern URL_USERINFO =
      Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s]+@");
  private static final int MIN_SECRET = 4;

  private final List<String> secrets;

  private SecretScrubber(List<String> secrets) {
    this.secrets = List.copyOf(secrets);
  }

  /** A scrubber for the given credentials and the secrets embedded in {@code url}, if any. */
  public static SecretScrubber of(GitCredentials credentials, String url) {
    Set<String> values = new LinkedHashSet<>();
    for (String secret : credentials.secrets()) {
      values.add(secret);
      values.add(secret.strip());
      secret
          .lines()
          .map(String::strip)
          .filter(l -> l.length() >= 16 && !l.startsWith("-----"))
          .forEach(values::add);
    }
    if (credentials instanceof GitCredentials.Basic basic) {
      values.add(
          Base64.getEncoder()
              .encodeToString(
                  (basic.username() + ":" + basic.password()).getBytes(StandardCharsets.UTF_8)));
    }
    var m = Pattern.compile("://([^/@\\s]+)@").matcher(url);
    if (m.find()) {
      String userInfo = m.group(1);
      values.add(userInfo);
      int colon = userInfo.indexOf(':');
      if (colon >= 0) {
        values.add(userInfo.substring(colon + 1));
      }
    }
    List<String> sorted =
        new ArrayList<>(values.stream().filter(v -> v.length() >= MIN_SECRET).toList());
    // Longest first, so that a secret containing another is removed whole.
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return new SecretScrubber(sorted);
  }

  /** The text with secrets and URL user-info replaced by {@code <redacted>}. */
  public String scrub(String text) {
    if (text == null) {
      return "";
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    return URL_USERINFO.matcher(out).replaceAll("$1");
  }

  /**
   * A copy of the exception chain in which every message is scrubbed. The copies keep the original
   * class name and stack traces, so a log still shows where the failure came from.
   */
  public Throwable scrub(Throwable error) {
    return scrub(error, 0);
  }

  private Throwable scrub(Throwable error, int depth) {
    if (error == null || depth > 16) {
      return null;
    }
    ScrubbedException copy =
        new ScrubbedException(
            error.getClass().getName(),
            scrub(error.getMessage()),
            scrub(error.getCause(), depth + 1));
    copy.setStackTrace(error.getStackTrace());
    return copy;
  }

  /** Stands in for a third-party exception whose message was scrubbed. */
  static final class ScrubbedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String originalClass;

    ScrubbedException(String originalClass, String message, Throwable cause) {
      super(message, cause, false, true);
      this.originalClass = originalClass;
    }

    @Override
    public String toString() {
      String message = getMessage();
      return message == null || message.isEmpty() ? originalClass : originalClass + ": " + message;
    }
  }
}
