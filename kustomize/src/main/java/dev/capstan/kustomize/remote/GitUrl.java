package dev.capstan.kustomize.remote;

import dev.capstan.kustomize.KustomizeException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed remote git reference of a kustomization ({@code resources:} or {@code components:}).
 *
 * <p>Accepted forms (as kustomize v5): an optional {@code git::} prefix (ignored); a scheme URL
 * ({@code https://}, {@code http://}, {@code ssh://}, {@code file://}), an scp-like {@code
 * user@host:path}, or a bare {@code github.com/org/repo} (https; {@code git@github.com:} for ssh).
 * The repository path ends at {@code _git/NAME} (Azure), else at {@code //} (the rest is the
 * directory inside the repository), else after {@code .git}, else after two segments ({@code
 * org/repo}; the whole path for {@code file://}). A directory climbing out of the repository is
 * refused. Query parameters: {@code ref} (or {@code version}), {@code timeout} (seconds or a Go
 * duration like {@code 90s}) and {@code submodules} (default true).
 *
 * @param raw the reference as written
 * @param cloneUrl what {@code git fetch} is given
 * @param ref the branch, tag or commit; empty for the default branch
 * @param path the directory inside the repository, empty for its root
 * @param timeout the time allowed for each git command (default 27 s, as kustomize)
 * @param submodules whether submodules are fetched too
 */
public record GitUrl(
    String raw, String cloneUrl, String ref, String path, Duration timeout, boolean submodules) {

  /** kustomize's default git command timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(27);

  private static final Pattern USERNAME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9-]*)@");
  private static final Pattern GO_DURATION = Pattern.compile("^(\\d+)(ms|s|m|h)$");
  private static final String[] SCHEMES = {"ssh://", "https://", "http://", "file://"};

  public GitUrl {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(cloneUrl, "cloneUrl");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(timeout, "timeout");
  }

  /** Whether {@code text} has the shape of a remote git reference (no I/O). */
  public static boolean looksRemote(String text) {
    try {
      parse(text);
      return true;
    } catch (KustomizeException e) {
      return false;
    }
  }

  /**
   * Parses a reference as kustomize v5's repo spec does; throws {@link KustomizeException} naming
   * it when it is not one.
   */
  public static GitUrl parse(String text) {
    if (text.startsWith("/")) {
      throw invalid(text, "uri looks like abs path");
    }
    String n = text;
    String query = "";
    int q = n.indexOf('?');
    if (q >= 0) {
      query = n.substring(q + 1);
      n = n.substring(0, q);
    }
    // host: optional git:: (ignored), scheme, user name; scp style only without a scheme
    if (n.regionMatches(true, 0, "git::", 0, 5)) {
      n = n.substring(5);
    }
    String scheme = "";
    for (String candidate : SCHEMES) {
      if (n.regionMatches(true, 0, candidate, 0, candidate.length())) {
        scheme = candidate;
        n = n.substring(candidate.length());
        break;
      }
    }
    String user = "";
    Matcher m = USERNAME.matcher(n);
    if (m.find()) {
      user = m.group(1) + "@";
      n = n.substring(user.length());
    }
    String lower = n.toLowerCase(Locale.ROOT);
    boolean github = lower.startsWith("github.com/") || lower.startsWith("github.com:");
    boolean scp = scheme.isEmpty() && (!user.isEmpty() || github);
    if (scheme.isEmpty() && !scp) {
      throw invalid(text, "failed to parse scheme");
    }
    String host;
    String rest;
    if (scheme.equals("file://")) {
      host = scheme;
      rest = user + n;
    } else {
      int sep = n.indexOf('/');
      if (scp) {
        int colon = n.indexOf(':');
        if (sep == -1 || (colon > 0 && colon < sep)) {
          sep = colon;
        }
      }
      host = sep >= 0 ? n.substring(0, sep + 1) : n;
      rest = sep >= 0 ? n.substring(sep + 1) : "";
      if (github) {
        boolean ssh = scheme.equals("ssh://") || !user.isEmpty();
        host = ssh ? user + "github.com:" : "https://github.com/";
      } else {
        host = scheme + user + host;
      }
      if (host.isEmpty()) {
        throw invalid(text, "failed to parse host segment");
      }
    }
    String[] parts = splitRepoPath(rest, scheme.equals("file://"));
    if (parts == null || parts[0].isEmpty()) {
      throw invalid(text, "failed to parse repo path segment");
    }
    String kustPath = parts[1].startsWith("/") ? parts[1].substring(1) : parts[1];
    if (exitsRepo(kustPath)) {
      throw invalid(text, "url path exits repo");
    }
    String ref = "";
    String version = "";
    Duration timeout = DEFAULT_TIMEOUT;
    boolean submodules = true;
    for (String param : query.isEmpty() ? new String[0] : query.split("&")) {
      int eq = param.indexOf('=');
      String key = decode(eq < 0 ? param : param.substring(0, eq));
      String value = eq < 0 ? "" : decode(param.substring(eq + 1));
      switch (key) {
        case "ref" -> ref = ref.isEmpty() ? value : ref;
        case "version" -> version = version.isEmpty() ? value : version;
        case "timeout" -> timeout = duration(value, timeout);
        case "submodules" -> submodules = parseBool(value, submodules);
        default -> {} // kustomize ignores unknown parameters
      }
    }
    if (ref.isEmpty()) {
      ref = version;
    }
    return new GitUrl(text, host + parts[0], ref, kustPath, timeout, submodules);
  }

  /**
   * Splits the repository path from the directory inside it: at {@code _git/NAME}, else at {@code
   * //}, else after {@code .git}, else after two segments ({@code org/repo}; all segments for
   * {@code file://}). Null when there are too few segments.
   */
  private static String[] splitRepoPath(String n, boolean file) {
    int azure = n.indexOf("_git/");
    if (azure >= 0) {
      List<String> segments = List.of(n.substring(azure + 5).split("/", -1));
      return new String[] {
        n.substring(0, azure + 5) + segments.get(0),
        String.join("/", segments.subList(1, segments.size()))
      };
    }
    int doubleSlash = n.indexOf("//");
    if (doubleSlash >= 0) {
      return new String[] {n.substring(0, doubleSlash), n.substring(doubleSlash + 2)};
    }
    int dotGit = n.indexOf(".git");
    if (dotGit >= 0) {
      return new String[] {n.substring(0, dotGit + 4), n.substring(dotGit + 4)};
    }
    if (file) {
      return new String[] {n, ""};
    }
    List<String> segments = List.of(n.split("/", -1));
    if (segments.size() < 2) {
      return null;
    }
    return new String[] {
      segments.get(0) + "/" + segments.get(1),
      String.join("/", segments.subList(2, segments.size()))
    };
  }

  /** Whether a path inside the repository climbs out of it once cleaned. */
  private static boolean exitsRepo(String path) {
    int depth = 0;
    for (String segment : path.split("/")) {
      if (segment.equals("..")) {
        if (--depth < 0) {
          return true;
        }
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        depth++;
      }
    }
    return false;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static Duration duration(String value, Duration fallback) {
    try {
      int seconds = Integer.parseInt(value);
      return seconds > 0 ? Duration.ofSeconds(seconds) : fallback;
    } catch (NumberFormatException e) {
      Matcher m = GO_DURATION.matcher(value);
      if (!m.matches()) {
        return fallback;
      }
      long n = Long.parseLong(m.group(1));
      Duration d =
          switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
          };
      return d.isZero() ? fallback : d;
    }
  }

  private static boolean parseBool(String value, boolean fallback) {
    return switch (value) {
      case "1", "t", "T", "true", "TRUE", "True" -> true;
      case "0", "f", "F", "false", "FALSE", "False" -> false;
      default -> fallback;
    };
  }

  private static KustomizeException invalid(String text, String why) {
    return new KustomizeException("invalid remote resource '" + text + "': " + why);
  }
}
