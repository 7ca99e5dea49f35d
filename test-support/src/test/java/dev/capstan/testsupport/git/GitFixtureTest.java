package dev.capstan.testsupport.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.JGitKeyCache;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitFixtureTest {

  private final GitFixture git = GitFixture.create();
  @TempDir Path work;

  @AfterEach
  void close() {
    git.close();
  }

  @Test
  void commitsBuildOnTheParentTreeAndTagsAndBranchesPointAtCommits() throws Exception {
    FixtureRepository repo = git.createRepository("apps");
    ObjectId first =
        repo.commit().add("a.txt", "a").add("dir/b.txt", "b").message("first").create();
    ObjectId second = repo.commit().delete("dir").add("c.txt", "c").message("second").create();
    repo.tag("v1", first);
    ObjectId annotated = repo.annotatedTag("v2", second, "release 2");
    repo.setBranch("release", first);

    assertThat(repo.branchTip("main")).contains(second);
    assertThat(repo.resolve("refs/tags/v1")).contains(first);
    assertThat(repo.resolve("refs/tags/v2")).contains(annotated);
    assertThat(repo.resolve("refs/tags/v2^{commit}")).contains(second);
    assertThat(repo.resolve("main~1")).contains(first);
    assertThat(repo.branchTip("release")).contains(first);

    Path clone = work.resolve("clone");
    try (Git g =
        Git.cloneRepository()
            .setURI(repo.directory().toUri().toString())
            .setDirectory(clone.toFile())
            .call()) {
      assertThat(g.getRepository().resolve("HEAD")).isEqualTo(second);
      assertThat(Files.readString(clone.resolve("a.txt"))).isEqualTo("a");
      assertThat(clone.resolve("c.txt")).exists();
      assertThat(clone.resolve("dir")).doesNotExist();
    }
  }

  @Test
  void sameWritesGiveSameShas() {
    FixtureRepository one = git.createRepository("one");
    FixtureRepository two = git.createRepository("two");
    ObjectId a = one.commit().add("f", "x").message("m").create();
    ObjectId b = two.commit().add("f", "x").message("m").create();
    assertThat(a).isEqualTo(b);
  }

  @Test
  void commitFromAFolderMirrorsItsFiles() throws Exception {
    Path folder = Files.createDirectories(work.resolve("src/base"));
    Files.writeString(folder.resolve("kustomization.yaml"), "resources: []\n");
    FixtureRepository repo = git.createRepository("org/folder");
    repo.commit().add("old.txt", "old").create();
    ObjectId id =
        repo.commit().replaceAll().addFolder(work.resolve("src")).message("mirror").create();
    assertThat(repo.name()).isEqualTo("org/folder.git");
    assertThat(treePaths(repo, id)).containsExactly("base/kustomization.yaml");
  }

  @Test
  void httpServesCloneWithBasicAuthAndRejectsAWrongPassword() throws Exception {
    FixtureRepository repo = git.createRepository("apps");
    ObjectId head = repo.commit().add("a.txt", "hello").create();
    GitHttpServer http = git.startHttp(HttpAuth.basic("alice", "s3cret"));

    Path clone = work.resolve("http");
    try (Git g =
        Git.cloneRepository()
            .setURI(http.url(repo))
            .setCredentialsProvider(new UsernamePasswordCredentialsProvider("alice", "s3cret"))
            .setDirectory(clone.toFile())
            .call()) {
      assertThat(g.getRepository().resolve("HEAD")).isEqualTo(head);
    }
    assertThat(http.requests()).extracting(GitRequest::command).contains("advertise", "fetch");

    assertThatThrownBy(
            () ->
                Git.lsRemoteRepository()
                    .setRemote(http.url(repo))
                    .setCredentialsProvider(
                        new UsernamePasswordCredentialsProvider("alice", "wrong"))
                    .call())
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("not authorized");
  }

  @Test
  void httpServesProtocolV0Clients() throws Exception {
    FixtureRepository repo = git.createRepository("apps");
    ObjectId head = repo.commit().add("a.txt", "1").create();
    GitHttpServer http = git.startHttp();
    try (Git local = Git.init().setDirectory(work.resolve("v0").toFile()).call()) {
      local.getRepository().getConfig().setInt("protocol", null, "version", 0);
      local.getRepository().getConfig().save();
      local
          .fetch()
          .setRemote(http.url(repo))
          .setRefSpecs("+refs/heads/main:refs/remotes/origin/main")
          .call();
      assertThat(local.getRepository().resolve("refs/remotes/origin/main")).isEqualTo(head);
    }
    assertThat(http.requests()).extracting(GitRequest::command).containsExactly("advertise", "v0");
  }

  @Test
  void packLeavesNoLooseObjectAndServesTheSameCommit() throws Exception {
    FixtureRepository repo = git.createRepository("packed");
    ObjectId head =
        repo.commit().add("units/a/objects.yaml", "a").add("units/b/objects.yaml", "b").create();
    Path objects = repo.directory().resolve("objects");
    assertThat(looseObjects(objects)).isNotEmpty();

    repo.pack();

    assertThat(looseObjects(objects)).isEmpty();
    GitHttpServer http = git.startHttp();
    Path clone = work.resolve("packed-clone");
    try (Git g = Git.cloneRepository().setURI(http.url(repo)).setDirectory(clone.toFile()).call()) {
      assertThat(g.getRepository().resolve("HEAD")).isEqualTo(head);
    }
    assertThat(clone.resolve("units/b/objects.yaml")).hasContent("b");
  }

  private static List<Path> looseObjects(Path objects) throws Exception {
    try (var walk = Files.walk(objects)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getParent().getFileName().toString().matches("[0-9a-f]{2}"))
          .toList();
    }
  }

  @Test
  void httpAcceptsPushes() throws Exception {
    FixtureRepository repo = git.createRepository("apps");
    repo.commit().add("a.txt", "1").create();
    GitHttpServer http = git.startHttp();
    Path clone = work.resolve("push");
    try (Git g = Git.cloneRepository().setURI(http.url(repo)).setDirectory(clone.toFile()).call()) {
      Files.writeString(clone.resolve("b.txt"), "2");
      g.add().addFilepattern("b.txt").call();
      ObjectId pushed = g.commit().setMessage("pushed").setSign(false).call();
      g.push().call();
      assertThat(repo.branchTip("main")).contains(pushed);
    }
  }

  @Test
  void stoppedServerRefusesConnectionsAndRestartsOnTheSamePort() throws Exception {
    FixtureRepository repo = git.createRepository("apps");
    ObjectId head = repo.commit().add("a.txt", "1").create();
    GitHttpServer http = git.startHttp();
    int port = http.port();

    http.stop();
    assertThat(http.isRunning()).isFalse();
    assertThatThrownBy(() -> Git.lsRemoteRepository().setRemote(http.url(repo)).call())
        .isInstanceOf(TransportException.class);

    http.start();
    assertThat(http.port()).isEqualTo(port);
    Map<String, Ref> refs = Git.lsRemoteRepository().setRemote(http.url(repo)).callAsMap();
    assertThat(refs.get("refs/heads/main").getObjectId()).isEqualTo(head);
  }

  @Test
  void sshServesCloneToAnAuthorizedKeyOnly() throws Exception {
    FixtureRepository repo = git.createRepository("apps");
    ObjectId head = repo.commit().add("a.txt", "hello").create();
    SshKeyPair client = SshKeyPair.generate();
    GitSshServer ssh = git.startSsh(client);

    Path clone = work.resolve("ssh");
    try (SshdSessionFactory factory = sessionFactory(client, ssh.knownHostsLine());
        Git g =
            Git.cloneRepository()
                .setURI(ssh.url(repo))
                .setTransportConfigCallback(t -> ((SshTransport) t).setSshSessionFactory(factory))
                .setDirectory(clone.toFile())
                .call()) {
      assertThat(g.getRepository().resolve("HEAD")).isEqualTo(head);
    }
    // The server logs a command when it exits, which may be just after the client is done.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(ssh.requests())
                    .extracting(GitRequest::command, GitRequest::status)
                    .contains(tuple("v2", 0)));

    try (SshdSessionFactory stranger =
        sessionFactory(SshKeyPair.generate(), ssh.knownHostsLine())) {
      assertThatThrownBy(
              () ->
                  Git.lsRemoteRepository()
                      .setRemote(ssh.url(repo))
                      .setTransportConfigCallback(
                          t -> ((SshTransport) t).setSshSessionFactory(stranger))
                      .call())
          .isInstanceOf(TransportException.class);
    }

    ssh.stop();
    ssh.start();
    try (SshdSessionFactory factory = sessionFactory(client, ssh.knownHostsLine())) {
      Map<String, Ref> refs =
          Git.lsRemoteRepository()
              .setRemote(ssh.url(repo))
              .setTransportConfigCallback(t -> ((SshTransport) t).setSshSessionFactory(factory))
              .callAsMap();
      assertThat(refs.get("refs/heads/main").getObjectId()).isEqualTo(head);
    }
  }

  private SshdSessionFactory sessionFactory(SshKeyPair key, String knownHosts) throws Exception {
    Path sshDir = Files.createDirectories(work.resolve("ssh-" + System.nanoTime()));
    Path knownHostsFile = Files.writeString(sshDir.resolve("known_hosts"), knownHosts + "\n");
    Iterable<java.security.KeyPair> keys =
        SecurityUtils.loadKeyPairIdentities(
            null,
            NamedResource.ofName("test"),
            new java.io.ByteArrayInputStream(
                key.privateKeyOpenSsh().getBytes(StandardCharsets.US_ASCII)),
            null);
    return new SshdSessionFactoryBuilder()
        .setHomeDirectory(sshDir.toFile())
        .setSshDirectory(sshDir.toFile())
        .setConfigStoreFactory((home, config, user) -> null)
        .setDefaultKnownHostsFiles(dir -> List.of(knownHostsFile))
        .setDefaultKeysProvider((File dir) -> keys)
        .build(new JGitKeyCache());
  }

  private static List<String> treePaths(FixtureRepository repo, ObjectId commit) throws Exception {
    try (org.eclipse.jgit.revwalk.RevWalk walk =
            new org.eclipse.jgit.revwalk.RevWalk(repo.repository());
        org.eclipse.jgit.treewalk.TreeWalk tw =
            new org.eclipse.jgit.treewalk.TreeWalk(repo.repository())) {
      tw.addTree(walk.parseCommit(commit).getTree());
      tw.setRecursive(true);
      List<String> paths = new java.util.ArrayList<>();
      while (tw.next()) {
        paths.add(tw.getPathString());
      }
      return paths.stream().sorted().collect(Collectors.toList());
    }
  }
}
