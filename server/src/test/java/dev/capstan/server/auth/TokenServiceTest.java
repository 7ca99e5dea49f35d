package dev.capstan.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TokenServiceTest {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
  private static final Account ADMIN =
      new Account(
          "admin", true, Set.of("login"), "", Optional.of(NOW.minusSeconds(3600)), List.of());

  private static Function<String, Optional<Account>> accounts(Account... all) {
    return name -> List.of(all).stream().filter(a -> a.name().equals(name)).findFirst();
  }

  private static TokenService at(Instant when) {
    return new TokenService(KEY, Clock.fixed(when, ZoneOffset.UTC));
  }

  @Test
  void loginTokenVerifiesUntilItExpires() {
    String token = at(NOW).login("admin", Duration.ofHours(24)).token();
    Session s = at(NOW.plusSeconds(60)).verify(token, accounts(ADMIN));
    assertThat(s.username()).isEqualTo("admin");
    assertThat(s.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
    assertThatThrownBy(() -> at(NOW.plus(Duration.ofHours(25))).verify(token, accounts(ADMIN)))
        .isInstanceOf(AuthException.class)
        .hasMessage("token is expired");
  }

  @Test
  void tokenSignedWithAnotherKeyIsRejected() {
    String forged =
        new TokenService(
                "another-key-another-key-another-k".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC))
            .login("admin", Duration.ofHours(1))
            .token();
    assertThatThrownBy(() -> at(NOW).verify(forged, accounts(ADMIN)))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("signature");
  }

  @Test
  void tamperedPayloadIsRejected() {
    String[] parts = at(NOW).login("reader", Duration.ofHours(1)).token().split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"reader\"", "\"admin\"");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertThatThrownBy(() -> at(NOW).verify(tampered, accounts(ADMIN)))
        .isInstanceOf(AuthException.class);
  }

  @Test
  void unsignedTokenIsRejected() {
    String header =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("{\"iss\":\"capstan\",\"sub\":\"admin\",\"capstan.dev/kind\":\"login\",\"exp\":"
                        + NOW.plusSeconds(3600).getEpochSecond()
                        + "}")
                    .getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> at(NOW).verify(header + "." + payload + ".", accounts(ADMIN)))
        .isInstanceOf(AuthException.class);
  }

  @Test
  void garbageIsRejected() {
    assertThatThrownBy(() -> at(NOW).verify("not-a-token", accounts(ADMIN)))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("malformed");
  }

  @Test
  void passwordChangeVoidsEarlierLoginTokens() {
    String token = at(NOW).login("admin", Duration.ofHours(24)).token();
    Account changed =
        new Account(
            "admin", true, Set.of("login"), "", Optional.of(NOW.plusSeconds(10)), List.of());
    assertThatThrownBy(() -> at(NOW.plusSeconds(20)).verify(token, accounts(changed)))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("password changed");
  }

  @Test
  void disabledOrUnknownAccountIsRejected() {
    String token = at(NOW).login("admin", Duration.ofHours(1)).token();
    Account disabled =
        new Account("admin", false, Set.of("login"), "", Optional.empty(), List.of());
    assertThatThrownBy(() -> at(NOW).verify(token, accounts(disabled)))
        .isInstanceOf(AuthException.class);
    assertThatThrownBy(() -> at(NOW).verify(token, accounts())).isInstanceOf(AuthException.class);
  }

  @Test
  void apiTokenIsValidWhileListedAndWithoutExpiry() {
    TokenService.Issued issued = at(NOW).apiKey("ci", Optional.empty(), "t1");
    Account ci =
        new Account(
            "ci",
            true,
            Set.of("apiKey"),
            "",
            Optional.empty(),
            List.of(new Account.ApiToken("t1", NOW.getEpochSecond(), 0)));
    assertThat(at(NOW.plus(Duration.ofDays(400))).verify(issued.token(), accounts(ci)).username())
        .isEqualTo("ci");
    Account revoked = new Account("ci", true, Set.of("apiKey"), "", Optional.empty(), List.of());
    assertThatThrownBy(() -> at(NOW).verify(issued.token(), accounts(revoked)))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("revoked");
  }

  @Test
  void shortKeyIsRefused() {
    assertThatThrownBy(() -> new TokenService(new byte[8], Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void projectRoleTokensAreValidWhileListedOnTheirRole() {
    TokenService.Issued issued =
        at(NOW).projectRole("proj:web:ci", Optional.of(Duration.ofHours(1)), "pipeline");
    TokenService.RoleTokens listed =
        (subject, id, iat) ->
            subject.equals("proj:web:ci") && id.equals("pipeline") && iat == NOW.getEpochSecond();
    Session s = at(NOW.plusSeconds(10)).verify(issued.token(), accounts(), listed);
    assertThat(s.username()).isEqualTo("proj:web:ci");
    assertThat(s.tokenId()).isEqualTo("pipeline");
    assertThatThrownBy(() -> at(NOW.plusSeconds(10)).verify(issued.token(), accounts()))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("was revoked or its role is gone");
    assertThatThrownBy(
            () -> at(NOW.plus(Duration.ofHours(2))).verify(issued.token(), accounts(), listed))
        .hasMessage("token is expired");
    // An account token is not taken for a project role's, nor the other way round.
    String login = at(NOW).login("admin", Duration.ofHours(1)).token();
    assertThat(at(NOW).verify(login, accounts(ADMIN), listed).username()).isEqualTo("admin");
  }
}
