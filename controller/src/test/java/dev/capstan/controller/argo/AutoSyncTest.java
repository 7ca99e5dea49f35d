package dev.capstan.controller.argo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.controller.api.argo.Operation;
import dev.capstan.controller.api.argo.OperationState;
import dev.capstan.controller.api.argo.SyncPolicy;
import dev.capstan.engine.diff.DiffResult;
import dev.capstan.engine.inventory.Inventory;
import dev.capstan.engine.sync.ChangeSet;
import dev.capstan.engine.sync.SyncResult;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoSyncTest {

  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-01-01T00:01:00Z"), ZoneOffset.UTC);
  private static final GenericKubernetesResource CM =
      new GenericKubernetesResourceBuilder()
          .withApiVersion("v1")
          .withKind("ConfigMap")
          .withNewMetadata()
          .withName("a")
          .endMetadata()
          .build();

  private static Comparison comparison(String revision, List<GenericKubernetesResource> desired) {
    return new Comparison(
        List.of(revision),
        List.of(),
        desired,
        new SyncResult(
            new ChangeSet(List.of()), new DiffResult(List.of()), Inventory.empty(), List.of()),
        List.of(),
        false);
  }

  private static SyncPolicy policy(
      boolean selfHeal, boolean allowEmpty, SyncPolicy.RetryStrategy retry) {
    return new SyncPolicy(
        new SyncPolicy.Automated(true, selfHeal, allowEmpty, null), List.of(), retry, null);
  }

  private static OperationState last(String revision, String phase, long retryCount) {
    Operation op = AutoSync.operation(List.of(revision), true, policy(false, false, null));
    return new OperationState(
        op, phase, "boom", null, "2026-01-01T00:00:50Z", "2026-01-01T00:00:55Z", retryCount);
  }

  @Test
  void aNewRevisionIsSynced() {
    assertThat(
            AutoSync.decide(
                policy(false, false, null),
                comparison("b", List.of(CM)),
                last("a", "Succeeded", 0),
                NOW))
        .isEqualTo(new AutoSync.Decision.Sync(0));
    assertThat(AutoSync.decide(policy(false, false, null), comparison("b", List.of(CM)), null, NOW))
        .isEqualTo(new AutoSync.Decision.Sync(0));
  }

  @Test
  void driftOfASyncedRevisionIsHealedOnlyWithSelfHeal() {
    assertThat(
            AutoSync.decide(
                policy(false, false, null),
                comparison("a", List.of(CM)),
                last("a", "Succeeded", 0),
                NOW))
        .isInstanceOf(AutoSync.Decision.Skip.class);
    assertThat(
            AutoSync.decide(
                policy(true, false, null),
                comparison("a", List.of(CM)),
                last("a", "Succeeded", 0),
                NOW))
        .isEqualTo(new AutoSync.Decision.Sync(0, 1));
  }

  @Test
  void aSelfHealRightAfterAnotherWaitsTheGapButTheFirstIsImmediate() {
    Clock soon = Clock.fixed(Instant.parse("2026-01-01T00:00:56Z"), ZoneOffset.UTC);
    Operation healed = AutoSync.operation(List.of("a"), true, policy(true, false, null), 1);
    OperationState afterHeal =
        new OperationState(
            healed, "Succeeded", "", null, "2026-01-01T00:00:50Z", "2026-01-01T00:00:55Z", 0);

    assertThat(
            AutoSync.decide(
                policy(true, false, null),
                comparison("a", List.of(CM)),
                last("a", "Succeeded", 0),
                soon))
        .isEqualTo(new AutoSync.Decision.Sync(0, 1));
    assertThat(
            AutoSync.decide(
                policy(true, false, null), comparison("a", List.of(CM)), afterHeal, soon))
        .isEqualTo(new AutoSync.Decision.Wait(Duration.ofSeconds(1)));
    assertThat(
            AutoSync.decide(
                policy(true, false, null), comparison("a", List.of(CM)), afterHeal, NOW))
        .isEqualTo(new AutoSync.Decision.Sync(0, 2));
  }

  @Test
  void anEmptyDesiredStateIsNeverAutoSyncedWithoutAllowEmpty() {
    AutoSync.Decision d =
        AutoSync.decide(policy(true, false, null), comparison("b", List.of()), null, NOW);
    assertThat(d).isInstanceOf(AutoSync.Decision.Skip.class);
    assertThat(((AutoSync.Decision.Skip) d).reason())
        .contains("auto-sync will wipe out all resources");
    assertThat(((AutoSync.Decision.Skip) d).condition()).isTrue();
    assertThat(AutoSync.decide(policy(true, true, null), comparison("b", List.of()), null, NOW))
        .isEqualTo(new AutoSync.Decision.Sync(0));
  }

  @Test
  void aFailedRevisionIsRetriedWithBackoffWithinTheLimit() {
    SyncPolicy.RetryStrategy retry =
        new SyncPolicy.RetryStrategy(2, new SyncPolicy.Backoff("10s", 2L, "1m"));
    // failed at :55, first retry due 10 s later (01:05): wait 5 s
    assertThat(
            AutoSync.decide(
                policy(false, false, retry),
                comparison("a", List.of(CM)),
                last("a", "Failed", 0),
                NOW))
        .isEqualTo(new AutoSync.Decision.Wait(Duration.ofSeconds(5)));
    // second retry is due 20 s after :55 (01:15): wait 15 s
    assertThat(
            AutoSync.decide(
                policy(false, false, retry),
                comparison("a", List.of(CM)),
                last("a", "Failed", 1),
                NOW))
        .isEqualTo(new AutoSync.Decision.Wait(Duration.ofSeconds(15)));
    assertThat(
            AutoSync.decide(
                policy(false, false, retry),
                comparison("a", List.of(CM)),
                last("a", "Failed", 2),
                NOW))
        .isInstanceOf(AutoSync.Decision.Skip.class);
    assertThat(
            AutoSync.decide(
                policy(false, false, null),
                comparison("a", List.of(CM)),
                last("a", "Failed", 0),
                NOW))
        .isInstanceOf(AutoSync.Decision.Skip.class);
    Clock later = Clock.fixed(Instant.parse("2026-01-01T00:02:00Z"), ZoneOffset.UTC);
    assertThat(
            AutoSync.decide(
                policy(false, false, retry),
                comparison("a", List.of(CM)),
                last("a", "Failed", 1),
                later))
        .isEqualTo(new AutoSync.Decision.Sync(2));
  }

  @Test
  void backoffGrowsByFactorUpToTheMaximum() {
    SyncPolicy p =
        policy(
            false, false, new SyncPolicy.RetryStrategy(5, new SyncPolicy.Backoff("5s", 3L, "30s")));
    assertThat(AutoSync.retryDelay(p, 0)).contains(Duration.ofSeconds(5));
    assertThat(AutoSync.retryDelay(p, 1)).contains(Duration.ofSeconds(15));
    assertThat(AutoSync.retryDelay(p, 2)).contains(Duration.ofSeconds(30));
    assertThat(AutoSync.retryDelay(policy(false, false, null), 0)).isEmpty();
  }
}
