package dev.capstan.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyncOptionsTest {

  @Test
  void defaultsAreTheSafeOnes() {
    SyncOptions d = SyncOptions.defaults();

    assertThat(d.prune()).isFalse();
    assertThat(d.dryRun()).isFalse();
    assertThat(d.allowEmpty()).isFalse();
    assertThat(d.createNamespace()).isFalse();
    assertThat(d.forceConflicts()).isTrue();
    assertThat(d.fieldManager()).isEqualTo("capstan");
    assertThat(d.prunePropagation())
        .isEqualTo(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND);
    assertThat(d.respectIgnoreDifferences()).isFalse();
  }

  @Test
  void withersChangeOneFieldAndLeaveTheOriginal() {
    SyncOptions d = SyncOptions.defaults();

    SyncOptions changed =
        d.withPrune(true)
            .withTargetNamespace("shop")
            .withCreateNamespace(true)
            .withWaitTimeout(Duration.ofSeconds(5));

    assertThat(changed.prune()).isTrue();
    assertThat(changed.targetNamespace()).isEqualTo("shop");
    assertThat(changed.createNamespace()).isTrue();
    assertThat(changed.waitTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(d).isEqualTo(SyncOptions.defaults());
  }

  @Test
  void syncOptionsAnnotationIsCaseInsensitiveAndIgnoresUnknownOptions() {
    var o =
        ResourceSyncOptions.of(
            Objects.annotated(
                Objects.object("v1", "ConfigMap", "shop", "a"),
                ResourceSyncOptions.SYNC_OPTIONS,
                "ServerSideApply=true, prune=False,PruneLast=true"));

    assertThat(o.pruneDisabled()).isTrue();
    assertThat(o.pruneLast()).isTrue();
  }
}
