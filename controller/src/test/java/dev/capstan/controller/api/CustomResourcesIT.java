package dev.capstan.controller.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.api.argo.ApplicationSource;
import dev.capstan.controller.api.argo.ApplicationStatus;
import dev.capstan.controller.api.flux.Artifact;
import dev.capstan.controller.api.flux.GitRepository;
import dev.capstan.controller.api.flux.GitRepositoryStatus;
import dev.capstan.controller.api.flux.Kustomization;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CRDs on a real API server: they install and become Established, the example manifests and the
 * full fixtures are accepted as written with strict field validation and stored without losing a
 * field, the typed models read them back, status written from the models is accepted through the
 * status subresource, and invalid manifests are refused with the API server's own messages.
 */
@WithControlPlane
class CustomResourcesIT {
  private static final String T0 = "2026-01-10T08:00:00Z";

  @BeforeAll
  static void installCrds(KubernetesClient client) {
    new CrdInstaller(client).installCapstanCrds();
  }

  @Test
  void examplesAreAcceptedAsWrittenAndStoredWithoutLoss(KubernetesClient client, TestNamespace ns)
      throws IOException {
    List<String> created = new ArrayList<>();
    for (Path file : ExampleManifestsTest.exampleFiles()) {
      for (JsonNode doc : Manifests.documents(Files.readString(file))) {
        if (Manifests.schemaFor(doc).isEmpty()) {
          continue;
        }
        JsonNode stored = createStrictly(client, ns, doc, "example-");
        assertContains(stored.path("spec"), doc.path("spec"), doc.path("kind") + " spec");
        created.add(doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText());
      }
    }

    assertThat(created).hasSize(6);
    assertThat(client.resources(Application.class).inNamespace(ns.name()).list().getItems())
        .extracting(a -> a.getMetadata().getName())
        .containsExactlyInAnyOrder(
            "example-dev-cluster", "example-full-stack", "example-prod-cluster", "example-web-app");
    Application webApp =
        client
            .resources(Application.class)
            .inNamespace(ns.name())
            .withName("example-web-app")
            .get();
    assertThat(webApp.getSpec().syncPolicy().syncOption("CreateNamespace")).contains("true");
    GitRepository repo =
        client
            .resources(GitRepository.class)
            .inNamespace(ns.name())
            .withName("example-gitops-repo")
            .get();
    assertThat(repo.getSpec().url()).isEqualTo("https://github.com/your-org/gitops-repo");
    assertThat(repo.getSpec().timeout()).as("Flux's default timeout").isEqualTo("60s");
    Kustomization ks =
        client
            .resources(Kustomization.class)
            .inNamespace(ns.name())
            .withName("example-web-app")
            .get();
    assertThat(ks.getSpec().waitForReady()).isTrue();
    assertThat(ks.getSpec().sourceRef().name()).isEqualTo("gitops-repo");
  }

  @Test
  void fullFixturesAreAcceptedWithEveryField(KubernetesClient client, TestNamespace ns) {
    for (String fixture :
        List.of(
            "application-full.yaml",
            "appproject-full.yaml",
            "gitrepository-full.yaml",
            "kustomization-full.yaml")) {
      JsonNode doc = Manifests.resource(fixture);
      JsonNode stored = createStrictly(client, ns, doc, "full-");
      assertContains(stored.path("spec"), doc.path("spec"), fixture + " spec");
      if (doc.has("operation")) {
        assertContains(stored.path("operation"), doc.path("operation"), fixture + " operation");
      }
    }
  }

  @Test
  void statusWrittenFromTheModelsIsAcceptedThroughTheStatusSubresource(
      KubernetesClient client, TestNamespace ns) {
    JsonNode repoDoc = Manifests.resource("gitrepository-full.yaml");
    createStrictly(client, ns, repoDoc, "status-");
    GitRepository repo =
        client
            .resources(GitRepository.class)
            .inNamespace(ns.name())
            .withName("status-platform")
            .get();
    Condition ready = new Condition("Ready", Condition.TRUE, 1, T0, "Succeeded", "");
    repo.setStatus(
        new GitRepositoryStatus(
            1,
            List.of(ready),
            new Artifact("a.tar.gz", "http://x/a.tar.gz", "main@sha1:abc", "", T0, 0L, null),
            null,
            null,
            false,
            null,
            null,
            null,
            null));

    GitRepository updated =
        client.resources(GitRepository.class).inNamespace(ns.name()).resource(repo).updateStatus();

    assertThat(updated.getStatus().condition("Ready")).contains(ready);
    assertThat(updated.getStatus().artifact().revision()).isEqualTo("main@sha1:abc");

    JsonNode appDoc = Manifests.resource("application-full.yaml");
    createStrictly(client, ns, appDoc, "status-");
    Application app =
        client.resources(Application.class).inNamespace(ns.name()).withName("status-shop").get();
    assertThat(app.getStatus()).as("status is not taken from a create").isNull();
    ApplicationSource source = app.getSpec().source();
    app.setStatus(
        new ApplicationStatus(
            new ApplicationStatus.SyncStatus("Synced", "abc", null, null),
            new ApplicationStatus.HealthStatus("Healthy", "", ""),
            List.of(
                new ApplicationStatus.ResourceStatus(
                    "", "v1", "ConfigMap", "prod", "cfg", "Synced", null, false, false, false, 0)),
            null,
            null,
            List.of(
                new ApplicationStatus.RevisionHistory(0, "abc", null, T0, T0, source, null, null)),
            T0,
            null,
            "Kustomize",
            null,
            null,
            "capstan",
            null,
            null));

    Application appUpdated =
        client.resources(Application.class).inNamespace(ns.name()).resource(app).updateStatus();

    assertThat(appUpdated.getStatus().history())
        .singleElement()
        .satisfies(h -> assertThat(h.id()).isZero());
    assertThat(appUpdated.getStatus().sync().status()).isEqualTo("Synced");
    assertThat(appUpdated.operation()).isPresent();
  }

