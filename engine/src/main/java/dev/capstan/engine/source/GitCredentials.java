package dev.capstan.engine.source;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to authenticate to a git server. A closed set: no credentials, HTTP basic, HTTP bearer token,
 * or an SSH private key.
 *
 * <p>Contract: {@code toString()} of every variant names the variant and non-secret fields only;
 * passwords, tokens, private keys and passphrases never appear in it, nor in any exception message
 * of this package. {@link #secrets()} lists the secret values so that error text can be scrubbed.
 */
public sealed interface GitCredentials {

  /** No credentials: anonymous HTTP; over SSH no key is offered (the server will refuse). */
  static GitCredentials none() {
    return None.INSTANCE;
  }

  /** HTTP basic authentication (also how most hosts take personal access tokens). */
  static GitCredentials basic(String username, String password) {
    return new Basic(username, password);
  }

  /**
   * An {@code Authorization: Bearer TOKEN} header on every HTTP request (Flux {@code bearerToken}).
   */
  static GitCredentials bearerToken(String token) {
    return new BearerToken(token);
  }

  /** An SSH private key checked against the given {@code known_hosts} text. */
  static GitCredentials sshKey(String privateKey, String knownHosts) {
    return new SshKey(privateKey, Optional.empty(), Optional.of(knownHosts), false);
  }

  /** The secret values of these credentials, for scrubbing text; empty for {@link None}. */
  List<String> secrets();

  /** Anonymous access. */
  enum None implements GitCredentials {
    INSTANCE;

    @Override
    public List<String> secrets() {
      return List.of();
    }

    @Override
    public String toString() {
      return "GitCredentials.None";
    }
  }

  /**
   * HTTP basic authentication.
   *
   * @param username user name (not secret)
   * @param password password or token (secret)
   */
  record Basic(String username, String password) implements GitCredentials {
    public Basic {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public List<String> secrets() {
      return List.of(password);
    }

    @Override
    public String toString() {
      return "GitCredentials.Basic[username=" + username + ", password=<redacted>]";
    }
  }

  /**
   * HTTP bearer token.
   *
   * @param token the token (secret)
   */
  record BearerToken(String token) implements GitCredentials {
    public BearerToken {
      Objects.requireNonNull(token, "token");
    }

    @Override
    public List<String> secrets() {
      return List.of(token);
    }

    @Override
    public String toString() {
      return "GitCredentials.BearerToken[token=<redacted>]";
    }
  }

  /**
   * SSH public-key authentication. The user name comes from the URL ({@code ssh://git@host/repo}).
   *
   * @param privateKey private key text, OpenSSH or PEM (PKCS#1/PKCS#8) format (secret)
   * @param passphrase passphrase of an encrypted private key (secret)
   * @param knownHosts {@code known_hosts} text the server's host key must match; when empty and
   *     {@code insecureIgnoreHostKey} is false, every host key is rejected
   * @param insecureIgnoreHostKey accept any host key (Argo CD {@code insecure: "true"})
   */
  record SshKey(
      String privateKey,
      Optional<String> passphrase,
      Optional<String> knownHosts,
      boolean insecureIgnoreHostKey)
      implements GitCredentials {
    public SshKey {
      Objects.requireNonNull(privateKey, "privateKey");
      Objects.requireNonNull(passphrase, "passphrase");
      Objects.requireNonNull(knownHosts, "knownHosts");
    }

    /** A copy that accepts any host key. */
    public SshKey withInsecureIgnoreHostKey() {
      return new SshKey(privateKey, passphrase, knownHosts, true);
    }

    /** A copy with this passphrase for an encrypted key. */
    public SshKey withPassphrase(String value) {
      return new SshKey(privateKey, Optional.of(value), knownHosts, insecureIgnoreHostKey);
    }

    @Override
    public List<String> secrets() {
      return passphrase.map(p -> List.of(privateKey, p)).orElse(List.of(privateKey));
    }

    @Override
    public String toString() {
      return "GitCredentials.SshKey[privateKey=<redacted>"
          + (passphrase.isPresent() ? ", passphrase=<redacted>" : "")
          + ", knownHosts="
          + (knownHosts.isPresent() ? "<" + knownHosts.get().lines().count() + " lines>" : "none")
          + ", insecureIgnoreHostKey="
          + insecureIgnoreHostKey
          + "]";
    }
  }
}
