package dev.capstan.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.diff.DiffOptions;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
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
  void everyWitherChangesItsOwnComponentAndNoOther() throws Exception {
    SyncOptions d = SyncOptions.defaults();
    Map<String, SyncOptions> changed = new LinkedHashMap<>();
    changed.put("prune", d.withPrune(true));
    changed.put("dryRun", d.withDryRun(true));
    changed.put("targetNamespace", d.withTargetNamespace("shop"));
    changed.put("createNamespace", d.withCreateNamespace(true));
    changed.put("allowEmpty", d.withAllowEmpty(true));
    changed.put("pruneLast", d.withPruneLast(true));
    changed.put("prunePropagation", d.withPrunePropagation(DeletionPropagation.FOREGROUND));
    changed.put("respectIgnoreDifferences", d.withRespectIgnoreDifferences(true));
    changed.put("forceConflicts", d.withForceConflicts(false));
    changed.put("recreateOnImmutable", d.withRecreateOnImmutable(true));
    changed.put("waitTimeout", d.withWaitTimeout(Duration.ofSeconds(5)));
    changed.put("diffOptions", d.withDiffOptions(DiffOptions.defaults().withFieldManager("other")));
    changed.put("applyConcurrency", d.withApplyConcurrency(4));

    assertThat(changed.keySet())
        .containsExactly(
            Arrays.stream(SyncOptions.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toArray(String[]::new));
    for (var e : changed.entrySet()) {
      for (RecordComponent c : SyncOptions.class.getRecordComponents()) {
        Object before = c.getAccessor().invoke(d);
        Object after = c.getAccessor().invoke(e.getValue());
        if (c.getName().equals(e.getKey())) {
          assertThat(after).as(e.getKey()).isNotEqualTo(before);
        } else {
          assertThat(after).as(e.getKey() + " leaves " + c.getName()).isEqualTo(before);
        }
      }
    }
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
