package dev.capstan.server.api;

import dev.capstan.server.auth.Account;
import dev.capstan.server.auth.AccountStore;
import dev.capstan.server.auth.PasswordHasher;
import dev.capstan.server.auth.TokenService;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /api/v1/account}: list and get accounts, change a password, issue and revoke API tokens,
 * and {@code can-i}. As in Argo CD, an account may always manage itself; managing another needs
 * {@code accounts, update, <name>}.
 */
public final class AccountService implements HttpService {
  private final AccountStore accounts;
  private final TokenService tokens;
  private final Clock clock;

  public AccountService(AccountStore accounts, TokenService tokens, Clock clock) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.clock = clock;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/", this::list)
        .put("/password", this::password)
        .get("/can-i/{resource}/{action}/{object:.+}", this::canI)
        .get("/{name}", this::get)
        .post("/{name}/token", this::createToken)
        .delete("/{name}/token/{id}", this::deleteToken);
  }

  private void list(ServerRequest req, ServerResponse res) {
    Caller caller = Authentication.caller(req);
    List<Map<String, Object>> items =
        accounts.accounts().stream()
            .filter(a -> caller.can("accounts", "get", a.name()))
            .map(AccountService::view)
            .toList();
    Json.ok(res, Map.of("items", items));
  }

  private void get(ServerRequest req, ServerResponse res) {
    Caller caller = Authentication.caller(req);
    String name = Names.account(req.path().pathParameters().get("name"));
    if (!name.equals(caller.session().username())) {
      caller.require("accounts", "get", name);
    }
    Json.ok(res, view(require(name)));
  }

  private void password(ServerRequest req, ServerResponse res) {
    Caller caller = Authentication.caller(req);
    var body = Json.body(req);
    String current = body.path("currentPassword").asText("");
    String next = body.path("newPassword").asText("");
    String name = body.path("name").asText("");
    name = Names.account(name.isEmpty() ? caller.session().username() : name);
    if (!name.equals(caller.session().username())) {
      caller.require("accounts", "update", name);
    }
    Account self = require(caller.session().username());
    if (!PasswordHasher.verify(current, self.passwordHash())) {
      throw ApiException.unauthenticated("current password does not match");
    }
    if (next.length() < 8 || next.length() > 32) {
      throw ApiException.invalid("new password must be between 8 and 32 characters long");
    }
    Account target = require(name);
    if (!target.capabilities().contains(Account.LOGIN)) {
      throw ApiException.invalid("account " + name + " does not have login capability");
    }
    accounts.setPassword(name, PasswordHasher.hash(next), clock.instant());
    Json.ok(res, Map.of());
  }

  private void createToken(ServerRequest req, ServerResponse res) {
    Caller caller = Authentication.caller(req);
    String name = Names.account(req.path().pathParameters().get("name"));
    if (!name.equals(caller.session().username())) {
      caller.require("accounts", "update", name);
    }
    Account account = require(name);
    if (!account.can(Account.API_KEY)) {
      throw ApiException.precondition("account '" + name + "' does not have apiKey capability");
    }
    var body = Json.body(req);
    long expiresIn = body.path("expiresIn").asLong(0);
    if (expiresIn < 0) {
      throw ApiException.invalid("expiresIn must not be negative");
    }
    String id = body.path("id").asText("");
    if (id.isEmpty()) {
      id = UUID.randomUUID().toString();
    } else if (!id.matches("[-_.a-zA-Z0-9]{1,64}")) {
      throw ApiException.invalid("token id must be 1 to 64 letters, digits, '-', '_' or '.'");
    }
    String tokenId = id;
    if (account.tokens().stream().anyMatch(t -> t.id().equals(tokenId))) {
      throw ApiException.conflict(
          "account '" + name + "' already has a token with id '" + id + "'");
    }
    TokenService.Issued issued =
        tokens.apiKey(
            name,
            expiresIn == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(expiresIn)),
            id);
    accounts.addToken(
        name,
        new Account.ApiToken(
            id,
            issued.issuedAt().getEpochSecond(),
            issued.expiresAt().map(e -> e.getEpochSecond()).orElse(0L)));
    Json.ok(res, Map.of("token", issued.token()));
  }

  private void deleteToken(ServerRequest req, ServerResponse res) {
    Caller caller = Authentication.caller(req);
    String name = Names.account(req.path().pathParameters().get("name"));
    if (!name.equals(caller.session().username())) {
      caller.require("accounts", "update", name);
    }
    require(name);
    if (!accounts.removeToken(name, req.path().pathParameters().get("id"))) {
      throw ApiException.notFound("account '" + name + "' has no token with that id");
    }
    Json.ok(res, Map.of());
  }

  private void canI(ServerRequest req, ServerResponse res) {
    Caller caller = Authentication.caller(req);
    var params = req.path().pathParameters();
    boolean yes = caller.can(params.get("resource"), params.get("action"), params.get("object"));
    Json.ok(res, Map.of("value", yes ? "yes" : "no"));
  }

  private Account require(String name) {
    return accounts
        .account(name)
        .orElseThrow(() -> ApiException.notFound("account '" + name + "' does not exist"));
  }

  private static Map<String, Object> view(Account a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", a.name());
    m.put("enabled", a.enabled());
    m.put("capabilities", a.capabilities().stream().sorted().toList());
    m.put(
        "tokens",
        a.tokens().stream()
            .map(
                t -> {
                  Map<String, Object> tm = new LinkedHashMap<>();
                  tm.put("id", t.id());
                  tm.put("issuedAt", t.issuedAt());
                  if (t.expiresAt() > 0) {
                    tm.put("expiresAt", t.expiresAt());
                  }
                  return tm;
                })
            .toList());
    return m;
  }
}
