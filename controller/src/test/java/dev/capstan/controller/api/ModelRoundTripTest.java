package dev.capstan.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.controller.api.argo.AppProject;
import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.api.flux.GitRepository;
import dev.capstan.controller.api.flux.Kustomization;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Java models read and write every field the CRD schemas define: a manifest that uses all of
 * them, and each example manifest, survive a read into the model and a write back with nothing lost
 * or added (up to Go's zero values, which both sides omit).
 */
class ModelRoundTripTest {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final Map<String, Class<? extends HasMetadata>> MODELS =
      Map.of(
          "Application", Application.class,
          "AppProject", AppProject.class,
          "GitRepository", GitRepository.class,
          "Kustomization", Kustomization.class);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application-full.yaml",
        "appproject-full.yaml",
        "gitrepository-full.yaml",
        "kustomization-full.yaml"
      })
  void fullManifestIsValidAndSurvivesTheModel(String name) throws JsonProcessingException {
    JsonNode original = Manifests.resource(name);

    assertThat(Manifests.schemaFor(original).orElseThrow().validate(original)).isEmpty();
    assertThat(roundTrip(original)).isEqualTo(Manifests.withoutZeroValues(original));
  }

  static List<Arguments> examples() throws IOException {
    return ExampleManifestsTest.exampleFiles().stream()
        .flatMap(
            f -> {
              try {
                return Manifests.documents(Files.readString(f)).stream()
                    .filter(d -> MODELS.containsKey(d.path("kind").asText()))
                    .map(d -> Arguments.of(f.getParent().getFileName() + "/" + f.getFileName(), d));
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleSurvivesTheModel(String file, JsonNode original) throws JsonProcessingException {
    assertThat(roundTrip(original)).isEqualTo(Manifests.withoutZeroValues(original));
  }

  private static JsonNode roundTrip(JsonNode original) throws JsonProcessingException {
    Class<? extends HasMetadata> type = MODELS.get(original.path("kind").asText());
    HasMetadata model = SERIALIZATION.unmarshal(original.toString(), type);
    assertThat(model).isInstanceOf(type);
    return Manifests.withoutZeroValues(Manifests.YAML.readTree(SERIALIZATION.asJson(model)));
  }
}
