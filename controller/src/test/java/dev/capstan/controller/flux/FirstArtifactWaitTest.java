package dev.capstan.controller.flux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.controller.api.Condition;
import dev.capstan.controller.api.flux.Artifact;
import dev.capstan.controller.api.flux.GitRepository;
import dev.capstan.controller.api.flux.Kustomization;
import dev.capstan.controller.api.flux.KustomizationStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a new Kustomization waits, without a write, for its GitRepository's first artifact. */
class FirstArtifactWaitTest {

  private static final Instant CREATED = Instant.parse("2026-11-26T18:00:00Z");
  private static final Duration WINDOW = Duration.ofSeconds(30);

  @Test
  void aNewKustomizationWaitsForASourceStillFetchingUntilTheWindowEnds() {
    GitRepository fresh = new GitRepository();
    assertThat(remaining(kustomization(null), fresh, CREATED.plusSeconds(10)))
        .contains(Duration.ofSeconds(20));
    // a source that wrote a status without an artifact and without failing is still fetching
    assertThat(remaining(kustomization(null), source(null, ready("Unknown")), CREATED))
        .contains(WINDOW);
    // a controller clock behind the API server's does not stretch the wait
    assertThat(remaining(kustomization(null), fresh, CREATED.minusSeconds(600))).contains(WINDOW);
    assertThat(remaining(kustomization(null), fresh, CREATED.plusSeconds(30))).isEmpty();
    assertThat(remaining(kustomization(null), fresh, CREATED.plusSeconds(31))).isEmpty();
  }

  @Test
  void anArtifactAFailedSourceAMissingSourceOrAReportedStatusEndTheWait() {
    Artifact artifact = new Artifact("p", "file:/a", "main@sha1:1", "sha256:1", "now", 1L, null);
    Instant now = CREATED.plusSeconds(1);
    assertThat(remaining(kustomization(null), source(artifact, ready("True")), now)).isEmpty();
    assertThat(remaining(kustomization(null), source(null, ready("False")), now)).isEmpty();
    assertThat(FirstArtifactWait.remaining(kustomization(null), Optional.empty(), now, WINDOW))
        .isEmpty();
    KustomizationStatus reported =
        new KustomizationStatus(1, List.of(ready("False")), null, null, null, null, null, null);
    assertThat(remaining(kustomization(reported), new GitRepository(), now)).isEmpty();
    // a status without a condition has reported nothing yet
    KustomizationStatus empty =
        new KustomizationStatus(0, List.of(), null, null, null, null, null, null);
    assertThat(remaining(kustomization(empty), new GitRepository(), now)).isPresent();
  }

  private static Optional<Duration> remaining(Kustomization ks, GitRepository repo, Instant now) {
    return FirstArtifactWait.remaining(ks, Optional.of(repo), now, WINDOW);
  }

  private static Kustomization kustomization(KustomizationStatus status) {
    Kustomization ks = new Kustomization();
    ks.setMetadata(
        new ObjectMetaBuilder()
            .withName("u0")
            .withNamespace("bench")
            .withCreationTimestamp(CREATED.toString())
            .build());
    ks.setStatus(status);
    return ks;
  }

  private static GitRepository source(Artifact artifact, Condition ready) {
    return FluxFixture.withStatus(artifact, ready);
  }

  private static Condition ready(String status) {
    return new Condition("Ready", status, 1, "2026-11-26T18:00:01Z", "Reason", "message");
  }
}
