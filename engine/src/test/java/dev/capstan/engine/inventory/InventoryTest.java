package dev.capstan.engine.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.engine.cluster.ResourceKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryTest {

  @Test
  void fluxIdsOfNamespacedCoreAndClusterScopedObjects() {
    assertThat(new InventoryEntry(new ResourceKey("apps", "Deployment", "prod", "web"), "v1").id())
        .isEqualTo("prod_web_apps_Deployment");
    assertThat(new InventoryEntry(new ResourceKey("", "Service", "prod", "web"), "v1").id())
        .isEqualTo("prod_web__Service");
    assertThat(new InventoryEntry(new ResourceKey("", "Namespace", "", "prod"), "v1").id())
        .isEqualTo("_prod__Namespace");
  }

  @Test
  void colonsInRbacNamesAreDoubleUnderscores() {
    InventoryEntry entry =
        new InventoryEntry(
            new ResourceKey("rbac.authorization.k8s.io", "ClusterRole", "", "system:reader"), "v1");

    assertThat(entry.id()).isEqualTo("_system__reader_rbac.authorization.k8s.io_ClusterRole");
    assertThat(InventoryEntry.parse(entry.id(), "v1")).contains(entry);
  }

  @Test
  void parsesFluxIds() {
    assertThat(InventoryEntry.parse("prod_web__Service", "v1"))
        .contains(new InventoryEntry(new ResourceKey("", "Service", "prod", "web"), "v1"));
    assertThat(InventoryEntry.parse("_prod__Namespace", "v1").orElseThrow().key())
        .isEqualTo(new ResourceKey("", "Namespace", "", "prod"));
    assertThat(InventoryEntry.parse("garbage", "v1")).isEmpty();
    assertThat(InventoryEntry.parse("a_b_c", "v1")).isEmpty();
  }

  @Test
  void entriesAreUniqueAndSortedSoEqualSetsAreEqual() {
    InventoryEntry a = new InventoryEntry(new ResourceKey("", "ConfigMap", "prod", "a"), "v1");
    InventoryEntry b = new InventoryEntry(new ResourceKey("apps", "Deployment", "prod", "b"), "v1");

    assertThat(new Inventory(List.of(b, a, b))).isEqualTo(new Inventory(List.of(a, b)));
  }

  @Test
  void minusIsWhatLeft() {
    InventoryEntry a = new InventoryEntry(new ResourceKey("", "ConfigMap", "prod", "a"), "v1");
    InventoryEntry b = new InventoryEntry(new ResourceKey("apps", "Deployment", "prod", "b"), "v1");

    assertThat(new Inventory(List.of(a, b)).minus(new Inventory(List.of(b)))).containsExactly(a);
  }
}
