package dev.capstan.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import dev.capstan.testsupport.git.GitSshServer;
import dev.capstan.testsupport.git.SshKeyPair;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GitSource} against a real SSH git server (Apache MINA sshd + JGit) on loopback. */
class GitSourceSshTest {

  @TempDir Path cache;
  private GitFixture git;
  private FixtureRepository repo;
  private GitSource source;
  private final SshKeyPair deployKey = SshKeyPair.generate();
  private GitSshServer ssh;
  private ObjectId head;

  @BeforeEach
  void setUp() {
    git = GitFixture.create();
    repo = git.createRepository("apps");
    head = repo.commit().add("kustomization.yaml", "resources: []\n").create();
    ssh = git.startSsh(deployKey);
    source = new GitSource(GitSourceOptions.defaults(cache));
  }

  @AfterEach
  void tearDown() {
    git.close();
  }

  @Test
  void checksOutWithTheAuthorizedKeyAndAKnownHostKey() {
    GitRemote remote =
        new GitRemote(
            ssh.url(repo),
            GitCredentials.sshKey(deployKey.privateKeyOpenSsh(), ssh.knownHostsLine()));
    try (Snapshot snapshot = source.checkout(remote, RevisionSpec.branch("main"))) {
      assertThat(snapshot.revision())
          .isEqualTo(new ResolvedRevision(head.name(), "refs/heads/main"));
      assertThat(snapshot.root().resolve("kustomization.yaml")).hasContent("resources: []");
    }
    ObjectId next = repo.commit().add("kustomization.yaml", "resources: [a.yaml]\n").create();
    try (Snapshot snapshot = source.checkout(remote, RevisionSpec.branch("main"))) {
      assertThat(snapshot.revision().sha()).isEqualTo(next.name());
    }
  }

  @Test
  void anUnauthorizedKeyIsATerminalAuthError() {
    SshKeyPair stranger = SshKeyPair.generate();
    GitRemote remote =
        new GitRemote(
            ssh.url(repo),
            GitCredentials.sshKey(stranger.privateKeyOpenSsh(), ssh.knownHostsLine()));
    GitSourceException e =
        catchThrowableOfType(
            GitSourceException.class, () -> source.checkout(remote, RevisionSpec.head()));
    assertThat(e).isInstanceOf(GitAuthenticationException.class);
    assertThat(e.reason()).isEqualTo("auth");
    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage()).startsWith("git ls-remote " + ssh.url(repo) + " failed (auth): ");
  }

  @Test
  void aHostKeyThatDoesNotMatchKnownHostsIsRefused() {
    String otherHost = "[127.0.0.1]:" + ssh.port() + " " + SshKeyPair.generate().publicKeyEntry();
    GitRemote remote =
        new GitRemote(
            ssh.url(repo), GitCredentials.sshKey(deployKey.privateKeyOpenSsh(), otherHost));
    GitSourceException e =
        catchThrowableOfType(
            GitSourceException.class, () -> source.resolve(remote, RevisionSpec.head()));
    assertThat(e).isInstanceOf(GitAuthenticationException.class);
    assertThat(e.reason()).isEqualTo("host-key");
    assertThat(e.isTransient()).isFalse();
  }

  @Test
  void withoutKnownHostsTheHostIsRefusedUnlessInsecure() {
    GitCredentials.SshKey noHosts =
        new GitCredentials.SshKey(
            deployKey.privateKeyOpenSsh(), Optional.empty(), Optional.empty(), false);
    GitSourceException e =
        catchThrowableOfType(
            GitSourceException.class,
            () -> source.resolve(new GitRemote(ssh.url(repo), noHosts), RevisionSpec.head()));
    assertThat(e).isInstanceOf(GitAuthenticationException.class);
    assertThat(e.reason()).isEqualTo("host-key");

    ResolvedRevision insecure =
        source.resolve(
            new GitRemote(ssh.url(repo), noHosts.withInsecureIgnoreHostKey()), RevisionSpec.head());
    assertThat(insecure.sha()).isEqualTo(head.name());
  }

  @Test
  void anUnreadableKeyIsInvalidAndItsTextIsNotQuoted() {
    String garbage =
        "-----BEGIN OPENSSH PRIVATE KEY-----\n"
            + "bm90LWEta2V5LWF0LWFsbC1zZWNyZXQtbWF0ZXJpYWw=\n"
            + "-----END OPENSSH PRIVATE KEY-----\n";
    GitRemote remote =
        new GitRemote(ssh.url(repo), GitCredentials.sshKey(garbage, ssh.knownHostsLine()));
    GitSourceException e =
        catchThrowableOfType(
            GitSourceException.class, () -> source.resolve(remote, RevisionSpec.head()));
    assertThat(e).isInstanceOf(InvalidSourceException.class);
    assertThat(e.reason()).isEqualTo("invalid-key");
    assertThat(e.getMessage()).doesNotContain("bm90LWEta2V5");
  }

  @Test
  void aStoppedServerIsTransientAndRecoversAfterRestart() {
    GitRemote remote =
        new GitRemote(
            ssh.url(repo),
            GitCredentials.sshKey(deployKey.privateKeyOpenSsh(), ssh.knownHostsLine()));
    try (Snapshot lastGood = source.checkout(remote, RevisionSpec.head())) {
      ssh.stop();
      GitSourceException e =
          catchThrowableOfType(
              GitSourceException.class, () -> source.checkout(remote, RevisionSpec.head()));
      assertThat(e).isInstanceOf(GitUnreachableException.class);
      assertThat(e.isTransient()).isTrue();
      assertThat(lastGood.root().resolve("kustomization.yaml")).exists();
      ssh.start();
      try (Snapshot again = source.checkout(remote, RevisionSpec.head())) {
        assertThat(again.root()).isEqualTo(lastGood.root());
      }
    }
  }
}
