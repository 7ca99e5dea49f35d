package dev.capstan.controller.flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.controller.api.flux.GitRepositorySpec.Ref;
import dev.capstan.engine.source.RevisionSpec;
import org.junit.jupiter.api.Test;

class GitRepositoryRefTest {

  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  @Test
  void fluxPrecedenceCommitNameSemverTagBranchMaster() {
    assertThat(GitRepositoryReconciler.revisionOf(null)).isEqualTo(RevisionSpec.branch("master"));
    assertThat(GitRepositoryReconciler.revisionOf(new Ref("", "", "", "", "")))
        .isEqualTo(RevisionSpec.branch("master"));
    assertThat(GitRepositoryReconciler.revisionOf(new Ref("dev", "", "", "", "")))
        .isEqualTo(RevisionSpec.branch("dev"));
    assertThat(GitRepositoryReconciler.revisionOf(new Ref("dev", "v1", "", "", "")))
        .isEqualTo(RevisionSpec.tag("v1"));
    assertThat(GitRepositoryReconciler.revisionOf(new Ref("dev", "v1", ">=1.0.0", "", "")))
        .isEqualTo(RevisionSpec.semver(">=1.0.0"));
    assertThat(
            GitRepositoryReconciler.revisionOf(
                new Ref("dev", "v1", ">=1.0.0", "refs/pull/1/head", "")))
        .isEqualTo(RevisionSpec.ref("refs/pull/1/head"));
    assertThat(GitRepositoryReconciler.revisionOf(new Ref("dev", "v1", "", "refs/x", SHA)))
        .isEqualTo(RevisionSpec.commit(SHA));
    assertThatThrownBy(() -> GitRepositoryReconciler.revisionOf(new Ref("", "", "", "", "abc")))
        .hasMessageContaining("full 40-character");
  }
}
