package dev.capstan.engine.source;

import static java.nio.file.attribute.PosixFilePermission.GROUP_WRITE;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE;
import static java.nio.file.attribute.PosixFilePermission.OWNER_WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import dev.capstan.testsupport.git.GitHttpServer;
import dev.capstan.testsupport.git.GitRequest;
import dev.capstan.testsupport.git.HttpAuth;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GitSource} against a real smart-HTTP server on loopback. */
class GitSourceHttpTest {

  @TempDir Path cache;
  private GitFixture git;
  private FixtureRepository repo;
  private GitSource source;

  @BeforeEach
  void setUp() {
    git = GitFixture.create();
    repo = git.createRepository("apps");
    source = new GitSource(GitSourceOptions.defaults(cache));
  }

  @AfterEach
  void tearDown() {
    git.close();
  }

  @Test
  void checksOutABranchAnonymouslyIntoAReadOnlyDirectory() throws Exception {
    ObjectId head =
        repo.commit()
            .add("kustomization.yaml", "resources:\n- deploy.yaml\n")
            .add("base/deploy.yaml", "kind: Deployment\n")
            .addExecutable("bin/run.sh", "#!/bin/sh\n")
            .create();
    GitHttpServer http = git.startHttp();

    try (Snapshot snapshot =
        source.checkout(GitRemote.anonymous(http.url(repo)), RevisionSpec.branch("main"))) {
      assertThat(snapshot.revision())
          .isEqualTo(new ResolvedRevision(head.name(), "refs/heads/main"));
      Path root = snapshot.root();
      assertThat(root.getFileName().toString()).isEqualTo(head.name());
      assertThat(Files.readString(root.resolve("base/deploy.yaml")))
          .isEqualTo("kind: Deployment\n");
      assertThat(Files.isExecutable(root.resolve("bin/run.sh"))).isTrue();
      // Permission bits, not Files.isWritable: tests may run as root, who may write anyway.
      assertThat(Files.getPosixFilePermissions(root.resolve("kustomization.yaml")))
          .doesNotContain(OWNER_WRITE, GROUP_WRITE, OTHERS_WRITE);
      assertThat(Files.getPosixFilePermissions(root.resolve("base")))
          .doesNotContain(OWNER_WRITE, GROUP_WRITE, OTHERS_WRITE);
      assertThat(Files.getPosixFilePermissions(root)).doesNotContain(OWNER_WRITE);
      assertThat(root.resolve(".git")).doesNotExist();
    }
  }

  @Test
  void basicAuthSucceedsWithTheRightPasswordAndFailsTerminallyWithAWrongOne() {
    ObjectId head = repo.commit().add("a.yaml", "a: 1\n").create();
    GitHttpServer http = git.startHttp(HttpAuth.basic("alice", "correct-horse"));

    try (Snapshot snapshot =
        source.checkout(
            new GitRemote(http.url(repo), GitCredentials.basic("alice", "correct-horse")),
            RevisionSpec.head())) {
      assertThat(snapshot.revision().sha()).isEqualTo(head.name());
    }

    GitSourceException wrong =
        catchThrowableOfType(
            GitSourceException.class,
            () ->
                source.checkout(
                    new GitRemote(http.url(repo), GitCredentials.basic("alice", "battery-staple")),
                    RevisionSpec.head()));
    assertThat(wrong).isInstanceOf(GitAuthenticationException.class);
    assertThat(wrong.isTransient()).isFalse();
    assertThat(wrong.reason()).isEqualTo("auth");
    assertThat(wrong.getMessage())
        .startsWith("git ls-remote " + http.url(repo) + " failed (auth): ");

    GitSourceException anonymous =
        catchThrowableOfType(
            GitSourceException.class,
            () -> source.resolve(GitRemote.anonymous(http.url(repo)), RevisionSpec.head()));
    assertThat(anonymous).isInstanceOf(GitAuthenticationException.class);
  }

  @Test
  void bearerTokenIsSentAsAnAuthorizationHeader() {
    ObjectId head = repo.commit().add("a.yaml", "a: 1\n").create();
    GitHttpServer http = git.startHttp(HttpAuth.bearer("tok-123456"));

    assertThat(
            source
                .resolve(
                    new GitRemote(http.url(repo), GitCredentials.bearerToken("tok-123456")),
                    RevisionSpec.head())
                .sha())
        .isEqualTo(head.name());
    assertThatThrownBy(
            () ->
                source.resolve(
                    new GitRemote(http.url(repo), GitCredentials.bearerToken("tok-999999")),
                    RevisionSpec.head()))
        .isInstanceOf(GitAuthenticationException.class);
  }

