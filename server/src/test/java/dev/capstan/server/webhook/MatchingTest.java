package dev.capstan.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MatchingTest {
  private static final List<String> URLS =
      List.of(
          "https://github.com/org/repo",
          "https://github.com/org/repo.git",
          "git@github.com:org/repo.git");
  private static final PushEvent MAIN =
      new PushEvent("github", URLS, List.of(GitRef.branch("main")), Optional.of("main"));
  private static final PushEvent FEATURE =
      new PushEvent("github", URLS, List.of(GitRef.branch("feature")), Optional.of("main"));
  private static final PushEvent FEATURE_NO_DEFAULT =
      new PushEvent("gitlab", URLS, List.of(GitRef.branch("feature")), Optional.empty());
  private static final PushEvent TAG =
      new PushEvent("github", URLS, List.of(GitRef.tag("v1.2.0")), Optional.of("main"));

  @Test
  void refsParse() {
    assertThat(GitRef.parse("refs/heads/main")).contains(GitRef.branch("main"));
    assertThat(GitRef.parse("refs/heads/release/1.x")).contains(GitRef.branch("release/1.x"));
    assertThat(GitRef.parse("refs/tags/v1")).contains(GitRef.tag("v1"));
    assertThat(GitRef.parse("refs/pull/1/head")).isEmpty();
    assertThat(GitRef.parse("refs/heads/")).isEmpty();
    assertThat(GitRef.parse(null)).isEmpty();
  }

  @Test
  void argoBranchTagAndFullRefNames() {
    assertThat(Matching.argoRevisionMatches("main", MAIN)).isTrue();
    assertThat(Matching.argoRevisionMatches("refs/heads/main", MAIN)).isTrue();
    assertThat(Matching.argoRevisionMatches("develop", MAIN)).isFalse();
    assertThat(Matching.argoRevisionMatches("v1.2.0", TAG)).isTrue();
    assertThat(Matching.argoRevisionMatches("refs/tags/v1.2.0", TAG)).isTrue();
    assertThat(Matching.argoRevisionMatches("refs/heads/v1.2.0", TAG)).isFalse();
    assertThat(Matching.argoRevisionMatches("v1.2.1", TAG)).isFalse();
  }

  @Test
  void headTracksTheDefaultBranchAndACommitNeverMatches() {
    assertThat(Matching.argoRevisionMatches("HEAD", MAIN)).isTrue();
    assertThat(Matching.argoRevisionMatches("", MAIN)).isTrue();
    assertThat(Matching.argoRevisionMatches(null, MAIN)).isTrue();
    assertThat(Matching.argoRevisionMatches("HEAD", FEATURE)).isFalse();
    assertThat(Matching.argoRevisionMatches("HEAD", FEATURE_NO_DEFAULT)).isTrue();
    assertThat(Matching.argoRevisionMatches("HEAD", TAG)).isFalse();
    String sha = "0123456789abcdef0123456789abcdef01234567";
    PushEvent shaNamedBranch =
        new PushEvent("github", URLS, List.of(GitRef.branch(sha)), Optional.empty());
    assertThat(Matching.argoRevisionMatches(sha, shaNamedBranch)).isFalse();
  }

  @Test
  void applicationsMatchOnRepositoryAndRevisionInAnySource() {
    assertThat(
            Matching.applicationMatches(
                Map.of(
                    "source",
                    Map.of("repoURL", "https://GITHUB.com/org/repo/", "targetRevision", "main")),
                MAIN))
        .isTrue();
    assertThat(
            Matching.applicationMatches(
                Map.of(
                    "source",
                    Map.of(
                        "repoURL", "ssh://git@github.com/org/repo.git", "targetRevision", "main")),
                MAIN))
        .isTrue();
    assertThat(
            Matching.applicationMatches(
                Map.of(
                    "source",
                    Map.of("repoURL", "https://github.com/org/other", "targetRevision", "main")),
                MAIN))
        .isFalse();
    assertThat(
            Matching.applicationMatches(
                Map.of(
                    "source",
                    Map.of("repoURL", "https://github.com/org/repo", "targetRevision", "prod")),
                MAIN))
        .isFalse();
    assertThat(
            Matching.applicationMatches(
                Map.of("source", Map.of("repoURL", "https://github.com/org/repo")), MAIN))
        .isTrue();
    Map<String, Object> multi =
        Map.of(
            "sources",
            List.of(
                Map.of(
                    "repoURL",
                    "https://charts.example.com",
                    "chart",
                    "x",
                    "targetRevision",
                    "1.0.0"),
                Map.of(
                    "repoURL",
                    "git@github.com:org/repo.git",
                    "targetRevision",
                    "main",
                    "ref",
                    "values")));
    assertThat(Matching.applicationMatches(multi, MAIN)).isTrue();
    assertThat(Matching.applicationMatches(multi, FEATURE)).isFalse();
    assertThat(Matching.applicationMatches(null, MAIN)).isFalse();
  }

  @Test
  void gitRepositoriesFollowFluxRefPrecedence() {
    String url = "ssh://git@github.com/org/repo";
    assertThat(
            Matching.gitRepositoryMatches(
                Map.of("url", url, "ref", Map.of("branch", "main")), MAIN))
        .isTrue();
    assertThat(
            Matching.gitRepositoryMatches(
                Map.of("url", url, "ref", Map.of("branch", "main")), FEATURE))
        .isFalse();
    assertThat(
            Matching.gitRepositoryMatches(
                Map.of("url", "https://github.com/org/other", "ref", Map.of("branch", "main")),
                MAIN))
        .isFalse();
    assertThat(Matching.gitRepositoryMatches(Map.of("url", url), MAIN))
        .as("no ref means Flux's default, master")
        .isFalse();
    assertThat(
            Matching.gitRepositoryMatches(
                Map.of("url", url),
                new PushEvent("github", URLS, List.of(GitRef.branch("master")), Optional.empty())))
        .isTrue();
    assertThat(
            Matching.gitRepositoryMatches(Map.of("url", url, "ref", Map.of("tag", "v1.2.0")), TAG))
        .isTrue();
    assertThat(
            Matching.gitRepositoryMatches(
                Map.of("url", url, "ref", Map.of("tag", "v1.2.0", "branch", "main")), MAIN))
        .as("tag wins over branch")
        .isFalse();
    assertThat(
            Matching.gitRepositoryMatches(
                Map.of("url", url, "ref", Map.of("semver", ">=1.0.0")), TAG))
        .isTrue();
    assertThat(
            Matching.gitRepositoryMatches(
                Map.of("url", url, "ref", Map.of("semver", ">=1.0.0", "branch", "main")), MAIN))
        .isFalse();
    assertThat(
            Matching.gitRepositoryMatches(
                Map.of("url", url, "ref", Map.of("name", "refs/heads/main")), MAIN))
        .isTrue();
    assertThat(
            Matching.gitRepositoryMatches(
                Map.of("url", url, "ref", Map.of("name", "refs/tags/v1.2.0")), MAIN))
        .isFalse();
    assertThat(
            Matching.gitRepositoryMatches(
                Map.of(
                    "url",
                    url,
                    "ref",
                    Map.of("commit", "0123456789abcdef0123456789abcdef01234567", "branch", "main")),
                MAIN))
        .isFalse();
  }
}
