package dev.capstan.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepoUrlTest {
  @Test
  void httpsSshAndScpFormsOfOneRepositoryAreTheSame() {
    String canonical = "github.com/org/repo";
    for (String u :
        new String[] {
          "https://github.com/org/repo", "https://GitHub.com/Org/Repo.git",
              "https://github.com/org/repo/", "https://github.com/org/repo.git/",
          "http://github.com/org/repo", "https://github.com:443/org/repo",
              "ssh://git@github.com/org/repo.git", "ssh://git@github.com:22/org/repo",
          "git@github.com:org/repo.git", "git@github.com:org/repo", "github.com:org/repo",
              "  https://github.com/org/repo  "
        }) {
      assertThat(RepoUrl.normalize(u)).as(u).contains(canonical);
    }
    assertThat(
            RepoUrl.same(
                "git@gitlab.example.com:group/sub/app.git",
                "https://gitlab.example.com/group/sub/app"))
        .isTrue();
  }

  @Test
  void differentRepositoriesHostsAndPortsDiffer() {
    assertThat(RepoUrl.same("https://github.com/org/repo", "https://github.com/org/repo2"))
        .isFalse();
    assertThat(RepoUrl.same("https://github.com/org/repo", "https://gitlab.com/org/repo"))
        .isFalse();
    assertThat(RepoUrl.same("https://github.com/org/repo", "https://github.com/other/repo"))
        .isFalse();
    assertThat(
            RepoUrl.same(
                "https://git.example.com:8443/org/repo", "https://git.example.com/org/repo"))
        .isFalse();
    assertThat(RepoUrl.normalize("ssh://git@git.example.com:2222/org/repo.git"))
        .contains("git.example.com:2222/org/repo");
  }

  @Test
  void nonUrlsAreEmpty() {
    assertThat(RepoUrl.normalize(null)).isEmpty();
    assertThat(RepoUrl.normalize("")).isEmpty();
    assertThat(RepoUrl.normalize("not a url")).isEmpty();
    assertThat(RepoUrl.normalize("https://github.com/")).isEmpty();
    assertThat(RepoUrl.same("", "")).isFalse();
  }
}