  @Test
  void resolvesBranchTagAnnotatedTagCommitHeadRefAndNamedRevisions() {
    ObjectId first = repo.commit().add("v", "1\n").message("one").create();
    ObjectId second = repo.commit().add("v", "2\n").message("two").create();
    repo.tag("v1.0.0", first);
    repo.annotatedTag("v2.0.0", second, "release two");
    ObjectId dev = repo.commit("dev").add("v", "dev\n").create();
    repo.setBranch("same-as-tag", first);
    GitHttpServer http = git.startHttp();
    GitRemote remote = GitRemote.anonymous(http.url(repo));

    assertThat(source.resolve(remote, RevisionSpec.head()))
        .isEqualTo(new ResolvedRevision(second.name(), "refs/heads/main"));
    assertThat(source.resolve(remote, RevisionSpec.branch("dev")))
        .isEqualTo(new ResolvedRevision(dev.name(), "refs/heads/dev"));
    assertThat(source.resolve(remote, RevisionSpec.tag("v1.0.0")))
        .isEqualTo(new ResolvedRevision(first.name(), "refs/tags/v1.0.0"));
    assertThat(source.resolve(remote, RevisionSpec.tag("v2.0.0")))
        .isEqualTo(new ResolvedRevision(second.name(), "refs/tags/v2.0.0"));
    assertThat(source.resolve(remote, RevisionSpec.ref("refs/heads/dev")).sha())
        .isEqualTo(dev.name());
    assertThat(source.resolve(remote, RevisionSpec.parse("v1.0.0")))
        .isEqualTo(new ResolvedRevision(first.name(), "refs/tags/v1.0.0"));
    assertThat(source.resolve(remote, RevisionSpec.parse("dev")).ref()).isEqualTo("refs/heads/dev");
    assertThat(source.resolve(remote, RevisionSpec.parse(first.name())))
        .isEqualTo(new ResolvedRevision(first.name(), "refs/heads/same-as-tag"));

    try (Snapshot annotated = source.checkout(remote, RevisionSpec.tag("v2.0.0"));
        Snapshot old = source.checkout(remote, RevisionSpec.commit(first.name()))) {
      assertThat(annotated.revision().sha()).isEqualTo(second.name());
      assertThat(annotated.root().resolve("v")).hasContent("2");
      assertThat(old.root().resolve("v")).hasContent("1");
    }

    assertThatThrownBy(() -> source.resolve(remote, RevisionSpec.branch("nope")))
        .isInstanceOf(RevisionNotFoundException.class)
        .hasMessage(
            "git ls-remote "
                + http.url(repo)
                + " failed (revision-not-found): branch nope does not exist");
  }

  @Test
  void semverPicksTheHighestMatchingTag() {
    ObjectId one = repo.commit().add("v", "1.4.0\n").create();
    ObjectId two = repo.commit().add("v", "1.10.0\n").create();
    ObjectId three = repo.commit().add("v", "2.0.0\n").create();
    ObjectId rc = repo.commit().add("v", "1.11.0-rc.1\n").create();
    repo.tag("v1.4.0", one);
    repo.annotatedTag("v1.10.0", two, "release");
    repo.tag("v2.0.0", three);
    repo.tag("v1.11.0-rc.1", rc);
    repo.tag("latest", three);
    GitHttpServer http = git.startHttp();
    GitRemote remote = GitRemote.anonymous(http.url(repo));

    assertThat(source.resolve(remote, RevisionSpec.semver(">=1.0.0 <2.0.0")))
        .isEqualTo(new ResolvedRevision(two.name(), "refs/tags/v1.10.0"));
    assertThat(source.resolve(remote, RevisionSpec.semver(">=1.11.0-rc.0 <1.12.0-0")).ref())
        .isEqualTo("refs/tags/v1.11.0-rc.1");
    // As in Masterminds semver, each constraint without a prerelease rejects prereleases.
    assertThatThrownBy(() -> source.resolve(remote, RevisionSpec.semver(">=1.11.0-rc.0 <2.0.0")))
        .isInstanceOf(RevisionNotFoundException.class);
    try (Snapshot s = source.checkout(remote, RevisionSpec.semver("^1.0"))) {
      assertThat(s.revision().fluxRevision()).isEqualTo("v1.10.0@sha1:" + two.name());
      assertThat(s.root().resolve("v")).hasContent("1.10.0");
    }
    assertThatThrownBy(() -> source.resolve(remote, RevisionSpec.semver(">=3.0.0")))
        .isInstanceOf(RevisionNotFoundException.class)
        .hasMessageEndingWith("(revision-not-found): no tag matches semver >=3.0.0");
  }

