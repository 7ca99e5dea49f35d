package dev.capstan.kustomize.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kustomize.KustomizeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uses real local git repositories through file:// URLs and the git program. */
class GitRemoteResolverTest {
  @TempDir Path tmp;
  private Path repo;

  @BeforeEach
  void makeRepository() throws Exception {
    repo = tmp.resolve("origin");
    Files.createDirectories(repo.resolve("app"));
    Files.writeString(repo.resolve("app/kustomization.yaml"), "resources: [cm.yaml]\n");
    Files.writeString(repo.resolve("app/cm.yaml"), "kind: ConfigMap\nmetadata: {name: v1}\n");
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "first");
    git(repo, "tag", "v1");
    Files.writeString(repo.resolve("app/cm.yaml"), "kind: ConfigMap\nmetadata: {name: v2}\n");
    git(repo, "commit", "-qam", "second");
  }

  @Test
  void fetchesTheTaggedRevisionAndReturnsTheDirectoryInside() throws Exception {
    try (GitRemoteResolver r = new GitRemoteResolver(new GitCliFetcher(), tmp.resolve("work"))) {
      Path dir = r.resolve("file://" + repo + "//app?ref=v1");
      assertThat(dir.getFileName().toString()).isEqualTo("app");
      assertThat(Files.readString(dir.resolve("cm.yaml"))).contains("name: v1");
      Path head = r.resolve("git::file://" + repo + "//app");
      assertThat(Files.readString(head.resolve("cm.yaml"))).contains("name: v2");
    }
    assertThat(tmp.resolve("work")).doesNotExist();
  }

  @Test
  void fetchesEachRepositoryAndRefOnlyOnce() {
    AtomicInteger fetches = new AtomicInteger();
    GitFetcher counting =
        (url, into) -> {
          fetches.incrementAndGet();
          new GitCliFetcher().fetch(url, into);
        };
    try (GitRemoteResolver r = new GitRemoteResolver(counting, tmp.resolve("work"))) {
      r.resolve("file://" + repo + "//app?ref=v1");
      r.resolve("file://" + repo + "//?ref=v1");
      assertThat(fetches).hasValue(1);
    }
  }

  @Test
  void missingRefFailsWithTheUrl() {
    try (GitRemoteResolver r = new GitRemoteResolver(new GitCliFetcher(), tmp.resolve("work"))) {
      assertThatThrownBy(() -> r.resolve("file://" + repo + "//app?ref=nope"))
          .isInstanceOf(KustomizeException.class)
          .hasMessageContaining("file://" + repo);
    }
  }

  @Test
  void pathsOutsideTheRepositoryOrMissingAreRefused() {
    try (GitRemoteResolver r = new GitRemoteResolver(new GitCliFetcher(), tmp.resolve("work"))) {
      assertThatThrownBy(() -> r.resolve("file://" + repo + "//../../etc?ref=v1"))
          .isInstanceOf(KustomizeException.class)
          .hasMessageContaining("exits repo");
      assertThatThrownBy(() -> r.resolve("file://" + repo + "//nothere?ref=v1"))
          .isInstanceOf(KustomizeException.class)
          .hasMessageContaining("does not exist");
    }
  }

  private static void git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "git",
                "-c",
                "user.email=t@example.com",
                "-c",
                "user.name=test",
                "-c",
                "commit.gpgsign=false"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(out)).isZero();
  }
}
