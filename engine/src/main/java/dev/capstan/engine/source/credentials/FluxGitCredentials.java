package dev.capstan.engine.source.credentials;

import dev.capstan.engine.source.GitCredentials;
import dev.capstan.engine.source.InvalidSourceException;
import dev.capstan.engine.source.RepositoryUrl;
import java.util.Optional;

/**
 * Reads the secret named by a Flux {@code GitRepository}'s {@code spec.secretRef}.
 *
 * <p>Rules, as Flux's source-controller applies them, chosen by the URL's scheme:
 *
 * <ul>
 *   <li>{@code ssh://} (or scp-like): {@code identity} is the private key, {@code known_hosts} is
 *       required, and {@code password}, if present, decrypts the key.
 *   <li>{@code http(s)://}: {@code bearerToken} is sent as a bearer token; otherwise {@code
 *       username}/{@code password} are basic credentials.
 * </ul>
 *
 * <p>Not supported: {@code ca.crt}/{@code caFile} custom certificate authorities and client
 * certificates ({@code tls.crt}/{@code tls.key}); they are ignored. Stateless and thread-safe.
 */
public final class FluxGitCredentials {

  private FluxGitCredentials() {}

  /**
   * The credentials {@code secret} gives for {@code repoUrl}.
   *
   * @throws InvalidSourceException if an SSH URL's secret has an {@code identity} without {@code
   *     known_hosts}, or has neither for an SSH URL
   */
  public static GitCredentials fromSecret(String repoUrl, SecretData secret) {
    RepositoryUrl url = RepositoryUrl.parse(repoUrl);
    if (url.scheme().equals("ssh")) {
      Optional<String> identity = secret.text("identity");
      Optional<String> knownHosts = secret.text("known_hosts");
      if (identity.isEmpty()) {
        throw invalid(url, "secret " + secret.name() + " has no 'identity' key for the SSH URL");
      }
      if (knownHosts.isEmpty()) {
        throw invalid(
            url, "secret " + secret.name() + " has no 'known_hosts' key; SSH needs the host keys");
      }
      return new GitCredentials.SshKey(identity.get(), secret.text("password"), knownHosts, false);
    }
    Optional<String> token = secret.text("bearerToken");
    if (token.isPresent()) {
      return GitCredentials.bearerToken(token.get().strip());
    }
    Optional<String> username = secret.text("username");
    Optional<String> password = secret.text("password");
    if (username.isPresent() || password.isPresent()) {
      return GitCredentials.basic(username.orElse(""), password.orElse(""));
    }
    return GitCredentials.none();
  }

  private static InvalidSourceException invalid(RepositoryUrl url, String detail) {
    return new InvalidSourceException(
        "credentials", url.redacted(), "invalid-credentials", detail, null);
  }
}
