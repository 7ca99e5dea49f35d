package dev.capstan.bench.limit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.controller.api.flux.Kustomization;
import dev.capstan.controller.api.flux.KustomizationStatus.InventoryEntry;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FluxWritesTest {

  private final Instant now = Instant.parse("2026-11-27T04:30:00.250Z");
  private final KubernetesSerialization json = new KubernetesSerialization();

  @Test
  void theKustomizationHasScaleFluxsSpecAsTheApiServerStoresIt() throws Exception {
    Kustomization k = FluxWrites.kustomization("bench-ns", "unit-7");

    JsonNode node = new ObjectMapper().readTree(json.asJson(k));

    assertThat(node.at("/apiVersion").asText()).isEqualTo("kustomize.toolkit.fluxcd.io/v1");
    assertThat(node.at("/kind").asText()).isEqualTo("Kustomization");
    assertThat(node.at("/spec/sourceRef/kind").asText()).isEqualTo("GitRepository");
    assertThat(node.at("/spec/sourceRef/name").asText()).isEqualTo("bench");
    assertThat(node.at("/spec/path").asText()).isEqualTo("./units/unit-7");
    assertThat(node.at("/spec/prune").asBoolean()).isTrue();
    assertThat(node.at("/spec/wait").asBoolean()).isTrue();
    assertThat(node.at("/spec/timeout").asText()).isEqualTo("5m");
    assertThat(node.at("/spec/targetNamespace").asText()).isEqualTo("bench-ns");
  }

  @Test
  void theStatusIsReadyAndHealthyWithTheFourObjectsInFluxsInventoryFormat() throws Exception {
    var status = FluxWrites.status(1, UnitObjects.of("bench-ns", "unit-7"), now);

    assertThat(status.inventory().entries())
        .containsExactly(
            new InventoryEntry("bench-ns_unit-7__ConfigMap", "v1"),
            new InventoryEntry("bench-ns_unit-7__ServiceAccount", "v1"),
            new InventoryEntry("bench-ns_unit-7__Service", "v1"),
            new InventoryEntry("bench-ns_unit-7_apps_Deployment", "v1"));
    assertThat(status.condition("Ready"))
        .hasValueSatisfying(
            c -> {
              assertThat(c.isTrue()).isTrue();
              assertThat(c.reason()).isEqualTo("ReconciliationSucceeded");
              assertThat(c.lastTransitionTime()).isEqualTo("2026-11-27T04:30:00Z");
            });
    assertThat(status.condition("Healthy"))
        .hasValueSatisfying(c -> assertThat(c.isTrue()).isTrue());
    assertThat(status.lastAppliedRevision()).isEqualTo(FluxWrites.REVISION);
    assertThat(status.observedGeneration()).isEqualTo(1);
  }

  @Test
  void aFirstApplyRecordsTheChangeSetThenTheSuccessOnTheKustomization() {
    Kustomization k = FluxWrites.kustomization("bench-ns", "unit-7");
    k.getMetadata().setUid("0c5e-uid");

    List<Event> events = FluxWrites.events(k, UnitObjects.of("bench-ns", "unit-7"), now);

    assertThat(events)
        .extracting(Event::getReason)
        .containsExactly("Progressing", "ReconciliationSucceeded");
    assertThat(events.get(0).getMessage())
        .isEqualTo(
            "ConfigMap/bench-ns/unit-7 Created\n"
                + "ServiceAccount/bench-ns/unit-7 Created\n"
                + "Service/bench-ns/unit-7 Created\n"
                + "Deployment/bench-ns/unit-7 Created");
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.getInvolvedObject().getKind()).isEqualTo("Kustomization");
              assertThat(e.getInvolvedObject().getUid()).isEqualTo("0c5e-uid");
              assertThat(e.getMetadata().getNamespace()).isEqualTo("bench-ns");
              assertThat(e.getSource().getComponent()).isEqualTo(FluxWrites.COMPONENT);
            });
  }

  @Test
  void theFinalizerPatchAddsFluxsFinalizerAndTheReleaseTakesItOff() throws Exception {
    JsonNode add = new ObjectMapper().readTree(FluxWrites.finalizerPatch());
    JsonNode release = new ObjectMapper().readTree(FluxWrites.releasePatch());

    assertThat(add.at("/0/op").asText()).isEqualTo("add");
    assertThat(add.at("/0/path").asText()).isEqualTo("/metadata/finalizers");
    assertThat(add.at("/0/value/0").asText()).isEqualTo("finalizers.fluxcd.io");
    assertThat(release.at("/0/op").asText()).isEqualTo("remove");
    assertThat(release.at("/0/path").asText()).isEqualTo("/metadata/finalizers");
  }
}
