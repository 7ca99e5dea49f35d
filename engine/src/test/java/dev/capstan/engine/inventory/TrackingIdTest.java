package dev.capstan.engine.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.cluster.ResourceKey;
import org.junit.jupiter.api.Test;

class TrackingIdTest {

  @Test
  void formatsAsArgoCdDoes() {
    assertThat(TrackingId.of("shop", new ResourceKey("apps", "Deployment", "prod", "web")).value())
        .isEqualTo("shop:apps/Deployment:prod/web");
    assertThat(TrackingId.of("shop", new ResourceKey("", "Namespace", "", "prod")).value())
        .isEqualTo("shop:/Namespace:/prod");
  }

  @Test
  void parsesWhatItFormats() {
    TrackingId id = new TrackingId("argocd_shop", "", "ConfigMap", "prod", "settings");

    assertThat(TrackingId.parse(id.value())).contains(id);
  }

  @Test
  void rejectsMalformedValues() {
    assertThat(TrackingId.parse(null)).isEmpty();
    assertThat(TrackingId.parse("shop")).isEmpty();
    assertThat(TrackingId.parse("shop:apps/Deployment")).isEmpty();
    assertThat(TrackingId.parse("shop:Deployment:prod/web")).isEmpty();
    assertThat(TrackingId.parse("shop:apps/Deployment:web")).isEmpty();
    assertThat(TrackingId.parse(":apps/Deployment:prod/web")).isEmpty();
    assertThat(TrackingId.parse("shop:apps/:prod/web")).isEmpty();
  }

  @Test
  void matchesOnlyTheObjectItNames() {
    TrackingId id = TrackingId.parse("shop:apps/Deployment:prod/web").orElseThrow();

    assertThat(id.matches(new ResourceKey("apps", "Deployment", "prod", "web"))).isTrue();
    assertThat(id.matches(new ResourceKey("apps", "Deployment", "prod", "api"))).isFalse();
    assertThat(id.matches(new ResourceKey("apps", "Deployment", "dev", "web"))).isFalse();
    assertThat(id.matches(new ResourceKey("apps", "StatefulSet", "prod", "web"))).isFalse();
  }

  @Test
  void clusterScopedObjectsMatchWhateverNamespaceArgoWrote() {
    TrackingId id =
        TrackingId.parse("shop:rbac.authorization.k8s.io/ClusterRole:prod/reader").orElseThrow();

    assertThat(
            id.matches(new ResourceKey("rbac.authorization.k8s.io", "ClusterRole", "", "reader")))
        .isTrue();
  }
}
