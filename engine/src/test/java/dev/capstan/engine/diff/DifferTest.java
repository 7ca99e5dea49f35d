package dev.capstan.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.cluster.ApiResource;
import dev.capstan.engine.cluster.ObjectTrees;
import dev.capstan.kustomize.resource.Gvk;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DifferTest {

  private static final ApiResource CONFIG_MAPS =
      ApiResource.of(new Gvk("", "v1", "ConfigMap"), "configmaps", true);

  @Test
  void aLiveObjectThatChangedBeforeTheDryRunIsReadAgain() {
    GenericKubernetesResource desired = configMap("1", Map.of());
    GenericKubernetesResource readEarly = configMap("1", Map.of());
    // a controller annotated the object between our read and the dry run
    GenericKubernetesResource changed = configMap("2", Map.of("controller/revision", "1"));
    AtomicInteger reads = new AtomicInteger();
    Differ differ =
        new Differ(
            (d, type, manager) -> changed,
            (key, type) -> {
              reads.incrementAndGet();
              return Optional.of(changed);
            });

    ResourceDiff diff =
        differ.diff(desired, Optional.of(readEarly), CONFIG_MAPS, DiffOptions.defaults());

    assertThat(diff.status()).as(diff.unifiedDiff()).isEqualTo(DiffStatus.IN_SYNC);
    assertThat(reads).hasValue(1);
  }

  @Test
  void anUnchangedLiveObjectIsNotReadAgain() {
    AtomicInteger reads = new AtomicInteger();
    GenericKubernetesResource live = configMap("7", Map.of());
    Differ differ =
        new Differ(
            (d, type, manager) -> live,
            (key, type) -> {
              reads.incrementAndGet();
              return Optional.of(live);
            });

    differ.diff(configMap("", Map.of()), Optional.of(live), CONFIG_MAPS, DiffOptions.defaults());

    assertThat(reads).hasValue(0);
  }

  @Test
  void aMissingObjectIsNotPreviewed() {
    Differ differ =
        new Differ(
            (d, type, manager) -> {
              throw new AssertionError("no dry run expected");
            },
            (key, type) -> Optional.empty());

    assertThat(
            differ
                .diff(
                    configMap("", Map.of()), Optional.empty(), CONFIG_MAPS, DiffOptions.defaults())
                .status())
        .isEqualTo(DiffStatus.MISSING);
  }

  private static GenericKubernetesResource configMap(
      String resourceVersion, Map<String, String> annotations) {
    return ObjectTrees.fromMap(
        Map.of(
            "apiVersion",
            "v1",
            "kind",
            "ConfigMap",
            "metadata",
            Map.of(
                "name",
                "c",
                "namespace",
                "n",
                "resourceVersion",
                resourceVersion,
                "annotations",
                annotations),
            "data",
            Map.of("a", "1")));
  }
}
