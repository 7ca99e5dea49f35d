package dev.capstan.kustomize.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.kustomize.KustomizeException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GitUrlTest {

  @Test
  void httpsWithDoubleSlashPathAndRef() {
    GitUrl u = GitUrl.parse("https://github.com/org/repo//path/to/app?ref=v1");
    assertThat(u.cloneUrl()).isEqualTo("https://github.com/org/repo");
    assertThat(u.path()).isEqualTo("path/to/app");
    assertThat(u.ref()).isEqualTo("v1");
    assertThat(u.submodules()).isTrue();
    assertThat(u.timeout()).isEqualTo(Duration.ofSeconds(27));
  }

  @Test
  void bareGithubHostTakesOrgAndRepo() {
    GitUrl u = GitUrl.parse("github.com/kubernetes-sigs/kustomize/examples/helloWorld?ref=v3.3.1");
    assertThat(u.cloneUrl()).isEqualTo("https://github.com/kubernetes-sigs/kustomize");
    assertThat(u.path()).isEqualTo("examples/helloWorld");
    assertThat(u.ref()).isEqualTo("v3.3.1");
  }

  @Test
  void gitPrefixAndDotGitSuffix() {
    GitUrl u = GitUrl.parse("git::https://git.example.com/team/repo.git/deploy?version=main");
    assertThat(u.cloneUrl()).isEqualTo("https://git.example.com/team/repo.git");
    assertThat(u.path()).isEqualTo("deploy");
    assertThat(u.ref()).isEqualTo("main");
  }

  @Test
  void refWinsOverVersionAndQueryOptionsAreRead() {
    GitUrl u = GitUrl.parse("https://h.example/r.git?version=a&ref=b&timeout=90s&submodules=false");
    assertThat(u.ref()).isEqualTo("b");
    assertThat(u.timeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(u.submodules()).isFalse();
    assertThat(GitUrl.parse("https://h.example/r.git?timeout=61").timeout())
        .isEqualTo(Duration.ofSeconds(61));
  }

  @Test
  void scpLikeSshUrl() {
    GitUrl u = GitUrl.parse("git@github.com:org/repo.git/sub/dir?ref=abc");
    assertThat(u.cloneUrl()).isEqualTo("git@github.com:org/repo.git");
    assertThat(u.path()).isEqualTo("sub/dir");
    assertThat(u.ref()).isEqualTo("abc");
  }

  @Test
  void fileUrlWithDoubleSlash() {
    GitUrl u = GitUrl.parse("file:///srv/git/repo//apps/web?ref=v2");
    assertThat(u.cloneUrl()).isEqualTo("file:///srv/git/repo");
    assertThat(u.path()).isEqualTo("apps/web");
    assertThat(u.ref()).isEqualTo("v2");
  }

  @Test
  void otherHostsTakeOrgAndRepoByDefault() {
    GitUrl u = GitUrl.parse("https://git.example.com/team/repo/deploy/prod?ref=v3");
    assertThat(u.cloneUrl()).isEqualTo("https://git.example.com/team/repo");
    assertThat(u.path()).isEqualTo("deploy/prod");
  }

  @Test
  void azureGitDelimiter() {
    GitUrl u = GitUrl.parse("https://dev.azure.com/org/project/_git/repo/path/to/app");
    assertThat(u.cloneUrl()).isEqualTo("https://dev.azure.com/org/project/_git/repo");
    assertThat(u.path()).isEqualTo("path/to/app");
  }

  @Test
  void githubSshFormsNormalize() {
    assertThat(GitUrl.parse("ssh://git@github.com/org/repo").cloneUrl())
        .isEqualTo("git@github.com:org/repo");
    assertThat(GitUrl.parse("github.com:org/repo//x").cloneUrl())
        .isEqualTo("https://github.com/org/repo");
    assertThat(GitUrl.parse("git@gitlab.com:org/repo.git/sub").cloneUrl())
        .isEqualTo("git@gitlab.com:org/repo.git");
  }

  @Test
  void localPathsAndMalformedUrlsAreNotRemote() {
    assertThat(GitUrl.looksRemote("../base")).isFalse();
    assertThat(GitUrl.looksRemote("deployment.yaml")).isFalse();
    assertThat(GitUrl.looksRemote("gitlab.com/a/b")).isFalse(); // kustomize: no scheme
    assertThat(GitUrl.looksRemote("https://github.com/a/b")).isTrue();
    assertThat(GitUrl.looksRemote("git@gitlab.com:a/b.git")).isTrue();
    assertThatThrownBy(() -> GitUrl.parse("base/app"))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("failed to parse scheme");
    assertThatThrownBy(() -> GitUrl.parse("https://host.example"))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("repo path");
    assertThatThrownBy(() -> GitUrl.parse("https://github.com/org/repo//a/../../x"))
        .isInstanceOf(KustomizeException.class)
        .hasMessageContaining("exits repo");
    assertThatThrownBy(() -> GitUrl.parse("/abs/path")).hasMessageContaining("abs path");
  }
}
