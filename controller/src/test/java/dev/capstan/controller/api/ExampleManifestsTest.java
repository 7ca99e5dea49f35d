package dev.capstan.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The example GitOps repository's {@code deploy/} manifests, written for Argo CD and Flux, are
 * valid against Capstan's CRDs as they are, with no field left unknown (which the API server would
 * reject under strict validation or silently drop otherwise).
 */
class ExampleManifestsTest {

  @Test
  void everyArgoCdAndFluxExampleValidatesAgainstCapstansSchemas() throws IOException {
    List<String> validated = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path file : exampleFiles()) {
      for (JsonNode doc : Manifests.documents(Files.readString(file))) {
        var schema = Manifests.schemaFor(doc);
        if (schema.isEmpty()) {
          continue;
        }
        String id = doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText();
        validated.add(id);
        schema.get().validate(doc).forEach(p -> problems.add(file.getFileName() + " " + id + p));
      }
    }

    assertThat(problems).isEmpty();
    assertThat(validated)
        .containsExactlyInAnyOrder(
            "Application/dev-cluster",
            "Application/full-stack",
            "Application/prod-cluster",
            "Application/web-app",
            "GitRepository/gitops-repo",
            "Kustomization/web-app");
  }

  @Test
  void aMisspelledFieldIsReportedNotDropped() throws IOException {
    ObjectNode app = (ObjectNode) example("argocd/web-app.yaml");
    ObjectNode source = (ObjectNode) app.path("spec").path("source");
    source.set("targetRevison", source.remove("targetRevision"));

    assertThat(Manifests.schemaFor(app).orElseThrow().validate(app))
        .containsExactly(".spec.source.targetRevison: unknown field");
  }

  @Test
  void anApplicationWithoutDestinationIsRejected() throws IOException {
    ObjectNode app = (ObjectNode) example("argocd/dev-cluster.yaml");
    ((ObjectNode) app.path("spec")).remove("destination");

    assertThat(Manifests.schemaFor(app).orElseThrow().validate(app))
        .containsExactly(".spec.destination: required");
  }

  @Test
  void fluxPatternsAndEnumsAreEnforced() throws IOException {
    ObjectNode repo = (ObjectNode) example("flux/gitops-repo.yaml");
    ((ObjectNode) repo.path("spec")).put("url", "ftp://example.test/repo");
    ((ObjectNode) repo.path("spec")).put("interval", "1 minute");
    ObjectNode ks = (ObjectNode) example("flux/web-app.yaml");
    ((ObjectNode) ks.path("spec").path("sourceRef")).put("kind", "HelmRepository");
    ((ObjectNode) ks.path("spec")).remove("prune");

    assertThat(Manifests.schemaFor(repo).orElseThrow().validate(repo))
        .containsExactly(
            ".spec.interval: \"1 minute\" does not match ^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$",
            ".spec.url: \"ftp://example.test/repo\" does not match ^(http|https|ssh)://.*$");
    assertThat(Manifests.schemaFor(ks).orElseThrow().validate(ks))
        .containsExactlyInAnyOrder(
            ".spec.prune: required",
            ".spec.sourceRef.kind: \"HelmRepository\" is not one of"
                + " [\"OCIRepository\",\"GitRepository\",\"Bucket\",\"ExternalArtifact\"]");
  }

  @Test
  void theRbacConfigMapExampleIsNotACustomResource() throws IOException {
    assertThat(Manifests.schemaFor(example("argocd/rbac-cm.yaml"))).isEmpty();
  }

  private static JsonNode example(String relative) throws IOException {
    return Manifests.documents(Files.readString(Manifests.examplesDeployDir().resolve(relative)))
        .getFirst();
  }

  static List<Path> exampleFiles() throws IOException {
    Path dir = Manifests.examplesDeployDir();
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }
}
