package dev.capstan.engine.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A git URL taken apart without ever failing: enough to compare URLs, key a cache, and print a URL
 * without secrets. Whether the URL actually works is found out when it is used.
 *
 * @param scheme lower-case scheme ({@code https}, {@code http}, {@code ssh}, {@code git}, {@code
 *     file}); scp-like URLs ({@code git@host:org/repo}) have scheme {@code ssh}
 * @param user user name, if given (the password, if any, is dropped at parse time)
 * @param host lower-case host, empty for {@code file}
 * @param port port, or -1 when none was given
 * @param path path as given, starting with {@code /} (for scp-like URLs, what followed the colon)
 * @param scpLike whether the URL was written in scp form
 */
public record RepositoryUrl(
    String scheme, Optional<String> user, String host, int port, String path, boolean scpLike) {

  private static final Pattern WITH_SCHEME =
      Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://([^/]*)(.*)$");
  private static final Pattern SCP_LIKE =
      Pattern.compile("^(?:([^@/:]+)@)?([^:/\\[\\]]+|\\[[^\\]]+\\]):(?!//)(.*)$");

  /** Parses any string; unknown shapes are treated as local paths. Never throws. */
  public static RepositoryUrl parse(String raw) {
    String url = raw.strip();
    Matcher m = WITH_SCHEME.matcher(url);
    if (m.matches()) {
      String scheme = m.group(1).toLowerCase(Locale.ROOT);
      String authority = m.group(2);
      String path = m.group(3).isEmpty() ? "/" : m.group(3);
      int at = authority.lastIndexOf('@');
      Optional<String> user = Optional.empty();
      if (at >= 0) {
        String userInfo = authority.substring(0, at);
        int colon = userInfo.indexOf(':');
        String name = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
        user = name.isEmpty() ? Optional.empty() : Optional.of(name);
        authority = authority.substring(at + 1);
      }
      String host = authority;
      int port = -1;
      int colon = authority.lastIndexOf(':');
      if (colon >= 0 && colon > authority.lastIndexOf(']')) {
        host = authority.substring(0, colon);
        try {
          port = Integer.parseInt(authority.substring(colon + 1));
        } catch (NumberFormatException e) {
          port = -1;
        }
      }
      return new RepositoryUrl(scheme, user, host.toLowerCase(Locale.ROOT), port, path, false);
    }
    Matcher scp = SCP_LIKE.matcher(url);
    if (scp.matches() && !looksLikeWindowsDrive(url)) {
      String path = scp.group(3).startsWith("/") ? scp.group(3) : "/" + scp.group(3);
      return new RepositoryUrl(
          "ssh",
          Optional.ofNullable(scp.group(1)),
          scp.group(2).toLowerCase(Locale.ROOT),
          -1,
          path,
          true);
    }
    return new RepositoryUrl("file", Optional.empty(), "", -1, url, false);
  }

  private static boolean looksLikeWindowsDrive(String url) {
    return url.length() > 2 && Character.isLetter(url.charAt(0)) && url.charAt(1) == ':';
  }

  /**
   * The URL without any password or token, in the shape it was given. For {@code http(s)} the whole
   * user-info is dropped (tokens are often passed as the user name); for SSH the user name stays.
   */
  public String redacted() {
    if (scheme.equals("file") && host.isEmpty() && !path.startsWith("/")) {
      return path;
    }
    boolean keepUser = scheme.equals("ssh") || scheme.equals("git+ssh") || scheme.equals("ssh+git");
    String userPart = keepUser ? user.map(u -> u + "@").orElse("") : "";
    if (scpLike) {
      return userPart + host + ":" + path.substring(1);
    }
    return scheme + "://" + userPart + host + (port >= 0 ? ":" + port : "") + path;
  }

  /**
   * The URL in a canonical form for comparing and keying: lower-case scheme and host, no user, no
   * default port, no trailing {@code /} or {@code .git}; scp-like URLs become {@code ssh://}.
   * {@code https://GitHub.com/org/app.git} and {@code https://github.com/org/app} normalize alike.
   */
  public String normalized() {
    String p = path;
    while (p.endsWith("/") && p.length() > 1) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.endsWith(".git")) {
      p = p.substring(0, p.length() - 4);
    }
    if (scheme.equals("file")) {
      return "file://" + (p.startsWith("/") ? "" : "/") + p;
    }
    String s = scheme.equals("git+ssh") || scheme.equals("ssh+git") ? "ssh" : scheme;
    boolean defaultPort =
        port < 0
            || (s.equals("https") && port == 443)
            || (s.equals("http") && port == 80)
            || (s.equals("ssh") && port == 22)
            || (s.equals("git") && port == 9418);
    return s + "://" + host + (defaultPort ? "" : ":" + port) + (p.startsWith("/") ? p : "/" + p);
  }

  /**
   * A file-name-safe key for the cache: a hash of {@link #normalized()} and a readable suffix taken
   * from the last path segment, e.g. {@code 3f2a9c0d1e4b5a6f-podinfo}.
   */
  public String cacheKey() {
    String normalized = normalized();
    String last =
        normalized.substring(normalized.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
    if (last.length() > 40) {
      last = last.substring(0, 40);
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8) + (last.isEmpty() ? "" : "-" + last);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
    }
  }

  /** Whether both URLs name the same repository (equal {@link #normalized()} forms). */
  public boolean sameRepository(RepositoryUrl other) {
    return normalized().equals(other.normalized());
  }

  @Override
  public String toString() {
    return redacted();
  }
}
