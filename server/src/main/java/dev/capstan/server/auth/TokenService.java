package dev.capstan.server.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Signs and verifies Capstan's tokens: JWT, HS256 with {@code server.secretkey}, issuer {@code
 * capstan}. Claims: {@code sub} (account), {@code iat}, {@code nbf}, {@code exp} (absent for API
 * tokens issued without expiry), {@code jti}, and {@code capstan.dev/kind}: {@code login} or {@code
 * apiKey}. A login token is void when issued before the account's password last changed; an API
 * token is void once its id is no longer listed on the account (revoked). Thread-safe.
 */
public final class TokenService {
  public static final String ISSUER = "capstan";
  static final String KIND = "capstan.dev/kind";

  private final Algorithm algorithm;
  private final JWTVerifier verifier;
  private final Clock clock;

  public TokenService(byte[] key, Clock clock) {
    if (key.length < 32) {
      throw new IllegalArgumentException("server.secretkey must be at least 32 bytes");
    }
    this.algorithm = Algorithm.HMAC256(key);
    this.clock = clock;
    this.verifier =
        ((JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(ISSUER)).build(clock);
  }

  /**
   * A signed token.
   *
   * @param token the JWT
   * @param id its {@code jti}
   * @param issuedAt when it was issued
   * @param expiresAt when it expires; empty for never
   */
  public record Issued(String token, String id, Instant issuedAt, Optional<Instant> expiresAt) {}

  /** A login (session) token for {@code account}, valid for {@code ttl}. */
  public Issued login(String account, Duration ttl) {
    return issue(account, "login", Optional.of(ttl), UUID.randomUUID().toString());
  }

  /**
   * An API token for {@code account} with {@code id}; it never expires when {@code ttl} is empty.
   */
  public Issued apiKey(String account, Optional<Duration> ttl, String id) {
    return issue(account, Account.API_KEY, ttl, id);
  }

  /**
   * A token for the project role {@code subject} ({@code proj:<project>:<role>}), as Argo CD issues
   * them; it never expires when {@code ttl} is empty.
   */
  public Issued projectRole(String subject, Optional<Duration> ttl, String id) {
    return issue(subject, PROJECT_ROLE, ttl, id);
  }

  /** Kind of project role tokens. */
  static final String PROJECT_ROLE = "projectRole";

  /**
   * Whether a project role token is still listed on its role: the role exists and has a token with
   * this id (or, for tokens listed without an id, this issue time).
   */
  @FunctionalInterface
  public interface RoleTokens {
    boolean listed(String subject, String id, long issuedAt);

    /** No project role token is valid. */
    RoleTokens NONE = (subject, id, issuedAt) -> false;
  }

  /** {@link #verify(String, Function, RoleTokens)} without project role tokens. */
  public Session verify(String token, Function<String, Optional<Account>> accounts) {
    return verify(token, accounts, RoleTokens.NONE);
  }

  private Issued issue(String account, String kind, Optional<Duration> ttl, String id) {
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Optional<Instant> exp = ttl.map(now::plus);
    var builder =
        JWT.create()
            .withIssuer(ISSUER)
            .withSubject(account)
            .withIssuedAt(now)
            .withNotBefore(now)
            .withJWTId(id)
            .withClaim(KIND, kind);
    exp.ifPresent(builder::withExpiresAt);
    return new Issued(builder.sign(algorithm), id, now, exp);
  }

  /**
   * The session of a valid token, checked against the current accounts.
   *
   * @throws AuthException when the token is malformed, forged, expired, revoked or its account is
   *     gone or disabled
   */
  public Session verify(
      String token, Function<String, Optional<Account>> accounts, RoleTokens roleTokens) {
    DecodedJWT jwt;
    try {
      jwt = verifier.verify(token);
    } catch (JWTVerificationException e) {
      throw new AuthException(
          e instanceof com.auth0.jwt.exceptions.TokenExpiredException
              ? "token is expired"
              : "invalid session: " + reason(e));
    }
    String subject = Optional.ofNullable(jwt.getSubject()).orElse("");
    String kind = Optional.ofNullable(jwt.getClaim(KIND).asString()).orElse("");
    Instant issued = Optional.ofNullable(jwt.getIssuedAtAsInstant()).orElse(Instant.EPOCH);
    Instant exp = Optional.ofNullable(jwt.getExpiresAtAsInstant()).orElse(Instant.MAX);
    if (kind.equals(PROJECT_ROLE)) {
      String id = Optional.ofNullable(jwt.getId()).orElse("");
      if (!roleTokens.listed(subject, id, issued.getEpochSecond())) {
        throw new AuthException(
            "invalid session: token " + id + " of " + subject + " was revoked or its role is gone");
      }
      return new Session(subject, List.of(), id, ISSUER, exp);
    }
    Account account =
        accounts
            .apply(subject)
            .filter(Account::enabled)
            .orElseThrow(
                () ->
                    new AuthException(
                        "invalid session: account " + subject + " is unknown or disabled"));
    switch (kind) {
      case "login" -> {
        if (!account.can(Account.LOGIN)) {
          throw new AuthException(
              "invalid session: account " + subject + " does not have login capability");
        }
        if (account
            .passwordMtime()
            .filter(m -> issued.isBefore(m.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)))
            .isPresent()) {
          throw new AuthException(
              "invalid session: the password changed since this token was issued");
        }
      }
      case Account.API_KEY -> {
        if (!account.can(Account.API_KEY)
            || account.tokens().stream().noneMatch(t -> t.id().equals(jwt.getId()))) {
          throw new AuthException("invalid session: API token " + jwt.getId() + " was revoked");
        }
      }
      default -> throw new AuthException("invalid session: unknown token kind");
    }
    return new Session(
        subject, List.of(), Optional.ofNullable(jwt.getId()).orElse(""), ISSUER, exp);
  }

  private static String reason(JWTVerificationException e) {
    return switch (e) {
      case com.auth0.jwt.exceptions.SignatureVerificationException s -> "signature does not verify";
      case com.auth0.jwt.exceptions.JWTDecodeException d -> "malformed token";
      case com.auth0.jwt.exceptions.AlgorithmMismatchException a -> "unexpected signing algorithm";
      case com.auth0.jwt.exceptions.IncorrectClaimException c ->
          "claim " + c.getClaimName() + " is not valid";
      default -> "token rejected";
    };
  }
}
