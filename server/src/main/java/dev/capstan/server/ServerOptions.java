package dev.capstan.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How {@link CapstanServer} runs.
 *
 * @param port TCP port; 0 for any free one
 * @param tlsCertificate PEM certificate chain; TLS is on when both it and the key are given
 * @param tlsKey PEM private key
 * @param namespace the server's namespace: its settings, secrets and (by default) Applications
 * @param applicationNamespaces further namespaces whose Applications are served ({@code *} for all)
 * @param sessionTtl how long a login token is valid
 * @param cacheDirectory where Git snapshots for on-demand rendering are kept
 */
public record ServerOptions(
    int port,
    Optional<Path> tlsCertificate,
    Optional<Path> tlsKey,
    String namespace,
    List<String> applicationNamespaces,
    Duration sessionTtl,
    Path cacheDirectory) {

  public ServerOptions {
    applicationNamespaces = List.copyOf(applicationNamespaces);
    if (tlsCertificate.isPresent() != tlsKey.isPresent()) {
      throw new IllegalArgumentException("--tls-cert and --tls-key go together");
    }
  }

  /** Port 8080, no TLS, namespace {@code namespace}, 24h sessions. */
  public static ServerOptions defaults(String namespace, Path cacheDirectory) {
    return new ServerOptions(
        8080,
        Optional.empty(),
        Optional.empty(),
        namespace,
        List.of(),
        Duration.ofHours(24),
        cacheDirectory);
  }

  public ServerOptions withPort(int p) {
    return new ServerOptions(
        p, tlsCertificate, tlsKey, namespace, applicationNamespaces, sessionTtl, cacheDirectory);
  }

  public ServerOptions withTls(Path cert, Path key) {
    return new ServerOptions(
        port,
        Optional.of(cert),
        Optional.of(key),
        namespace,
        applicationNamespaces,
        sessionTtl,
        cacheDirectory);
  }

  public ServerOptions withApplicationNamespaces(List<String> namespaces) {
    return new ServerOptions(
        port, tlsCertificate, tlsKey, namespace, namespaces, sessionTtl, cacheDirectory);
  }

  public ServerOptions withSessionTtl(Duration ttl) {
    return new ServerOptions(
        port, tlsCertificate, tlsKey, namespace, applicationNamespaces, ttl, cacheDirectory);
  }

  /**
   * Whether Applications in {@code ns} are served: the server's namespace, or one matching an entry
   * ({@code *} globs).
   */
  public boolean serves(String ns) {
    if (ns.equals(namespace)) {
      return true;
    }
    for (String pattern : applicationNamespaces) {
      if (pattern.equals(ns)
          || ns.matches(java.util.regex.Pattern.quote(pattern).replace("*", "\\E.*\\Q"))) {
        return true;
      }
    }
    return false;
  }
}
