package dev.capstan.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RevisionSpecTest {

  private static final String SHA = "0123456789ABCDEF0123456789abcdef01234567";

  @Test
  void parsesArgoCdTargetRevisions() {
    assertThat(RevisionSpec.parse("")).isEqualTo(RevisionSpec.head());
    assertThat(RevisionSpec.parse(null)).isEqualTo(RevisionSpec.head());
    assertThat(RevisionSpec.parse("HEAD")).isEqualTo(RevisionSpec.head());
    assertThat(RevisionSpec.parse(SHA)).isEqualTo(RevisionSpec.commit(SHA.toLowerCase()));
    assertThat(RevisionSpec.parse("refs/pull/7/head"))
        .isEqualTo(RevisionSpec.ref("refs/pull/7/head"));
    assertThat(RevisionSpec.parse("release-1.2")).isEqualTo(new RevisionSpec.Named("release-1.2"));
    assertThat(RevisionSpec.parse(" main ")).isEqualTo(new RevisionSpec.Named("main"));
  }

  @Test
  void rejectsInvalidNames() {
    assertThatThrownBy(() -> RevisionSpec.branch("a..b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RevisionSpec.tag("v1 2")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RevisionSpec.commit("abc123"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RevisionSpec.ref("heads/main"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RevisionSpec.semver(">=one"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void describesItself() {
    assertThat(RevisionSpec.branch("main").describe()).isEqualTo("branch main");
    assertThat(RevisionSpec.tag("v1").describe()).isEqualTo("tag v1");
    assertThat(RevisionSpec.head().describe()).isEqualTo("HEAD");
    assertThat(RevisionSpec.semver(" ^1.2 ").describe()).isEqualTo("semver ^1.2");
  }

  @Test
  void resolvedRevisionRendersFluxRevisions() {
    String sha = SHA.toLowerCase();
    assertThat(new ResolvedRevision(sha, "refs/heads/main").fluxRevision())
        .isEqualTo("main@sha1:" + sha);
    assertThat(new ResolvedRevision(sha, "refs/tags/v1.0.0").fluxRevision())
        .isEqualTo("v1.0.0@sha1:" + sha);
    assertThat(new ResolvedRevision(sha, "refs/pull/7/head").fluxRevision())
        .isEqualTo("refs/pull/7/head@sha1:" + sha);
    assertThat(new ResolvedRevision(sha, sha).fluxRevision()).isEqualTo("sha1:" + sha);
    assertThat(new ResolvedRevision(SHA, "HEAD").shortSha()).isEqualTo("0123456");
  }
}
