package dev.capstan.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.controller.api.argo.ApplicationDestination;
import dev.capstan.controller.api.argo.ApplicationSource;
import dev.capstan.controller.api.argo.ApplicationStatus;
import dev.capstan.controller.api.argo.Operation;
import dev.capstan.controller.api.argo.OperationState;
import dev.capstan.controller.api.flux.Artifact;
import dev.capstan.controller.api.flux.GitRepositoryStatus;
import dev.capstan.controller.api.flux.KustomizationStatus;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Status values built with the models, as the reconcilers will build them, serialize to JSON the
 * API server accepts: fields the schema requires are written even when they hold a zero value (the
 * core API group {@code ""}, history id 0, an empty condition message, an empty inventory).
 */
class StatusSchemaTest {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final String T0 = "2026-01-10T08:00:00Z";

  @Test
  void applicationStatusWithZeroValuedRequiredFieldsIsAccepted() {
    ApplicationSource source = ApplicationSource.git("https://git.example.test/r.git", "", "");
    ApplicationStatus status =
        new ApplicationStatus(
            new ApplicationStatus.SyncStatus(
                "Synced",
                "abc123",
                null,
                new ApplicationStatus.ComparedTo(source, null, null, null)),
            new ApplicationStatus.HealthStatus("Healthy", "", ""),
            List.of(
                new ApplicationStatus.ResourceStatus(
                    "", "v1", "ConfigMap", "prod", "cfg", "Synced", null, false, false, false, 0)),
            List.of(new ApplicationStatus.ApplicationCondition("ComparisonError", "", T0)),
            new OperationState(
                new Operation(
                    new Operation.SyncOperation(
                        "", null, false, false, null, null, null, null, null, null, 0),
                    null,
                    null,
                    null),
                OperationState.SUCCEEDED,
                "",
                new OperationState.SyncResult(
                    List.of(
                        new OperationState.ResourceResult(
                            "", "v1", "ConfigMap", "", "cfg", "Synced", "", "", "", "", null)),
                    "",
                    null,
                    source,
                    null,
                    null),
                T0,
                T0,
                0),
            List.of(
                new ApplicationStatus.RevisionHistory(
                    0, "abc123", null, T0, T0, source, null, null)),
            T0,
            null,
            "Directory",
            null,
            null,
            "capstan",
            null,
            null);

    JsonNode json = toJson(status);

    assertThat(schemaOf("applications.argoproj.io", "v1alpha1").validate(json)).isEmpty();
    assertThat(json.path("history").get(0).has("id")).isTrue();
    assertThat(json.path("operationState").path("syncResult").path("resources").get(0).has("group"))
        .isTrue();
    assertThat(json.path("conditions").get(0).has("message")).isTrue();
  }

  @Test
  void comparedToAlwaysCarriesADestination() {
    JsonNode json = toJson(new ApplicationStatus.ComparedTo(null, null, null, null));

    assertThat(json.toString()).isEqualTo("{\"destination\":{}}");
    assertThat(new ApplicationDestination(null, null, null).server()).isEmpty();
  }

  @Test
  void fluxStatusesWithEmptyMessageAndInventoryAreAccepted() {
    Condition ready = new Condition("Ready", Condition.TRUE, 1, T0, "Succeeded", "");
    GitRepositoryStatus repo =
        new GitRepositoryStatus(
            1,
            List.of(ready),
            new Artifact("p.tar.gz", "http://x/p.tar.gz", "main@sha1:abc", "", T0, 0L, null),
            null,
            null,
            false,
            null,
            null,
            null,
            null);
    KustomizationStatus ks =
        new KustomizationStatus(
            1,
            List.of(ready),
            "main@sha1:abc",
            null,
            "main@sha1:abc",
            null,
            new KustomizationStatus.ResourceInventory(List.of()),
            null);

    JsonNode repoJson = toJson(repo);
    JsonNode ksJson = toJson(ks);

    assertThat(schemaOf("gitrepositories.source.toolkit.fluxcd.io", "v1").validate(repoJson))
        .isEmpty();
    assertThat(schemaOf("kustomizations.kustomize.toolkit.fluxcd.io", "v1").validate(ksJson))
        .isEmpty();
    assertThat(repoJson.path("conditions").get(0).path("message").isTextual()).isTrue();
    assertThat(repoJson.path("artifact").path("size").asLong(-1)).isZero();
    assertThat(ksJson.path("inventory").path("entries").isArray()).isTrue();
    assertThat(repo.condition("Ready")).contains(ready);
    assertThat(ready.isTrue()).isTrue();
  }

  @Test
  void aConditionWithoutReasonIsRejectedAsTheApiServerWould() {
    Condition noReason = new Condition("Ready", Condition.FALSE, 1, T0, "", "failed");
    JsonNode json =
        toJson(new KustomizationStatus(1, List.of(noReason), null, null, null, null, null, null));

    assertThat(schemaOf("kustomizations.kustomize.toolkit.fluxcd.io", "v1").validate(json))
        .containsExactly(
            ".conditions[0].reason: \"\" does not match ^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$",
            ".conditions[0].reason: shorter than 1");
  }

  private static OpenApiSchema schemaOf(String crd, String version) {
    return new OpenApiSchema(OpenApiSchema.ofCrd(Manifests.crd(crd), version).at("status"));
  }

  private static JsonNode toJson(Object value) {
    try {
      return Manifests.YAML.readTree(SERIALIZATION.asJson(value));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
