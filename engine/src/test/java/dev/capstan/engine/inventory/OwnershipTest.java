package dev.capstan.engine.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnershipTest {

  private final TrackingIdOwnership shop = new TrackingIdOwnership("shop");

  @Test
  void markAddsTheTrackingIdWithoutChangingTheArgument() {
    GenericKubernetesResource desired = configMap("settings", Map.of("team", "a"), Map.of());

    GenericKubernetesResource marked = shop.mark(desired);

    assertThat(marked.getMetadata().getAnnotations())
        .containsEntry(TrackingId.ANNOTATION, "shop:/ConfigMap:prod/settings")
        .containsEntry("team", "a");
    assertThat(desired.getMetadata().getAnnotations()).doesNotContainKey(TrackingId.ANNOTATION);
    assertThat(shop.claimOf(marked)).isEqualTo(Claim.ours());
  }

  @Test
  void anotherApplicationsTrackingIdIsAnotherClaim() {
    GenericKubernetesResource live =
        new TrackingIdOwnership("blog").mark(configMap("settings", Map.of(), Map.of()));

    assertThat(shop.claimOf(live)).isEqualTo(Claim.other("application blog"));
  }

  @Test
  void noTrackingIdOrACopiedOneIsUnclaimed() {
    GenericKubernetesResource plain = configMap("settings", Map.of(), Map.of());
    GenericKubernetesResource copied =
        configMap("copy", Map.of(TrackingId.ANNOTATION, "shop:/ConfigMap:prod/settings"), Map.of());
    GenericKubernetesResource garbage =
        configMap("settings", Map.of(TrackingId.ANNOTATION, "not a tracking id"), Map.of());

    assertThat(shop.claimOf(plain)).isEqualTo(Claim.unclaimed());
    assertThat(shop.claimOf(copied)).isEqualTo(Claim.unclaimed());
    assertThat(shop.claimOf(garbage)).isEqualTo(Claim.unclaimed());
  }

  @Test
  void fluxLabelsClaimAsKustomizeControllerDoes() {
    LabelOwnership podinfo = LabelOwnership.fluxKustomization("flux-system", "podinfo");
    GenericKubernetesResource ours = podinfo.mark(configMap("a", Map.of(), Map.of("app", "x")));
    GenericKubernetesResource theirs =
        LabelOwnership.fluxKustomization("flux-system", "other")
            .mark(configMap("a", Map.of(), Map.of()));

    assertThat(ours.getMetadata().getLabels())
        .containsEntry("kustomize.toolkit.fluxcd.io/name", "podinfo")
        .containsEntry("app", "x");
    assertThat(podinfo.claimOf(ours)).isEqualTo(Claim.ours());
    assertThat(podinfo.claimOf(theirs)).isInstanceOf(Claim.Other.class);
    assertThat(podinfo.claimOf(configMap("a", Map.of(), Map.of()))).isEqualTo(Claim.unclaimed());
  }

  static GenericKubernetesResource configMap(
      String name, Map<String, String> annotations, Map<String, String> labels) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("v1")
        .withKind("ConfigMap")
        .withNewMetadata()
        .withName(name)
        .withNamespace("prod")
        .withAnnotations(annotations)
        .withLabels(labels)
        .endMetadata()
        .build();
  }
}
