package dev.capstan.engine.sync;

import static dev.capstan.engine.sync.Objects.crd;
import static dev.capstan.engine.sync.Objects.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.engine.cluster.StaticResourceTypes;
import dev.capstan.engine.inventory.TrackingId;
import dev.capstan.engine.inventory.TrackingIdOwnership;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesiredSetPreparerTest {

  private final TrackingIdOwnership shop = new TrackingIdOwnership("shop");
  private final StaticResourceTypes types = StaticResourceTypes.builtIns();

  @Test
  void namespacedObjectsGetTheTargetNamespaceAndClusterScopedOnesLoseTheirs() {
    var prepared =
        DesiredSetPreparer.prepare(
            List.of(object("v1", "ConfigMap", "", "a"), object("v1", "Namespace", "oops", "shop")),
            shop,
            SyncOptions.defaults().withTargetNamespace("shop"),
            types);

    assertThat(prepared.failures()).isEmpty();
    assertThat(prepared.objects())
        .extracting(o -> o.key().toString())
        .containsExactly("ConfigMap/shop/a", "Namespace/shop");
    assertThat(prepared.objects().get(0).object().getMetadata().getAnnotations())
        .containsEntry(TrackingId.ANNOTATION, "shop:/ConfigMap:shop/a");
  }

  @Test
  void kindsServedByACrdInTheSameSetAreAcceptedUnknownKindsFail() {
    var prepared =
        DesiredSetPreparer.prepare(
            List.of(
                crd("example.com", "Widget", "widgets"),
                object("example.com/v1", "Widget", "", "w"),
                object("example.com/v1", "Gadget", "shop", "g")),
            shop,
            SyncOptions.defaults().withTargetNamespace("shop"),
            types);

    assertThat(prepared.objects())
        .extracting(o -> o.key().toString())
        .containsExactly("CustomResourceDefinition/widgets.example.com", "Widget/shop/w");
    assertThat(prepared.objects().get(1).type()).isEmpty();
    assertThat(prepared.failures())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.action()).isEqualTo(Action.FAILED);
              assertThat(c.toString())
                  .isEqualTo(
                      "Gadget/shop/g Failed: kind example.com/v1/Gadget is not served by the cluster");
            });
  }

  @Test
  void duplicatesFail() {
    var prepared =
        DesiredSetPreparer.prepare(
            List.of(object("v1", "ConfigMap", "shop", "a"), object("v1", "ConfigMap", "shop", "a")),
            shop,
            SyncOptions.defaults(),
            types);

    assertThat(prepared.objects()).hasSize(1);
    assertThat(prepared.failures())
        .singleElement()
        .extracting(Change::action)
        .isEqualTo(Action.FAILED);
  }

  @Test
  void objectsWithoutANameAreRejected() {
    assertThatThrownBy(
            () ->
                DesiredSetPreparer.prepare(
                    List.of(object("v1", "ConfigMap", "shop", "")),
                    shop,
                    SyncOptions.defaults(),
                    types))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("metadata.name");
  }
}
