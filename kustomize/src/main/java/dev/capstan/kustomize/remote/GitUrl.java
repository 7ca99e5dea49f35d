package dev.capstan.kustomize.remote;

import dev.capstan.kustomize.KustomizeException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed remote git reference of a kustomization ({@code resources:} or {@code components:}).
 *
 * <p>Accepted forms (as kustomize v5): an optional {@code git::} prefix; a scheme URL ({@code
 * https://}, {@code http://}, {@code ssh://}, {@code file://}), an scp-like {@code user@host:path},
 * or a bare {@code github.com/}, {@code gitlab.com/} or {@code bitbucket.org/} host (https). The
 * repository path ends at {@code //} (the rest is the directory inside the repository), else
 * after {@code .git}, else (on the bare hosts) after {@code org/repo}. Query parameters: {@code
 * ref} (or {@code version}), {@code timeout} (seconds or a Go duration like {@code 90s}) and {@code
 * submodules} (default true).
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

  private static final Pattern SCHEME = Pattern.compile("^(https?|ssh|file)://", Pattern.CASE_INSENSITIVE);
  private static final Pattern SCP = Pattern.compile("^([A-Za-z0-9._-]+@[A-Za-z0-9.-]+):(.*)$");
  private static final Pattern BARE_HOST =
      Pattern.compile("^(github\\.com|gitlab\\.com|bitbucket\\.org)[/:](.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern GO_DURATION = Pattern.compile("^(\\d+)(ms|s|m|h)$");

  public GitUrl {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(cloneUrl, "cloneUrl");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(timeout, "timeout");
  }

  /** Whether {@code text} has the shape of a remote git reference (no I/O). */
  public static boolean looksRemote(String text) {
    String s = stripGitPrefix(text);
    return SCHEME.matcher(s).find() || SCP.matcher(s).matches() || BARE_HOST.matcher(s).matches();
  }

  /** Parses a reference; throws {@link KustomizeException} naming it when it is not one. */
  public static GitUrl parse(String text) {
    String s = stripGitPrefix(text.trim());
    String query = "";
    int q = s.indexOf('?');
    if (q >= 0) {
      query = s.substring(q + 1);
      s = s.substring(0, q);
    }
    String prefix;
    String rest;
    boolean bareHost = false;
    Matcher scheme = SCHEME.matcher(s);
    Matcher scp = SCP.matcher(s);
    Matcher bare = BARE_HOST.matcher(s);
    if (scheme.find()) {
      String schemeText = scheme.group().toLowerCase(Locale.ROOT);
      String afterScheme = s.substring(scheme.end());
      if (schemeText.equals("file://")) {
        prefix = schemeText;
        rest = afterScheme;
      } else {
        int slash = afterScheme.indexOf('/');
        if (slash <= 0) {
          throw invalid(text, "it lacks a repository path");
        }
        prefix = schemeText + afterScheme.substring(0, slash + 1);
        rest = afterScheme.substring(slash + 1);
        bareHost = isBareHost(afterScheme.substring(0, slash));
      }
    } else if (scp.matches()) {
      prefix = scp.group(1) + ":";
      rest = scp.group(2);
      bareHost = isBareHost(scp.group(1).substring(scp.group(1).indexOf('@') + 1));
    } else if (bare.matches()) {
      prefix = "https://" + bare.group(1).toLowerCase(Locale.ROOT) + "/";
      rest = bare.group(2);
      bareHost = true;
    } else {
      throw invalid(text, "it is not a git URL");
    }
    String repo;
    String path;
    int doubleSlash = rest.indexOf("//", prefix.equals("file://") ? 1 : 0);
    int dotGit = rest.indexOf(".git");
    if (doubleSlash >= 0) {
      repo = rest.substring(0, doubleSlash);
      path = rest.substring(doubleSlash + 2);
    } else if (dotGit >= 0
        && (dotGit + 4 == rest.length() || rest.charAt(dotGit + 4) == '/')) {
      repo = rest.substring(0, dotGit + 4);
      path = rest.substring(Math.min(rest.length(), dotGit + 5));
    } else if (bareHost) {
      String[] parts = rest.split("/", 3);
      if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
        throw invalid(text, "it lacks org/repo");
      }
      repo = parts[0] + "/" + parts[1];
      path = parts.length == 3 ? parts[2] : "";
    } else {
      repo = rest;
      path = "";
    }
    repo = trimSlashes(repo);
    if (repo.isEmpty()) {
      throw invalid(text, "it lacks a repository path");
    }
    String cloneUrl = prefix + (prefix.equals("file://") ? "/" : "") + repo;
    String ref = "";
    String version = "";
    Duration timeout = DEFAULT_TIMEOUT;
    boolean submodules = true;
    for (String param : query.isEmpty() ? new String[0] : query.split("&")) {
      int eq = param.indexOf('=');
      String key = decode(eq < 0 ? param : param.substring(0, eq));
      String value = eq < 0 ? "" : decode(param.substring(eq + 1));
      switch (key) {
        case "ref" -> ref = value;
        case "version" -> version = value;
        case "timeout" -> timeout = duration(value, timeout);
        case "submodules" -> submodules = parseBool(value, submodules);
        default -> {} // kustomize ignores unknown parameters
      }
    }
    if (ref.isEmpty()) {
      ref = version;
    }
    return new GitUrl(text, cloneUrl, ref, trimSlashes(path), timeout, submodules);
  }

  private static boolean isBareHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("github.com") || h.equals("gitlab.com") || h.equals("bitbucket.org");
  }

  private static String stripGitPrefix(String s) {
    return s.regionMatches(true, 0, "git::", 0, 5) ? s.substring(5) : s;
  }

  private static String trimSlashes(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && s.charAt(a) == '/') {
      a++;
    }
    while (b > a && s.charAt(b - 1) == '/') {
      b--;
    }
    return s.substring(a, b);
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