  @Test
  void checksOutACommitThatNoRefPointsAt() {
    ObjectId first = repo.commit().add("v", "1\n").create();
    repo.commit().add("v", "2\n").create();
    GitHttpServer http = git.startHttp();
    try (Snapshot snapshot =
        source.checkout(GitRemote.anonymous(http.url(repo)), RevisionSpec.commit(first.name()))) {
      assertThat(snapshot.revision()).isEqualTo(new ResolvedRevision(first.name(), first.name()));
      assertThat(snapshot.root().resolve("v")).hasContent("1");
    }
  }

  @Test
  void checksOutAnUnadvertisedCommitFromAServerThatOnlySendsTips() {
    ObjectId first = repo.commit().add("v", "1\n").create();
    repo.commit().add("v", "2\n").create();
    GitHttpServer http = git.startHttp();
    http.setAllowReachableShaInWant(false);
    GitRemote remote = GitRemote.anonymous(http.url(repo));
    // Make the cache shallow first, so the fallback has to unshallow it.
    source.checkout(remote, RevisionSpec.head()).close();
    try (Snapshot snapshot = source.checkout(remote, RevisionSpec.commit(first.name()))) {
      assertThat(snapshot.root().resolve("v")).hasContent("1");
    }
    String missing = "0123456789abcdef0123456789abcdef01234567";
    assertThatThrownBy(() -> source.checkout(remote, RevisionSpec.commit(missing)))
        .isInstanceOf(RevisionNotFoundException.class)
        .hasMessageContaining("commit " + missing + " is not reachable from any branch or tag");
  }

  @Test
  void aCommitThatDoesNotExistIsATerminalError() {
    repo.commit().add("v", "1\n").create();
    GitHttpServer http = git.startHttp();
    String missing = "0123456789abcdef0123456789abcdef01234567";
    GitSourceException e =
        catchThrowableOfType(
            GitSourceException.class,
            () ->
                source.checkout(GitRemote.anonymous(http.url(repo)), RevisionSpec.commit(missing)));
    assertThat(e).isInstanceOf(RevisionNotFoundException.class);
    assertThat(e.isTransient()).isFalse();
  }

  @Test
  void pollingAnUnchangedBranchFetchesNothingAndANewCommitIsPickedUp() {
    ObjectId first = repo.commit().add("v", "1\n").create();
    GitHttpServer http = git.startHttp();
    GitRemote remote = GitRemote.anonymous(http.url(repo));

    Path firstRoot;
    try (Snapshot snapshot = source.checkout(remote, RevisionSpec.branch("main"))) {
      firstRoot = snapshot.root();
    }
    assertThat(fetches(http)).isEqualTo(1);

    try (Snapshot again = source.checkout(remote, RevisionSpec.branch("main"))) {
      assertThat(again.root()).isEqualTo(firstRoot);
      assertThat(again.revision().sha()).isEqualTo(first.name());
    }
    assertThat(fetches(http)).as("no fetch when the SHA did not change").isEqualTo(1);

    ObjectId second = repo.commit().add("v", "2\n").add("new.yaml", "x: y\n").create();
    assertThat(source.resolve(remote, RevisionSpec.branch("main")).sha()).isEqualTo(second.name());
    try (Snapshot updated = source.checkout(remote, RevisionSpec.branch("main"))) {
      assertThat(updated.revision().sha()).isEqualTo(second.name());
      assertThat(updated.root()).isNotEqualTo(firstRoot);
      assertThat(updated.root().resolve("new.yaml")).exists();
      assertThat(updated.root().resolve("v")).hasContent("2");
    }
    assertThat(fetches(http)).isEqualTo(2);
    assertThat(firstRoot.resolve("v")).as("the old snapshot is untouched").hasContent("1");
  }

  @Test
  void followsAForcePushedBranch() {
    ObjectId base = repo.commit().add("v", "base\n").create();
    repo.commit().add("v", "old\n").create();
    GitHttpServer http = git.startHttp();
    GitRemote remote = GitRemote.anonymous(http.url(repo));
    try (Snapshot before = source.checkout(remote, RevisionSpec.branch("main"))) {
      assertThat(before.root().resolve("v")).hasContent("old");
    }

    ObjectId rewritten = repo.commit().parent(base).add("v", "rewritten\n").create();
    try (Snapshot after = source.checkout(remote, RevisionSpec.branch("main"))) {
      assertThat(after.revision().sha()).isEqualTo(rewritten.name());
      assertThat(after.root().resolve("v")).hasContent("rewritten");
    }

    repo.setBranch("main", base);
    try (Snapshot back = source.checkout(remote, RevisionSpec.branch("main"))) {
      assertThat(back.revision().sha()).isEqualTo(base.name());
      assertThat(back.root().resolve("v")).hasContent("base");
    }
  }