  @Test
  void fluxStatusDefaultsObservedGenerationToMinusOne(KubernetesClient client, TestNamespace ns)
      throws IOException {
    JsonNode doc =
        Manifests.documents(
                Files.readString(Manifests.examplesDeployDir().resolve("flux/web-app.yaml")))
            .getFirst();
    createStrictly(client, ns, doc, "defaults-");

    Kustomization ks =
        client
            .resources(Kustomization.class)
            .inNamespace(ns.name())
            .withName("defaults-web-app")
            .get();

    assertThat(ks.getStatus()).isNotNull();
    assertThat(ks.getStatus().observedGeneration()).isEqualTo(-1);
  }

  @Test
  void invalidManifestsAreRefusedByTheApiServer(KubernetesClient client, TestNamespace ns)
      throws IOException {
    ObjectNode noDestination = (ObjectNode) example("argocd/web-app.yaml");
    ((ObjectNode) noDestination.path("spec")).remove("destination");
    ObjectNode misspelled = (ObjectNode) example("argocd/dev-cluster.yaml");
    ObjectNode source = (ObjectNode) misspelled.path("spec").path("source");
    source.set("targetRevison", source.remove("targetRevision"));
    ObjectNode badKind = (ObjectNode) example("flux/web-app.yaml");
    ((ObjectNode) badKind.path("spec").path("sourceRef")).put("kind", "HelmRepository");

    assertThatThrownBy(() -> createStrictly(client, ns, noDestination, "bad-"))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.destination: Required value");
    assertThatThrownBy(() -> createStrictly(client, ns, misspelled, "bad-"))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("unknown field \"spec.source.targetRevison\"");
    assertThatThrownBy(() -> createStrictly(client, ns, badKind, "bad-"))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.sourceRef.kind: Unsupported value: \"HelmRepository\"");
  }

  private static JsonNode example(String relative) throws IOException {
    return Manifests.documents(Files.readString(Manifests.examplesDeployDir().resolve(relative)))
        .getFirst();
  }

  /** Creates a copy of {@code doc} in the test namespace with strict field validation. */
  private static JsonNode createStrictly(
      KubernetesClient client, TestNamespace ns, JsonNode doc, String namePrefix) {
    ObjectNode copy = doc.deepCopy();
    copy.remove("status");
    ObjectNode meta = (ObjectNode) copy.path("metadata");
    meta.put("namespace", ns.name());
    meta.put("name", namePrefix + meta.path("name").asText());
    meta.remove("finalizers");
    GenericKubernetesResource object =
        client
            .getKubernetesSerialization()
            .unmarshal(copy.toString(), GenericKubernetesResource.class);
    HasMetadata created = client.resource(object).fieldValidation(Validation.STRICT).create();
    return client.getKubernetesSerialization().convertValue(created, JsonNode.class);
  }

  /** Fails unless every field of {@code expected} is in {@code actual} with the same value. */
  private static void assertContains(JsonNode actual, JsonNode expected, String where) {
    if (expected.isObject()) {
      assertThat(actual.isObject()).as(where + " is an object").isTrue();
      for (Map.Entry<String, JsonNode> e : expected.properties()) {
        assertThat(actual.has(e.getKey())).as(where + "." + e.getKey() + " was kept").isTrue();
        assertContains(actual.get(e.getKey()), e.getValue(), where + "." + e.getKey());
      }
    } else if (expected.isArray()) {
      assertThat(actual.size()).as(where + " length").isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertContains(actual.get(i), expected.get(i), where + "[" + i + "]");
      }
    } else if (expected.isNumber()) {
      assertThat(actual.asDouble()).as(where).isEqualTo(expected.asDouble());
    } else {
      assertThat(actual).as(where).isEqualTo(expected);
    }
  }
}
