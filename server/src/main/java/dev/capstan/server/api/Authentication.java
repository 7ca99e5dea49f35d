package dev.capstan.server.api;

import dev.capstan.server.auth.AccountStore;
import dev.capstan.server.auth.AuthException;
import dev.capstan.server.auth.Session;
import dev.capstan.server.auth.TokenService;
import dev.capstan.server.rbac.RbacConfigWatch;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;
import java.util.Set;

/**
 * The authentication filter in front of {@code /api/}: a request carries its token as {@code
 * Authorization: Bearer <token>} or in the {@code capstan.token} cookie; without a valid one it is
 * answered 401 (JSON) and goes no further. Only login ({@code POST /api/v1/session}), Git webhooks
 * ({@code POST /api/webhook}, which authenticate with their own shared secrets), {@code /healthz},
 * {@code /metrics} and the static UI are open.
 */
public final class Authentication implements Filter {
  public static final String COOKIE = "capstan.token";
  private static final Set<String> OPEN_PREFIXES = Set.of("/healthz", "/metrics");

  private final TokenService tokens;
  private final AccountStore accounts;
  private final RbacConfigWatch rbac;
  private final Optional<Projects> projects;

  public Authentication(TokenService tokens, AccountStore accounts, RbacConfigWatch rbac) {
    this(tokens, accounts, rbac, Optional.empty());
  }

  /**
   * With {@code projects}: project role tokens are accepted while listed on their role, and the
   * projects' role policies take part in RBAC.
   */
  public Authentication(
      TokenService tokens,
      AccountStore accounts,
      RbacConfigWatch rbac,
      Optional<Projects> projects) {
    this.tokens = tokens;
    this.accounts = accounts;
    this.rbac = rbac;
    this.projects = projects;
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    String path = req.path().path();
    boolean api = path.startsWith("/api/");
    boolean open =
        !api
            || OPEN_PREFIXES.stream().anyMatch(path::startsWith)
            || (path.equals("/api/v1/session") && req.prologue().method().equals(Method.POST))
            || (path.equals("/api/webhook") && req.prologue().method().equals(Method.POST));
    if (open) {
      chain.proceed();
      return;
    }
    Optional<String> token = token(req);
    if (token.isEmpty()) {
      Json.send(res, 401, Json.error(ApiException.unauthenticated("no session information")));
      return;
    }
    Session session;
    try {
      session =
          tokens.verify(
              token.get(),
              accounts::account,
              projects
                  .<TokenService.RoleTokens>map(p -> p::listed)
                  .orElse(TokenService.RoleTokens.NONE));
    } catch (AuthException e) {
      Json.send(res, 401, Json.error(ApiException.unauthenticated(e.getMessage())));
      return;
    }
    req.context()
        .register(
            new Caller(
                session,
                rbac.policy(),
                projects
                    .<Caller.ProjectPolicies>map(p -> p::policy)
                    .orElse(Caller.ProjectPolicies.NONE)));
    chain.proceed();
  }

  /** The caller of a request that passed this filter. */
  public static Caller caller(ServerRequest req) {
    return req.context()
        .get(Caller.class)
        .orElseThrow(() -> ApiException.unauthenticated("no session information"));
  }

  private static Optional<String> token(RoutingRequest req) {
    Optional<String> auth = req.headers().first(HeaderNames.AUTHORIZATION);
    if (auth.isPresent()) {
      String v = auth.get().strip();
      if (v.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return Optional.of(v.substring(7).strip()).filter(s -> !s.isEmpty());
      }
      return Optional.empty();
    }
    return req.headers().first(HeaderNames.COOKIE).flatMap(Authentication::cookie);
  }

  private static Optional<String> cookie(String header) {
    for (String part : header.split(";")) {
      String p = part.strip();
      if (p.startsWith(COOKIE + "=")) {
        return Optional.of(p.substring(COOKIE.length() + 1)).filter(s -> !s.isEmpty());
      }
    }
    return Optional.empty();
  }
}
