package dev.capstan.engine.sync;

import static dev.capstan.engine.sync.Objects.annotated;
import static dev.capstan.engine.sync.Objects.crd;
import static dev.capstan.engine.sync.Objects.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.cluster.ResourceKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplyPlannerTest {

  @Test
  void oneWaveInKindOrderWithDefinitionsFirst() {
    List<GenericKubernetesResource> desired =
        List.of(
            object("example.com/v1", "Widget", "shop", "w"),
            object("apps/v1", "Deployment", "shop", "web"),
            object("v1", "Service", "shop", "web"),
            object("v1", "ConfigMap", "shop", "settings"),
            object("v1", "Secret", "shop", "db"),
            object("v1", "ServiceAccount", "shop", "web"),
            crd("example.com", "Widget", "widgets"),
            object("v1", "Namespace", "", "shop"));

    List<Wave> waves = ApplyPlanner.plan(desired);

    assertThat(waves).hasSize(1);
    assertThat(keys(waves.get(0).definitions()))
        .containsExactly("Namespace/shop", "CustomResourceDefinition/widgets.example.com");
    assertThat(keys(waves.get(0).rest()))
        .containsExactly(
            "ServiceAccount/shop/web",
            "Secret/shop/db",
            "ConfigMap/shop/settings",
            "Service/shop/web",
            "Deployment/shop/web",
            "Widget/shop/w");
  }

  @Test
  void wavesAscendAndNamesBreakTies() {
    List<GenericKubernetesResource> desired =
        List.of(
            annotated(
                object("apps/v1", "Deployment", "shop", "late"),
                ResourceSyncOptions.SYNC_WAVE,
                "2"),
            object("v1", "ConfigMap", "shop", "b"),
            object("v1", "ConfigMap", "shop", "a"),
            annotated(
                object("batch/v1", "Job", "shop", "migrate"), ResourceSyncOptions.SYNC_WAVE, "-1"));

    List<Wave> waves = ApplyPlanner.plan(desired);

    assertThat(waves).extracting(Wave::number).containsExactly(-1, 0, 2);
    assertThat(keys(waves.get(0).rest())).containsExactly("Job/shop/migrate");
    assertThat(keys(waves.get(1).rest())).containsExactly("ConfigMap/shop/a", "ConfigMap/shop/b");
    assertThat(keys(waves.get(2).rest())).containsExactly("Deployment/shop/late");
  }

  @Test
  void namespaceAndCrdArePulledIntoTheEarliestWaveOfTheirDependents() {
    List<GenericKubernetesResource> desired =
        List.of(
            annotated(object("v1", "Namespace", "", "shop"), ResourceSyncOptions.SYNC_WAVE, "5"),
            annotated(crd("example.com", "Widget", "widgets"), ResourceSyncOptions.SYNC_WAVE, "3"),
            annotated(
                object("example.com/v1", "Widget", "shop", "w"),
                ResourceSyncOptions.SYNC_WAVE,
                "-2"),
            object("v1", "ConfigMap", "shop", "a"));

    List<Wave> waves = ApplyPlanner.plan(desired);

    assertThat(waves.get(0).number()).isEqualTo(-2);
    assertThat(keys(waves.get(0).definitions()))
        .containsExactly("Namespace/shop", "CustomResourceDefinition/widgets.example.com");
    assertThat(keys(waves.get(0).rest())).containsExactly("Widget/shop/w");
  }

  @Test
  void malformedWaveReadsAsZero() {
    assertThat(
            ResourceSyncOptions.of(
                    annotated(
                        object("v1", "ConfigMap", "shop", "a"),
                        ResourceSyncOptions.SYNC_WAVE,
                        "soon"))
                .wave())
        .isZero();
  }

  private static List<String> keys(List<GenericKubernetesResource> objects) {
    List<String> out = new ArrayList<>();
    objects.forEach(o -> out.add(ResourceKey.of(o).toString()));
    return out;
  }
}
