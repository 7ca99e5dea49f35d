package dev.capstan.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import dev.capstan.testsupport.git.GitHttpServer;
import dev.capstan.testsupport.git.HttpAuth;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secret values appear in no message, toString or cause chain, whatever fails. */
class SecretsNeverLeakTest {

  private static final String PASSWORD = "pw-Zq8x7Vn3Lk";
  private static final String TOKEN = "tok-Hh4Jd9Wq2Pz";

  @TempDir Path cache;
  private final GitFixture git = GitFixture.create();

  @AfterEach
  void tearDown() {
    git.close();
  }

  @Test
  void credentialsToStringHidesSecrets() {
    String key =
        "-----BEGIN OPENSSH PRIVATE KEY-----\n"
            + "AAAAB3NzaC1yc2EAAAADAQABAAABAQC7secretkeymaterial\n"
            + "-----END OPENSSH PRIVATE KEY-----\n";
    assertThat(GitCredentials.basic("alice", PASSWORD).toString())
        .contains("alice")
        .doesNotContain(PASSWORD);
    assertThat(GitCredentials.bearerToken(TOKEN).toString()).doesNotContain(TOKEN);
    GitCredentials.SshKey ssh =
        new GitCredentials.SshKey(
            key, Optional.of(PASSWORD), Optional.of("host ssh-ed25519 AAAA"), false);
    assertThat(ssh.toString())
        .doesNotContain("secretkeymaterial")
        .doesNotContain(PASSWORD)
        .contains("knownHosts=<1 lines>");
    assertThat(
            new GitRemote(
                    "https://bot:" + PASSWORD + "@git.example/org/app.git", GitCredentials.none())
                .toString())
        .isEqualTo("GitRemote[https://git.example/org/app.git, GitCredentials.None]");
  }

  @Test
  void wrongPasswordInCredentialsOrInTheUrlNeverShowsUp() {
    FixtureRepository repo = git.createRepository("apps");
    repo.commit().add("a", "a\n").create();
    GitHttpServer http = git.startHttp(HttpAuth.basic("alice", "right-password"));
    GitSource source = new GitSource(GitSourceOptions.defaults(cache));

    assertClean(
        catchThrowableOfType(
            GitSourceException.class,
            () ->
                source.checkout(
                    new GitRemote(http.url(repo), GitCredentials.basic("alice", PASSWORD)),
                    RevisionSpec.head())));
    String inUrl = http.url(repo).replace("http://", "http://alice:" + PASSWORD + "@");
    GitSourceException fromUrl =
        catchThrowableOfType(
            GitSourceException.class,
            () -> source.checkout(GitRemote.anonymous(inUrl), RevisionSpec.head()));
    assertClean(fromUrl);
    assertThat(fromUrl.url()).isEqualTo(http.url(repo));
    assertClean(
        catchThrowableOfType(
            GitSourceException.class,
            () ->
                source.checkout(
                    new GitRemote(http.url(repo), GitCredentials.bearerToken(TOKEN)),
                    RevisionSpec.head())));
  }

  @Test
  void unreachableServerWithCredentialsInTheUrlNeverShowsThem() {
    FixtureRepository repo = git.createRepository("apps");
    repo.commit().add("a", "a\n").create();
    GitHttpServer http = git.startHttp();
    String inUrl = http.url(repo).replace("http://", "http://" + TOKEN + "@");
    http.stop();
    GitSource source = new GitSource(GitSourceOptions.defaults(cache));
    GitSourceException e =
        catchThrowableOfType(
            GitSourceException.class,
            () -> source.checkout(GitRemote.anonymous(inUrl), RevisionSpec.head()));
    assertThat(e).isInstanceOf(GitUnreachableException.class);
    assertClean(e);
  }

  private static void assertClean(GitSourceException e) {
    assertThat(e).isNotNull();
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(PASSWORD).doesNotContain(TOKEN);
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(PASSWORD).doesNotContain(TOKEN);
      assertThat(t.toString()).doesNotContain(PASSWORD).doesNotContain(TOKEN);
    }
  }
}
