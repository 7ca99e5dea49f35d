package dev.capstan.engine.source.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.engine.source.GitCredentials;
import dev.capstan.engine.source.InvalidSourceException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FluxGitCredentialsTest {

  private static SecretData secret(Map<String, String> data) {
    return SecretData.ofStrings("flux-system/git-auth", Map.of(), data);
  }

  @Test
  void basicAuthForHttps() {
    assertThat(
            FluxGitCredentials.fromSecret(
                "https://h/org/app", secret(Map.of("username", "git", "password", "pw"))))
        .isEqualTo(GitCredentials.basic("git", "pw"));
  }

  @Test
  void bearerTokenWinsOverBasicForHttps() {
    assertThat(
            FluxGitCredentials.fromSecret(
                "https://h/org/app",
                secret(Map.of("bearerToken", "tok\n", "username", "u", "password", "p"))))
        .isEqualTo(GitCredentials.bearerToken("tok"));
  }

  @Test
  void identityKnownHostsAndPassphraseForSsh() {
    var data =
        Map.of(
            "identity", "KEY".getBytes(StandardCharsets.UTF_8),
            "identity.pub", "PUB".getBytes(StandardCharsets.UTF_8),
            "known_hosts", "h ssh-ed25519 AAAA".getBytes(StandardCharsets.UTF_8),
            "password", "phrase".getBytes(StandardCharsets.UTF_8));
    assertThat(
            FluxGitCredentials.fromSecret(
                "ssh://git@h/org/app", new SecretData("flux-system/ssh", Map.of(), data)))
        .isEqualTo(
            new GitCredentials.SshKey(
                "KEY", Optional.of("phrase"), Optional.of("h ssh-ed25519 AAAA"), false));
  }

  @Test
  void sshWithoutKnownHostsIsInvalid() {
    assertThatThrownBy(
            () ->
                FluxGitCredentials.fromSecret(
                    "ssh://git@h/org/app", secret(Map.of("identity", "KEY-SECRET"))))
        .isInstanceOf(InvalidSourceException.class)
        .hasMessage(
            "git credentials ssh://git@h/org/app failed (invalid-credentials): secret"
                + " flux-system/git-auth has no 'known_hosts' key; SSH needs the host keys")
        .hasMessageNotContaining("KEY-SECRET");
  }

  @Test
  void emptySecretMeansAnonymous() {
    assertThat(FluxGitCredentials.fromSecret("https://h/org/app", secret(Map.of())))
        .isEqualTo(GitCredentials.none());
  }
}
