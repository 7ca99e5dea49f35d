package dev.capstan.server.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Git repository URLs reduced to a comparable form, {@code host[:port]/path} in lower case, so that
 * {@code https://GitHub.com/org/repo.git/}, {@code ssh://git@github.com/org/repo} and {@code
 * git@github.com:org/repo.git} are the same repository. The scheme and user are dropped, default
 * ports (80, 443, 22) are dropped, as are a trailing slash and {@code .git}. The whole URL is lower
 * cased, as Argo CD does, because the common hosts treat owner and repository names without case.
 */
public final class RepoUrl {
  private static final Pattern SCP = Pattern.compile("^(?:[^@/:]+@)?([^/:]+):(?!//)(.+)$");

  private RepoUrl() {}

  /** The comparable form of {@code url}, or empty if it is not a Git URL this understands. */
  public static Optional<String> normalize(String url) {
    if (url == null) {
      return Optional.empty();
    }
    String u = url.strip();
    if (u.isEmpty()) {
      return Optional.empty();
    }
    String host;
    String path;
    int port = -1;
    if (u.contains("://")) {
      URI uri;
      try {
        uri = new URI(u);
      } catch (URISyntaxException e) {
        return Optional.empty();
      }
      if (uri.getHost() == null) {
        return Optional.empty();
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      host = uri.getHost();
      port = uri.getPort();
      if (port == defaultPort(scheme)) {
        port = -1;
      }
      path = uri.getPath() == null ? "" : uri.getPath();
    } else {
      Matcher m = SCP.matcher(u);
      if (!m.matches()) {
        return Optional.empty();
      }
      host = m.group(1);
      path = m.group(2);
    }
    path = trimSlashes(path);
    if (path.toLowerCase(Locale.ROOT).endsWith(".git")) {
      path = trimSlashes(path.substring(0, path.length() - 4));
    }
    if (path.isEmpty()) {
      return Optional.empty();
    }
    String result = host + (port > 0 ? ":" + port : "") + "/" + path;
    return Optional.of(result.toLowerCase(Locale.ROOT));
  }

  /** Whether {@code a} and {@code b} name the same repository. */
  public static boolean same(String a, String b) {
    Optional<String> na = normalize(a);
    return na.isPresent() && na.equals(normalize(b));
  }

  private static int defaultPort(String scheme) {
    return switch (scheme) {
      case "https" -> 443;
      case "http" -> 80;
      case "ssh", "git+ssh", "ssh+git" -> 22;
      case "git" -> 9418;
      default -> -2;
    };
  }

  private static String trimSlashes(String p) {
    int start = 0;
    int end = p.length();
    while (start < end && p.charAt(start) == '/') {
      start++;
    }
    while (end > start && p.charAt(end - 1) == '/') {
      end--;
    }
    return p.substring(start, end);
  }
}
