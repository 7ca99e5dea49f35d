package dev.capstan.server.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A local account.
 *
 * @param name account name
 * @param enabled whether it may be used at all
 * @param capabilities {@code login} and/or {@code apiKey}
 * @param passwordHash bcrypt hash; empty when no password is set
 * @param passwordMtime when the password last changed; tokens issued before it are void
 * @param tokens the API tokens issued and not revoked
 */
public record Account(
    String name,
    boolean enabled,
    Set<String> capabilities,
    String passwordHash,
    Optional<Instant> passwordMtime,
    List<ApiToken> tokens) {

  public static final String LOGIN = "login";
  public static final String API_KEY = "apiKey";

  public Account {
    capabilities = Set.copyOf(capabilities);
    tokens = List.copyOf(tokens);
  }

  /** Whether the account has {@code capability}. */
  public boolean can(String capability) {
    return enabled && capabilities.contains(capability);
  }

  /**
   * An issued API token (its id, not the token itself).
   *
   * @param id token id ({@code jti})
   * @param issuedAt seconds since the epoch
   * @param expiresAt seconds since the epoch; 0 for never
   */
  public record ApiToken(String id, long issuedAt, long expiresAt) {}
}
