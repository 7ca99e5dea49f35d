package dev.capstan.controller.flux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.controller.api.Condition;
import dev.capstan.controller.api.flux.Artifact;
import dev.capstan.controller.api.flux.GitRepository;
import org.junit.jupiter.api.Test;

/** Which GitRepository updates wake the Kustomizations that use it. */
class ArtifactMovedTest {

  private static final String REV = "main@sha1:0123456789abcdef0123456789abcdef01234567";

  @Test
  void aFirstArtifactANewRevisionANewDigestAndANewPlaceEachWakeThem() {
    GitRepository stored = repo(artifact("file:/var/a/abc", REV, "sha256:1"));
    assertThat(FluxController.artifactMoved(repo(null), stored)).isTrue();
    assertThat(
            FluxController.artifactMoved(
                stored, repo(artifact("file:/var/a/abc", "x", "sha256:1"))))
        .isTrue();
    assertThat(
            FluxController.artifactMoved(
                stored, repo(artifact("file:/var/a/abc", REV, "sha256:2"))))
        .isTrue();
    // a restarted controller stored the same content under its own cache directory
    assertThat(
            FluxController.artifactMoved(
                stored, repo(artifact("file:/var/b/abc", REV, "sha256:1"))))
        .isTrue();
  }

  @Test
  void aStatusWriteThatKeepsTheArtifactDoesNot() {
    GitRepository stored = repo(artifact("file:/var/a/abc", REV, "sha256:1"));
    Artifact same = new Artifact("p", "file:/var/a/abc", REV, "sha256:1", "later", 7L, null);
    assertThat(FluxController.artifactMoved(stored, repo(same))).isFalse();
    assertThat(FluxController.artifactMoved(repo(null), repo(null))).isFalse();
  }

  @Test
  void aSourceFailingBeforeItsFirstArtifactWakesThemOnceAndOneWithAnArtifactDoesNot() {
    GitRepository fetching = new GitRepository();
    GitRepository failed = failed(null, "AuthenticationFailed");
    assertThat(FluxController.firstFetchFailed(fetching, failed)).isTrue();
    assertThat(FluxController.firstFetchFailed(failed, failed(null, "GitOperationFailed")))
        .isTrue();
    assertThat(FluxController.firstFetchFailed(failed, failed(null, "AuthenticationFailed")))
        .as("a status write that keeps the failure")
        .isFalse();
    Artifact last = artifact("file:/var/a/abc", REV, "sha256:1");
    assertThat(FluxController.firstFetchFailed(repo(last), failed(last, "GitOperationFailed")))
        .as("its Kustomizations keep applying the last artifact")
        .isFalse();
  }

  private static GitRepository failed(Artifact artifact, String reason) {
    return FluxFixture.withStatus(
        artifact,
        new Condition("Ready", "False", 1, "2026-11-26T18:00:00Z", reason, "fetch failed"));
  }

  private static Artifact artifact(String url, String revision, String digest) {
    return new Artifact("p", url, revision, digest, "now", 7L, null);
  }

  private static GitRepository repo(Artifact artifact) {
    return artifact == null ? new GitRepository() : FluxFixture.withStatus(artifact);
  }
}
