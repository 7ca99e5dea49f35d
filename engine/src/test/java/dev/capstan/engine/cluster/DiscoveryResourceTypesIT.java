package dev.capstan.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capstan.kustomize.resource.Gvk;
import dev.capstan.testsupport.cluster.RecordingClient;
import dev.capstan.testsupport.cluster.WithControlPlane;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Discovery resolves built-in kinds and finds a CRD's kind soon after the CRD appears. */
@WithControlPlane
class DiscoveryResourceTypesIT {

  private final KubernetesClient client;

  DiscoveryResourceTypesIT(KubernetesClient client) {
    this.client = client;
  }

  @Test
  void resolvesBuiltInKinds() {
    DiscoveryResourceTypes types = new DiscoveryResourceTypes(client);

    assertThat(types.find(new Gvk("apps", "v1", "Deployment")))
        .hasValueSatisfying(
            r -> {
              assertThat(r.plural()).isEqualTo("deployments");
              assertThat(r.namespaced()).isTrue();
              assertThat(r.allows("watch")).isTrue();
            });
    assertThat(types.find(new Gvk("", "v1", "Namespace")))
        .hasValueSatisfying(r -> assertThat(r.namespaced()).isFalse());
    assertThat(types.find(new Gvk("", "v1", "Nonsense"))).isEmpty();
    assertThat(types.find(new Gvk("nowhere.example.com", "v1", "Thing"))).isEmpty();
  }

  @Test
  void concurrentLookupsOfOneGroupVersionShareOneRequest() throws Exception {
    try (RecordingClient recording = new RecordingClient(client)) {
      DiscoveryResourceTypes types = new DiscoveryResourceTypes(recording.client());
      List<Gvk> eight =
          IntStream.range(0, 8)
              .mapToObj(i -> new Gvk("", "v1", i % 2 == 0 ? "ConfigMap" : "Service"))
              .toList();
      for (Future<Optional<ApiResource>> f : SimultaneousLookups.find(types, eight)) {
        assertThat(f.get()).isPresent();
      }
      assertThat(recording.sent())
          .filteredOn(s -> s.path().equals("/api/v1"))
          .as("discovery requests for /api/v1")
          .hasSize(1);
    }
  }

  @Test
  void findsTheKindOfANewCrdAfterAMiss() {
    String group =
        "d"
            + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT)
            + ".capstan.dev";
    Gvk gadget = new Gvk(group, "v1", "Gadget");
    DiscoveryResourceTypes types =
        new DiscoveryResourceTypes(client, Duration.ofMillis(100), Clock.systemUTC());
    assertThat(types.find(gadget)).isEmpty();
    try {
      client
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .resource(
              new CustomResourceDefinitionBuilder()
                  .withNewMetadata()
                  .withName("gadgets." + group)
                  .endMetadata()
                  .withNewSpec()
                  .withGroup(group)
                  .withScope("Cluster")
                  .withNewNames()
                  .withKind("Gadget")
                  .withPlural("gadgets")
                  .withSingular("gadget")
                  .endNames()
                  .addNewVersion()
                  .withName("v1")
                  .withServed(true)
                  .withStorage(true)
                  .withNewSchema()
                  .withOpenAPIV3Schema(
                      new JSONSchemaPropsBuilder()
                          .withType("object")
                          .withXKubernetesPreserveUnknownFields(true)
                          .build())
                  .endSchema()
                  .endVersion()
                  .endSpec()
                  .build())
          .create();

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(types.find(gadget))
                      .hasValueSatisfying(
                          r -> {
                            assertThat(r.plural()).isEqualTo("gadgets");
                            assertThat(r.namespaced()).isFalse();
                          }));
    } finally {
      client.apiextensions().v1().customResourceDefinitions().withName("gadgets." + group).delete();
    }
  }
}
