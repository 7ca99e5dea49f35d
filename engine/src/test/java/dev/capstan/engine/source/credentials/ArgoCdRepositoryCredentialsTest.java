package dev.capstan.engine.source.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.engine.source.GitCredentials;
import dev.capstan.engine.source.InvalidSourceException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArgoCdRepositoryCredentialsTest {

  private static SecretData secret(String name, String type, Map<String, String> data) {
    return SecretData.ofStrings(
        "argocd/" + name, Map.of(ArgoCdRepositoryCredentials.SECRET_TYPE_LABEL, type), data);
  }

  @Test
  void repositorySecretMatchesTheSameRepositoryNormalized() {
    SecretData repo =
        secret(
            "private-repo",
            "repository",
            Map.of(
                "type",
                "git",
                "url",
                "https://github.com/org/private-repo",
                "username",
                "bot",
                "password",
                "pw1"));
    var match =
        ArgoCdRepositoryCredentials.resolve(
            "https://GitHub.com/org/private-repo.git", List.of(repo), Optional.empty());
    assertThat(match)
        .contains(
            new ArgoCdRepositoryCredentials.Match(
                GitCredentials.basic("bot", "pw1"), "argocd/private-repo", false));
  }

  @Test
  void longestRepoCredsPrefixWinsWhenNoRepositorySecretHasCredentials() {
    SecretData org =
        secret(
            "org",
            "repo-creds",
            Map.of("url", "https://github.com/org", "username", "org-bot", "password", "pw-org"));
    SecretData team =
        secret(
            "team",
            "repo-creds",
            Map.of(
                "url",
                "https://github.com/org/team-",
                "username",
                "team-bot",
                "password",
                "pw-team"));
    SecretData bare =
        secret("bare", "repository", Map.of("url", "https://github.com/org/team-app"));
    var match =
        ArgoCdRepositoryCredentials.resolve(
            "https://github.com/org/team-app", List.of(org, team, bare), Optional.empty());
    assertThat(match)
        .hasValueSatisfying(
            m -> {
              assertThat(m.secretName()).isEqualTo("argocd/team");
              assertThat(m.template()).isTrue();
              assertThat(m.credentials()).isEqualTo(GitCredentials.basic("team-bot", "pw-team"));
            });
    assertThat(
            ArgoCdRepositoryCredentials.resolve(
                "https://gitlab.com/org/app", List.of(org, team), Optional.empty()))
        .isEmpty();
  }

  @Test
  void sshKeyWithKnownHostsOrInsecure() {
    SecretData ssh =
        secret(
            "ssh",
            "repository",
            Map.of(
                "url", "git@github.com:org/app.git", "sshPrivateKey", "KEY", "insecure", "true"));
    var match =
        ArgoCdRepositoryCredentials.resolve(
            "ssh://git@github.com/org/app",
            List.of(ssh),
            Optional.of("github.com ssh-ed25519 AAAA"));
    assertThat(match.orElseThrow().credentials())
        .isEqualTo(
            new GitCredentials.SshKey(
                "KEY", Optional.empty(), Optional.of("github.com ssh-ed25519 AAAA"), true));
  }

  @Test
  void bearerTokenForHttps() {
    SecretData s =
        secret(
            "bb",
            "repository",
            Map.of("url", "https://bitbucket.example/scm/app.git", "bearerToken", "tok"));
    assertThat(
            ArgoCdRepositoryCredentials.resolve(
                    "https://bitbucket.example/scm/app.git", List.of(s), Optional.empty())
                .orElseThrow()
                .credentials())
        .isEqualTo(GitCredentials.bearerToken("tok"));
  }

  @Test
  void ignoresUnlabelledAndHelmSecrets() {
    SecretData unlabelled =
        SecretData.ofStrings("x", Map.of(), Map.of("url", "https://h/app", "password", "p"));
    SecretData helm =
        secret(
            "helm", "repository", Map.of("type", "helm", "url", "https://h/app", "password", "p"));
    assertThat(
            ArgoCdRepositoryCredentials.resolve(
                "https://h/app", List.of(unlabelled, helm), Optional.empty()))
        .isEmpty();
  }

  @Test
  void gitHubAppCredentialsAreRefusedWithoutQuotingThem() {
    SecretData app =
        secret(
            "app",
            "repository",
            Map.of(
                "url",
                "https://github.com/org/app",
                "githubAppID",
                "1",
                "githubAppPrivateKey",
                "APPKEY-SECRET"));
    assertThatThrownBy(
            () ->
                ArgoCdRepositoryCredentials.resolve(
                    "https://github.com/org/app", List.of(app), Optional.empty()))
        .isInstanceOf(InvalidSourceException.class)
        .hasMessageContaining("GitHub App")
        .hasMessageNotContaining("APPKEY-SECRET");
  }

  @Test
  void secretDataToStringListsKeysOnly() {
    SecretData s = secret("r", "repository", Map.of("url", "https://h/app", "password", "hunter2"));
    assertThat(s.toString()).contains("password").doesNotContain("hunter2");
  }
}
