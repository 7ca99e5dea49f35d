package dev.capstan.server.auth;

import java.time.Instant;
import java.util.List;

/**
 * An authenticated caller.
 *
 * @param username the account
 * @param groups groups from the token's scoped claims (empty for local accounts)
 * @param tokenId the token's {@code jti}
 * @param issuer the token's issuer
 * @param expiresAt when the token expires; {@link Instant#MAX} for never
 */
public record Session(
    String username, List<String> groups, String tokenId, String issuer, Instant expiresAt) {
  public Session {
    groups = List.copyOf(groups);
  }
}
