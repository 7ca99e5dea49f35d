package dev.capstan.engine.source.internal;

import dev.capstan.engine.source.GitAuthenticationException;
import dev.capstan.engine.source.GitSourceException;
import dev.capstan.engine.source.GitUnreachableException;
import dev.capstan.engine.source.InvalidSourceException;
import dev.capstan.engine.source.RepositoryNotFoundException;
import dev.capstan.engine.source.RevisionNotFoundException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;

/**
 * Classifies a JGit (or JDK, or sshd) failure into one of the source package's exceptions, with a
 * scrubbed message and cause. JGit reports most transport problems as {@code TransportException}
 * with a free-text message, so the classification reads exception types first and message text
 * second. Anything unrecognised is transient: retrying is cheap, stalling on a glitch is not.
 */
public final class FailureTranslator {

  private static final Pattern AUTH =
      Pattern.compile(
          "not authorized|authentication is required|authentication not supported|auth fail|"
              + "no more authentication methods|authentication failed|permission denied|"
              + "\\b401\\b|\\b403\\b|forbidden|cannot log in|no credentialsprovider");
  private static final Pattern HOST_KEY =
      Pattern.compile(
          "server key did not validate|host key|unknown server key|known_hosts|no keys to verify");
  private static final Pattern TIMEOUT = Pattern.compile("timed out|timeout");
  private static final Pattern UNREACHABLE =
      Pattern.compile(
          "connection refused|unknown host|no route to host|connection reset|network is"
              + " unreachable|broken pipe|closed by remote|session is closing|cannot open"
              + " git-upload-pack|end of stream");
  private static final Pattern REVISION =
      Pattern.compile(
          "not our ref|not valid: |want .* not valid|missing unknown|remote does not have .*"
              + " available|missing commit|no such ref|couldn't find remote ref");
  private static final Pattern URL_PREFIX =
      Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://\\S*?:\\s+");

  private FailureTranslator() {}

  /**
   * Translates a failure of {@code step} on the repository at {@code url}.
   *
   * @param url the repository URL already stripped of credentials
   */
  public static GitSourceException translate(
      String step, String url, Throwable error, SecretScrubber scrubber) {
    if (error instanceof GitSourceException known) {
      return known;
    }
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = error; t != null && chain.size() < 16; t = t.getCause()) {
      chain.add(t);
    }
    String detail = detail(chain, scrubber);
    Throwable cause = scrubber.scrub(error);

    return switch (reason(error)) {
      case "invalid-url" -> new InvalidSourceException(step, url, "invalid-url", detail, cause);
      case "repository-not-found" ->
          new RepositoryNotFoundException(step, url, "repository-not-found", detail, cause);
      case "host-key" -> new GitAuthenticationException(step, url, "host-key", detail, cause);
      case "auth" -> new GitAuthenticationException(step, url, "auth", detail, cause);
      case "timeout" -> new GitUnreachableException(step, url, "timeout", detail, cause);
      case "unreachable" -> new GitUnreachableException(step, url, "unreachable", detail, cause);
      case "revision-not-found" ->
          new RevisionNotFoundException(step, url, "revision-not-found", detail, cause);
      default -> new GitUnreachableException(step, url, "server-error", detail, cause);
    };
  }

  /**
   * The reason {@link #translate} would report for {@code error}: {@code invalid-url}, {@code
   * repository-not-found}, {@code host-key}, {@code auth}, {@code timeout}, {@code unreachable},
   * {@code revision-not-found} or {@code server-error}.
   */
  public static String reason(Throwable error) {
    if (error instanceof GitSourceException known) {
      return known.reason();
    }
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = error; t != null && chain.size() < 16; t = t.getCause()) {
      chain.add(t);
    }
    String text =
        String.join(" | ", chain.stream().map(t -> String.valueOf(t.getMessage())).toList())
            .toLowerCase(Locale.ROOT);
    if (chain.stream().anyMatch(InvalidRemoteException.class::isInstance)
        && !text.contains("not found")) {
      return "invalid-url";
    }
    if (chain.stream().anyMatch(NoRemoteRepositoryException.class::isInstance)) {
      return "repository-not-found";
    }
    if (HOST_KEY.matcher(text).find()) {
      return "host-key";
    }
    if (AUTH.matcher(text).find()) {
      return "auth";
    }
    if (chain.stream().anyMatch(SocketTimeoutException.class::isInstance)
        || TIMEOUT.matcher(text).find()) {
      return "timeout";
    }
    if (chain.stream()
            .anyMatch(
                t ->
                    t instanceof ConnectException
                        || t instanceof UnknownHostException
                        || t instanceof NoRouteToHostException)
        || UNREACHABLE.matcher(text).find()) {
      return "unreachable";
    }
    if (REVISION.matcher(text).find()) {
      return "revision-not-found";
    }
    return "server-error";
  }

  /** The most specific scrubbed message of the chain, without a leading {@code URL: }. */
  private static String detail(List<Throwable> chain, SecretScrubber scrubber) {
    List<String> parts = new ArrayList<>();
    for (Throwable t : chain) {
      String message = t.getMessage();
      if (message == null || message.isBlank()) {
        continue;
      }
      String clean = URL_PREFIX.matcher(scrubber.scrub(message).strip()).replaceFirst("");
      if (parts.stream().noneMatch(p -> p.contains(clean))) {
        parts.add(clean);
      }
    }
    if (parts.isEmpty()) {
      return chain.isEmpty()
          ? "unknown error"
          : chain.get(chain.size() - 1).getClass().getSimpleName();
    }
    return String.join(": ", parts.subList(0, Math.min(parts.size(), 3)));
  }
}