  @Test
  void aStoppedServerIsATransientErrorAndTheLastSnapshotStaysReadable() {
    repo.commit().add("v", "1\n").create();
    GitHttpServer http = git.startHttp();
    GitRemote remote = GitRemote.anonymous(http.url(repo));
    try (Snapshot lastGood = source.checkout(remote, RevisionSpec.branch("main"))) {
      http.stop();
      repo.commit().add("v", "2\n").create();

      GitSourceException e =
          catchThrowableOfType(
              GitSourceException.class, () -> source.checkout(remote, RevisionSpec.branch("main")));
      assertThat(e).isInstanceOf(GitUnreachableException.class);
      assertThat(e.isTransient()).isTrue();
      assertThat(e.reason()).isEqualTo("unreachable");
      assertThat(e.getMessage())
          .startsWith("git ls-remote " + http.url(repo) + " failed (unreachable): ");
      assertThat(lastGood.root().resolve("v")).hasContent("1");

      http.start();
      try (Snapshot recovered = source.checkout(remote, RevisionSpec.branch("main"))) {
        assertThat(recovered.root().resolve("v")).hasContent("2");
      }
      assertThat(lastGood.root().resolve("v")).hasContent("1");
    }
  }

  @Test
  void aServerThatAcceptsButNeverAnswersTimesOutTransiently() throws Exception {
    try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      GitSource impatient =
          new GitSource(
              GitSourceOptions.defaults(cache.resolve("t")).withTimeout(Duration.ofSeconds(1)));
      String url = "http://127.0.0.1:" + blackHole.getLocalPort() + "/apps.git";
      GitSourceException e =
          catchThrowableOfType(
              GitSourceException.class,
              () -> impatient.resolve(GitRemote.anonymous(url), RevisionSpec.head()));
      assertThat(e).isInstanceOf(GitUnreachableException.class);
      assertThat(e.reason()).isEqualTo("timeout");
      assertThat(e.isTransient()).isTrue();
    }
  }

  @Test
  void staleLockFilesFromACrashedProcessAreClearedOnStart() throws Exception {
    repo.commit().add("v", "1\n").create();
    GitHttpServer http = git.startHttp();
    GitRemote remote = GitRemote.anonymous(http.url(repo));
    source.checkout(remote, RevisionSpec.branch("main")).close();
    Path cached;
    try (var repos = Files.list(cache.resolve("repos"))) {
      cached = repos.findFirst().orElseThrow();
    }
    Files.writeString(cached.resolve("refs/heads/main.lock"), "");
    Files.writeString(cached.resolve("shallow.lock"), "");
    repo.commit().add("v", "2\n").create();

    GitSource restarted = new GitSource(GitSourceOptions.defaults(cache));
    assertThat(cached.resolve("refs/heads/main.lock")).doesNotExist();
    assertThat(cached.resolve("shallow.lock")).doesNotExist();
    try (Snapshot s = restarted.checkout(remote, RevisionSpec.branch("main"))) {
      assertThat(s.root().resolve("v")).hasContent("2");
    }

    // A lock appearing while running blocks the cached ref, but not the fetched commit.
    Files.writeString(cached.resolve("refs/heads/main.lock"), "");
    repo.commit().add("v", "3\n").create();
    try (Snapshot s = restarted.checkout(remote, RevisionSpec.branch("main"))) {
      assertThat(s.root().resolve("v")).hasContent("3");
    }
  }

  @Test
  void localRepositoriesOnlyWhenAllowed() {
    ObjectId head = repo.commit().add("v", "1\n").create();
    String fileUrl = repo.directory().toUri().toString();
    assertThatThrownBy(() -> source.resolve(GitRemote.anonymous(fileUrl), RevisionSpec.head()))
        .isInstanceOf(InvalidSourceException.class)
        .hasMessageContaining("(invalid-url): local repositories");
    assertThatThrownBy(
            () ->
                source.resolve(
                    GitRemote.anonymous(repo.directory().toString()), RevisionSpec.head()))
        .isInstanceOf(InvalidSourceException.class);

    GitSource local =
        new GitSource(
            GitSourceOptions.defaults(cache.resolve("local")).withLocalRepositoriesAllowed());
    try (Snapshot s = local.checkout(GitRemote.anonymous(fileUrl), RevisionSpec.head())) {
      assertThat(s.revision().sha()).isEqualTo(head.name());
      assertThat(s.root().resolve("v")).hasContent("1");
    }
  }

  @Test
  void anUnknownRepositoryIsTerminal() {
    GitHttpServer http = git.startHttp();
    GitSourceException e =
        catchThrowableOfType(
            GitSourceException.class,
            () ->
                source.resolve(
                    GitRemote.anonymous(http.baseUrl() + "/missing.git"), RevisionSpec.head()));
    assertThat(e).isInstanceOf(RepositoryNotFoundException.class);
    assertThat(e.isTransient()).isFalse();
  }

  @Test
  void symlinksInsideTheRepositoryAreKeptAndThoseLeavingItAreRefused() throws Exception {
    repo.commit().add("base/a.yaml", "a: 1\n").addSymlink("link.yaml", "base/a.yaml").create();
    GitHttpServer http = git.startHttp();
    GitRemote remote = GitRemote.anonymous(http.url(repo));
    try (Snapshot snapshot = source.checkout(remote, RevisionSpec.head())) {
      assertThat(Files.isSymbolicLink(snapshot.root().resolve("link.yaml"))).isTrue();
      assertThat(snapshot.root().resolve("link.yaml")).hasContent("a: 1");
    }

    repo.commit().addSymlink("escape", "../../../etc").create();
    GitSourceException e =
        catchThrowableOfType(
            GitSourceException.class, () -> source.checkout(remote, RevisionSpec.head()));
    assertThat(e).isInstanceOf(InvalidSourceException.class);
    assertThat(e.reason()).isEqualTo("invalid-content");
    assertThat(e.getMessage()).contains("symlink escape points outside the repository");
    try (var staged = Files.list(cache.resolve("snapshots"))) {
      assertThat(staged.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith(".staging"));
    }
  }

  @Test
  void keepsABoundedNumberOfSnapshotsButNeverEvictsALeasedOne() throws Exception {
    GitSource small =
        new GitSource(GitSourceOptions.defaults(cache.resolve("small")).withMaxSnapshots(2));
    GitHttpServer http = git.startHttp();
    GitRemote remote = GitRemote.anonymous(http.url(repo));
    repo.commit().add("v", "0\n").create();
    Snapshot held = small.checkout(remote, RevisionSpec.head());
    Path first = held.root();
    for (int i = 1; i <= 4; i++) {
      repo.commit().add("v", i + "\n").create();
      small.checkout(remote, RevisionSpec.head()).close();
    }
    assertThat(first.resolve("v")).as("leased snapshot survives eviction").hasContent("0");
    held.close();
    repo.commit().add("v", "5\n").create();
    small.checkout(remote, RevisionSpec.head()).close();
    assertThat(first).as("released snapshot is evicted").doesNotExist();
    try (var dirs = Files.list(cache.resolve("small/snapshots"))) {
      assertThat(dirs.filter(p -> !p.getFileName().toString().startsWith("."))).hasSize(2);
    }
  }

  @Test
  void fullDepthFetchesWork() {
    GitSource full =
        new GitSource(GitSourceOptions.defaults(cache.resolve("full")).withFetchDepth(0));
    repo.commit().add("v", "1\n").create();
    ObjectId second = repo.commit().add("v", "2\n").create();
    GitHttpServer http = git.startHttp();
    try (Snapshot s = full.checkout(GitRemote.anonymous(http.url(repo)), RevisionSpec.head())) {
      assertThat(s.revision().sha()).isEqualTo(second.name());
    }
  }

  @Test
  void aNewSourceOnTheSameCacheReusesSnapshots() {
    repo.commit().add("v", "1\n").create();
    GitHttpServer http = git.startHttp();
    GitRemote remote = GitRemote.anonymous(http.url(repo));
    Path root;
    try (Snapshot s = source.checkout(remote, RevisionSpec.head())) {
      root = s.root();
    }
    GitSource restarted = new GitSource(GitSourceOptions.defaults(cache));
    try (Snapshot s = restarted.checkout(remote, RevisionSpec.head())) {
      assertThat(s.root()).isEqualTo(root);
    }
    assertThat(fetches(http)).isEqualTo(1);
  }

  private static long fetches(GitHttpServer http) {
    List<GitRequest> requests = http.requests();
    return requests.stream()
        .filter(r -> r.command().equals("fetch") || r.command().equals("v0"))
        .count();
  }
}
