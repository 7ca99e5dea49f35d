package dev.capstan.server.api;

import dev.capstan.server.auth.Account;
import dev.capstan.server.auth.AccountStore;
import dev.capstan.server.auth.LoginLimiter;
import dev.capstan.server.auth.PasswordHasher;
import dev.capstan.server.auth.Session;
import dev.capstan.server.auth.TokenService;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1/session}: {@code POST} logs in with {@code {username, password}} and answers
 * {@code {token}} (also set as the {@code capstan.token} cookie), {@code DELETE} logs out (clears
 * the cookie), {@code GET /userinfo} says who is logged in. Failed logins are rate limited per user
 * and per client address ({@link LoginLimiter}); while limited, even a correct password is answered
 * 429.
 */
public final class SessionService implements HttpService {
  private static final String INVALID = "Invalid username or password";

  private final AccountStore accounts;
  private final TokenService tokens;
  private final LoginLimiter limiter;
  private final Duration ttl;
  private final boolean secureCookie;
  private final MeterRegistry metrics;

  public SessionService(
      AccountStore accounts,
      TokenService tokens,
      LoginLimiter limiter,
      Duration ttl,
      boolean secureCookie,
      MeterRegistry metrics) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.limiter = limiter;
    this.ttl = ttl;
    this.secureCookie = secureCookie;
    this.metrics = metrics;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.post("/", this::login).delete("/", this::logout).get("/userinfo", this::userinfo);
  }

  private void login(ServerRequest req, ServerResponse res) {
    var body = Json.body(req);
    String username = body.path("username").asText("");
    String password = body.path("password").asText("");
    if (username.isEmpty() || username.length() > 64) {
      throw ApiException.unauthenticated(INVALID);
    }
    String address =
        req.remotePeer().address() instanceof InetSocketAddress a
            ? a.getAddress().getHostAddress()
            : "unknown";
    Optional<Duration> wait = limiter.retryAfter(username, address);
    if (wait.isPresent()) {
      metrics.counter("capstan_server_logins_total", "outcome", "limited").increment();
      res.header(HeaderNames.RETRY_AFTER, String.valueOf(Math.max(1, wait.get().toSeconds())));
      throw ApiException.tooMany(
          "too many failed login attempts, retry in " + Math.max(1, wait.get().toSeconds()) + "s");
    }
    Optional<Account> account = accounts.account(username).filter(a -> a.can(Account.LOGIN));
    // Hash even for unknown accounts, so that timing does not tell which names exist.
    boolean ok =
        PasswordHasher.verify(password, account.map(Account::passwordHash).orElse(DUMMY_HASH))
            && account.isPresent();
    if (!ok) {
      limiter.failed(username, address);
      metrics.counter("capstan_server_logins_total", "outcome", "failed").increment();
      throw ApiException.unauthenticated(INVALID);
    }
    limiter.succeeded(username);
    metrics.counter("capstan_server_logins_total", "outcome", "succeeded").increment();
    TokenService.Issued issued = tokens.login(username, ttl);
    res.header(
        HeaderNames.SET_COOKIE,
        Authentication.COOKIE
            + "="
            + issued.token()
            + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
            + ttl.toSeconds()
            + (secureCookie ? "; Secure" : ""));
    Json.ok(res, Map.of("token", issued.token()));
  }

  private void logout(ServerRequest req, ServerResponse res) {
    Authentication.caller(req);
    res.header(
        HeaderNames.SET_COOKIE,
        Authentication.COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    Json.ok(res, Map.of());
  }

  private void userinfo(ServerRequest req, ServerResponse res) {
    Session s = Authentication.caller(req).session();
    Json.ok(
        res,
        Map.of(
            "loggedIn", true, "username", s.username(), "iss", s.issuer(), "groups", s.groups()));
  }

  private static final String DUMMY_HASH = PasswordHasher.hash(PasswordHasher.randomPassword(16));
}
