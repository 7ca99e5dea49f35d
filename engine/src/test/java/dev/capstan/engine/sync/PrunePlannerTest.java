package dev.capstan.engine.sync;

import static dev.capstan.engine.sync.Objects.annotated;
import static dev.capstan.engine.sync.Objects.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.cluster.ResourceKey;
import dev.capstan.engine.inventory.TrackingIdOwnership;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrunePlannerTest {

  private final TrackingIdOwnership shop = new TrackingIdOwnership("shop");
  private final SyncOptions prune = SyncOptions.defaults().withPrune(true);
  private final Set<ResourceKey> stillDesired =
      Set.of(new ResourceKey("", "ConfigMap", "shop", "kept"));

  @Test
  void deletesOwnedObjectsThatLeftTheDesiredSet() {
    GenericKubernetesResource gone = shop.mark(object("v1", "ConfigMap", "shop", "gone"));

    List<PruneDecision> plan = PrunePlanner.plan(stillDesired, List.of(gone), shop, prune);

    assertThat(plan)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.key()).isEqualTo(new ResourceKey("", "ConfigMap", "shop", "gone"));
              assertThat(d.delete()).isTrue();
            });
  }

  @Test
  void neverTouchesObjectsWithoutOurMark() {
    GenericKubernetesResource foreign = object("v1", "ConfigMap", "shop", "foreign");
    GenericKubernetesResource otherApp =
        new TrackingIdOwnership("blog").mark(object("v1", "ConfigMap", "shop", "blog"));

    assertThat(PrunePlanner.plan(stillDesired, List.of(foreign, otherApp), shop, prune)).isEmpty();
  }

  @Test
  void keepsObjectsStillDesired() {
    GenericKubernetesResource kept = shop.mark(object("v1", "ConfigMap", "shop", "kept"));

    assertThat(PrunePlanner.plan(stillDesired, List.of(kept), shop, prune)).isEmpty();
  }

  @Test
  void withoutPruneTheyAreReportedButKept() {
    GenericKubernetesResource gone = shop.mark(object("v1", "ConfigMap", "shop", "gone"));

    assertThat(PrunePlanner.plan(stillDesired, List.of(gone), shop, SyncOptions.defaults()))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.delete()).isFalse();
              assertThat(d.reason()).isEqualTo("ignored (requires pruning)");
            });
  }

  @Test
  void pruneFalseAnnotationAndFluxDisabledAreHonoured() {
    GenericKubernetesResource argo =
        shop.mark(
            annotated(
                object("v1", "ConfigMap", "shop", "a"),
                ResourceSyncOptions.SYNC_OPTIONS,
                "Prune=false"));
    GenericKubernetesResource flux =
        shop.mark(
            annotated(
                object("v1", "ConfigMap", "shop", "f"),
                ResourceSyncOptions.FLUX_PRUNE,
                "disabled"));

    assertThat(PrunePlanner.plan(stillDesired, List.of(argo, flux), shop, prune))
        .allSatisfy(
            d -> {
              assertThat(d.delete()).isFalse();
              assertThat(d.reason()).contains("Prune=false");
            });
  }

  @Test
  void anEmptyDesiredSetPrunesNothingUnlessAllowed() {
    GenericKubernetesResource gone = shop.mark(object("v1", "ConfigMap", "shop", "gone"));

    assertThat(PrunePlanner.plan(Set.of(), List.of(gone), shop, prune))
        .singleElement()
        .satisfies(d -> assertThat(d.delete()).isFalse());
    assertThat(PrunePlanner.plan(Set.of(), List.of(gone), shop, prune.withAllowEmpty(true)))
        .singleElement()
        .satisfies(d -> assertThat(d.delete()).isTrue());
  }

  @Test
  void deletesInReverseKindOrderWithPruneLastAtTheEnd() {
    GenericKubernetesResource ns = shop.mark(object("v1", "Namespace", "", "old"));
    GenericKubernetesResource cm = shop.mark(object("v1", "ConfigMap", "shop", "cm"));
    GenericKubernetesResource deploy = shop.mark(object("apps/v1", "Deployment", "shop", "web"));
    GenericKubernetesResource widget = shop.mark(object("example.com/v1", "Widget", "shop", "w"));
    GenericKubernetesResource last =
        shop.mark(
            annotated(
                object("apps/v1", "Deployment", "shop", "db"),
                ResourceSyncOptions.SYNC_OPTIONS,
                "PruneLast=true"));

    List<PruneDecision> plan =
        PrunePlanner.plan(stillDesired, List.of(ns, cm, last, deploy, widget), shop, prune);

    assertThat(plan)
        .extracting(d -> d.key().toString())
        .containsExactly(
            "Widget/shop/w",
            "Deployment/shop/web",
            "ConfigMap/shop/cm",
            "Namespace/old",
            "Deployment/shop/db");
    assertThat(plan.get(4).last()).isTrue();
  }

  @Test
  void objectsBeingDeletedAreLeftAlone() {
    GenericKubernetesResource dying = shop.mark(object("v1", "ConfigMap", "shop", "dying"));
    dying.getMetadata().setDeletionTimestamp("2026-11-26T03:00:00Z");

    assertThat(PrunePlanner.plan(stillDesired, List.of(dying), shop, prune))
        .singleElement()
        .satisfies(d -> assertThat(d.delete()).isFalse());
  }
}
