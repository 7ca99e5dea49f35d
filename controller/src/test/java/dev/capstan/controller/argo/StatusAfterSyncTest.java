package dev.capstan.controller.argo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.controller.api.argo.ApplicationStatus;
import dev.capstan.controller.api.argo.ApplicationStatus.HealthStatus;
import dev.capstan.controller.api.argo.ApplicationStatus.ResourceStatus;
import dev.capstan.controller.api.argo.ApplicationStatus.SyncStatus;
import dev.capstan.controller.runtime.ResourceVersions;
import dev.capstan.engine.cluster.ResourceKey;
import dev.capstan.engine.diff.DiffResult;
import dev.capstan.engine.inventory.Inventory;
import dev.capstan.engine.sync.Action;
import dev.capstan.engine.sync.Change;
import dev.capstan.engine.sync.ChangeSet;
import dev.capstan.engine.sync.SyncResult;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The status after a sync without a second comparison ({@link Comparison#afterSync}), when a status
 * write can be left out ({@link StatusDraft#recentlyWritten}), and the resourceVersion order the
 * controller relies on ({@link ResourceVersions}).
 */
class StatusAfterSyncTest {

  private static final ResourceKey CREATED = new ResourceKey("", "ConfigMap", "ns", "created");
  private static final ResourceKey FAILED = new ResourceKey("apps", "Deployment", "ns", "failed");
  private static final ResourceKey PRUNED = new ResourceKey("", "ConfigMap", "ns", "pruned");
  private static final ResourceKey KEPT = new ResourceKey("", "Secret", "ns", "kept");
  private static final ResourceKey SHARED = new ResourceKey("", "ConfigMap", "ns", "shared");

  private static ResourceStatus row(ResourceKey key, String status, boolean prune) {
    return ResourceStatuses.row(key, "v1", status, prune, null);
  }

  private static SyncResult result(List<Change> changes) {
    return new SyncResult(
        new ChangeSet(changes), new DiffResult(List.of()), Inventory.empty(), List.of());
  }

  @Test
  void appliedObjectsAreSyncedPrunedOnesGoAndTheRestStayAsCompared() {
    Comparison before =
        new Comparison(
            List.of("abc"),
            List.of(),
            List.of(),
            result(List.of()),
            List.of(
                row(CREATED, ResourceStatuses.OUT_OF_SYNC, false),
                row(FAILED, ResourceStatuses.OUT_OF_SYNC, false),
                row(PRUNED, ResourceStatuses.OUT_OF_SYNC, true),
                row(KEPT, ResourceStatuses.OUT_OF_SYNC, true),
                row(SHARED, ResourceStatuses.UNKNOWN, false)),
            false);
    SyncResult sync =
        result(
            List.of(
                Change.of(CREATED, Action.CREATED),
                new Change(FAILED, Action.FAILED, "refused"),
                Change.of(PRUNED, Action.DELETED),
                new Change(KEPT, Action.SKIPPED, "Prune=false"),
                new Change(SHARED, Action.SKIPPED, "shared resource: also claimed by x")));

    Comparison after = before.afterSync(sync);

    assertThat(after.resources())
        .extracting(ResourceStatus::name, ResourceStatus::status, ResourceStatus::requiresPruning)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("created", ResourceStatuses.SYNCED, false),
            org.assertj.core.groups.Tuple.tuple("failed", ResourceStatuses.OUT_OF_SYNC, false),
            org.assertj.core.groups.Tuple.tuple("kept", ResourceStatuses.OUT_OF_SYNC, true),
            org.assertj.core.groups.Tuple.tuple("shared", ResourceStatuses.UNKNOWN, false));
    assertThat(after.synced()).isFalse();

    Comparison allApplied =
        before.afterSync(
            result(
                List.of(
                    Change.of(CREATED, Action.CREATED),
                    Change.of(FAILED, Action.CONFIGURED),
                    Change.of(PRUNED, Action.DELETED),
                    Change.of(KEPT, Action.DELETED))));
    assertThat(allApplied.synced()).isTrue();
  }

  private static ApplicationStatus status(String reconciledAt, String sync) {
    return new ApplicationStatus(
        new SyncStatus(sync, "abc", List.of(), null),
        new HealthStatus("Healthy", "", "2026-01-01T00:00:00Z"),
        List.of(row(CREATED, ResourceStatuses.SYNCED, false)),
        List.of(),
        null,
        List.of(),
        reconciledAt,
        reconciledAt,
        "Directory",
        List.of(),
        null,
        "argocd",
        "",
        null);
  }

  @Test
  void aStatusThatOnlyMovesTheTimeIsLeftOutWithinTheInterval() {
    ApplicationStatus written = status("2026-01-01T00:00:00Z", "Synced");
    Duration interval = Duration.ofMinutes(3);

    assertThat(
            StatusDraft.recentlyWritten(
                written, status("2026-01-01T00:00:05Z", "Synced"), interval))
        .isTrue();
    assertThat(
            StatusDraft.recentlyWritten(
                written, status("2026-01-01T00:03:00Z", "Synced"), interval))
        .as("the poll's reconcile always writes")
        .isFalse();
    assertThat(
            StatusDraft.recentlyWritten(
                written, status("2026-01-01T00:00:05Z", "OutOfSync"), interval))
        .as("a change is written at once")
        .isFalse();
    assertThat(StatusDraft.recentlyWritten(ApplicationStatus.empty(), written, interval)).isFalse();
  }

  @Test
  void resourceVersionsCompareAsNumbersAndAnythingElseIsNeverNewer() {
    var v9 = new ObjectMetaBuilder().withResourceVersion("9").build();
    var v10 = new ObjectMetaBuilder().withResourceVersion("10").build();
    var opaque = new ObjectMetaBuilder().withResourceVersion("abc").build();

    assertThat(ResourceVersions.newer(v10, v9)).isTrue();
    assertThat(ResourceVersions.newer(v9, v10)).isFalse();
    assertThat(ResourceVersions.newer(v10, v10)).isFalse();
    assertThat(ResourceVersions.newer(opaque, v9)).isFalse();
    assertThat(ResourceVersions.newer(v10, opaque)).isFalse();
    assertThat(ResourceVersions.newer(v10, new ObjectMetaBuilder().build())).isFalse();
    assertThat(ResourceVersions.atLeast("10", "9")).isTrue();
    assertThat(ResourceVersions.atLeast("10", "10")).isTrue();
    assertThat(ResourceVersions.atLeast("9", "10")).isFalse();
    assertThat(ResourceVersions.atLeast("abc", "abc")).isTrue();
    assertThat(ResourceVersions.atLeast("abc", "9")).isFalse();
    assertThat(ResourceVersions.atLeast(null, "9")).isFalse();
  }
}
