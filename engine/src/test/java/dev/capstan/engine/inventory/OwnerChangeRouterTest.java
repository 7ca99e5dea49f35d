package dev.capstan.engine.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.cluster.ResourceChange;
import dev.capstan.engine.cluster.ResourceKey;
import dev.capstan.kustomize.resource.Gvk;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OwnerChangeRouterTest {

  private static final Gvk CM = new Gvk("", "v1", "ConfigMap");
  private final List<String> routed = new ArrayList<>();
  private final OwnerChangeRouter router =
      OwnerChangeRouter.byTrackingId((owner, key) -> routed.add(owner + " " + key));

  @Test
  void routesAChangeToTheApplicationInTheTrackingId() {
    GenericKubernetesResource cm =
        new TrackingIdOwnership("shop").mark(OwnershipTest.configMap("a", Map.of(), Map.of()));

    router.onChange(change(ResourceChange.Type.UPDATED, cm, cm, true));
    router.onChange(change(ResourceChange.Type.DELETED, cm, null, true));

    assertThat(routed).containsExactly("shop ConfigMap/prod/a", "shop ConfigMap/prod/a");
  }

  @Test
  void dropsStatusOnlyChangesAndUnownedObjects() {
    GenericKubernetesResource ours =
        new TrackingIdOwnership("shop").mark(OwnershipTest.configMap("a", Map.of(), Map.of()));
    GenericKubernetesResource plain = OwnershipTest.configMap("b", Map.of(), Map.of());

    router.onChange(change(ResourceChange.Type.UPDATED, ours, ours, false));
    router.onChange(change(ResourceChange.Type.UPDATED, plain, plain, true));

    assertThat(routed).isEmpty();
  }

  @Test
  void aChangeOfOwnerTellsBothOwners() {
    GenericKubernetesResource before =
        new TrackingIdOwnership("shop").mark(OwnershipTest.configMap("a", Map.of(), Map.of()));
    GenericKubernetesResource after =
        new TrackingIdOwnership("blog").mark(OwnershipTest.configMap("a", Map.of(), Map.of()));

    router.onChange(change(ResourceChange.Type.UPDATED, before, after, true));

    assertThat(routed).containsExactly("shop ConfigMap/prod/a", "blog ConfigMap/prod/a");
  }

  @Test
  void fluxLabelsRouteToTheKustomization() {
    List<String> flux = new ArrayList<>();
    GenericKubernetesResource cm =
        LabelOwnership.fluxKustomization("flux-system", "podinfo")
            .mark(OwnershipTest.configMap("a", Map.of(), Map.of()));

    OwnerChangeRouter.byFluxLabels((owner, key) -> flux.add(owner))
        .onChange(change(ResourceChange.Type.ADDED, null, cm, true));

    assertThat(flux).containsExactly("flux-system/podinfo");
  }

  private static ResourceChange change(
      ResourceChange.Type type,
      GenericKubernetesResource before,
      GenericKubernetesResource after,
      boolean meaningful) {
    GenericKubernetesResource any = after != null ? after : before;
    return new ResourceChange(
        type,
        CM,
        ResourceKey.of(any),
        Optional.ofNullable(before),
        Optional.ofNullable(after),
        meaningful);
  }
}
