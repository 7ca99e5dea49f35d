package dev.capstan.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepositoryUrlTest {

  @ParameterizedTest
  @CsvSource({
    "https://github.com/org/app.git,          https://github.com/org/app",
    "https://GitHub.com/org/app/,             https://github.com/org/app",
    "HTTPS://github.com:443/org/app,          https://github.com/org/app",
    "https://bot:secret@github.com/org/app,   https://github.com/org/app",
    "http://127.0.0.1:8080/apps.git,          http://127.0.0.1:8080/apps",
    "git@github.com:org/app.git,              ssh://github.com/org/app",
    "ssh://git@github.com:22/org/app.git,     ssh://github.com/org/app",
    "ssh://git@[::1]:2222/org/app,            ssh://[::1]:2222/org/app",
    "/srv/git/app.git,                        file:///srv/git/app",
    "file:///srv/git/app.git,                 file:///srv/git/app",
  })
  void normalizesEquivalentUrlsAlike(String raw, String normalized) {
    assertThat(RepositoryUrl.parse(raw).normalized()).isEqualTo(normalized);
  }

  @ParameterizedTest
  @CsvSource({
    "https://bot:secret@github.com/org/app.git,  https://github.com/org/app.git",
    "https://ghp_tokenAsUser@github.com/org/app, https://github.com/org/app",
    "ssh://git:pw@host:2222/org/app.git,         ssh://git@host:2222/org/app.git",
    "git@github.com:org/app.git,                 git@github.com:org/app.git",
    "http://127.0.0.1:8080/apps.git,             http://127.0.0.1:8080/apps.git",
  })
  void redactsPasswordsAndHttpUserInfo(String raw, String redacted) {
    assertThat(RepositoryUrl.parse(raw).redacted()).isEqualTo(redacted);
  }

  @Test
  void parsesParts() {
    RepositoryUrl url = RepositoryUrl.parse("git@Example.com:team/app.git");
    assertThat(url)
        .isEqualTo(
            new RepositoryUrl("ssh", Optional.of("git"), "example.com", -1, "/team/app.git", true));
  }

  @Test
  void cacheKeyIsFileNameSafeAndEqualForEquivalentUrls() {
    String a = RepositoryUrl.parse("https://github.com/org/podinfo.git").cacheKey();
    String b = RepositoryUrl.parse("https://user:pw@GITHUB.com/org/podinfo/").cacheKey();
    String other = RepositoryUrl.parse("https://github.com/other/podinfo").cacheKey();
    assertThat(a).isEqualTo(b).matches("[0-9a-f]{16}-podinfo").isNotEqualTo(other);
  }

  @Test
  void neverThrowsOnOddInput() {
    assertThat(RepositoryUrl.parse("").redacted()).isEmpty();
    assertThat(RepositoryUrl.parse("https://").normalized()).isEqualTo("https:///");
    assertThat(RepositoryUrl.parse("https://host:notaport/x").port()).isEqualTo(-1);
  }
}
