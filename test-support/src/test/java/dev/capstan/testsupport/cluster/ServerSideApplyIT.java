package dev.capstan.testsupport.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Server-side apply tracks field managers, and a second manager's change to an owned field
 * conflicts.
 */
@WithControlPlane
class ServerSideApplyIT {
  private final KubernetesClient client;
  private final TestNamespace namespace;

  ServerSideApplyIT(KubernetesClient client, TestNamespace namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  @Test
  void applyRecordsTheFieldManager() {
    ConfigMap applied = apply("capstan", configMap("recorded", Map.of("color", "blue")), false);

    assertThat(applied.getData()).containsEntry("color", "blue");
    assertThat(applied.getMetadata().getManagedFields())
        .extracting(ManagedFieldsEntry::getManager, ManagedFieldsEntry::getOperation)
        .contains(tuple("capstan", "Apply"));
  }

  @Test
  void secondManagerChangingAnOwnedFieldGetsAConflictUnlessItForces() {
    apply("capstan", configMap("contested", Map.of("color", "blue")), false);

    assertThatThrownBy(
            () -> apply("intruder", configMap("contested", Map.of("color", "red")), false))
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(409);
              assertThat(e.getMessage()).contains("conflict").contains("capstan");
            });
    assertThat(get("contested").getData()).containsEntry("color", "blue");

    ConfigMap forced = apply("intruder", configMap("contested", Map.of("color", "red")), true);

    assertThat(forced.getData()).containsEntry("color", "red");
  }

  @Test
  void secondManagerMayAddFieldsNobodyOwns() {
    apply("capstan", configMap("shared", Map.of("color", "blue")), false);

    ConfigMap merged = apply("other", configMap("shared", Map.of("size", "large")), false);

    assertThat(merged.getData()).containsEntry("color", "blue").containsEntry("size", "large");
  }

  private ConfigMap apply(String manager, ConfigMap desired, boolean force) {
    var applicable =
        client.configMaps().inNamespace(namespace.name()).resource(desired).fieldManager(manager);
    return force ? applicable.forceConflicts().serverSideApply() : applicable.serverSideApply();
  }

  private ConfigMap get(String name) {
    return client.configMaps().inNamespace(namespace.name()).withName(name).get();
  }

  private static ConfigMap configMap(String name, Map<String, String> data) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withData(data)
        .build();
  }
}
