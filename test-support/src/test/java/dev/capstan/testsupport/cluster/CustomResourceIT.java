package dev.capstan.testsupport.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A CustomResourceDefinition can be installed, and its resources created, read back and watched.
 */
@WithControlPlane
class CustomResourceIT {
  private static final String GROUP = "smoke.capstan.dev";
  private static final String CRD_NAME = "widgets." + GROUP;

  @BeforeAll
  static void installCrd(KubernetesClient client) {
    CustomResourceDefinition crd =
        new CustomResourceDefinitionBuilder()
            .withNewMetadata()
            .withName(CRD_NAME)
            .endMetadata()
            .withNewSpec()
            .withGroup(GROUP)
            .withScope("Namespaced")
            .withNewNames()
            .withKind("Widget")
            .withPlural("widgets")
            .withSingular("widget")
            .withListKind("WidgetList")
            .endNames()
            .addNewVersion()
            .withName("v1")
            .withServed(true)
            .withStorage(true)
            .withNewSchema()
            .withOpenAPIV3Schema(
                new JSONSchemaPropsBuilder()
                    .withType("object")
                    .addToProperties(
                        "spec",
                        new JSONSchemaPropsBuilder()
                            .withType("object")
                            .addToRequired("size")
                            .addToProperties(
                                "size", new JSONSchemaPropsBuilder().withType("integer").build())
                            .build())
                    .build())
            .endSchema()
            .endVersion()
            .endSpec()
            .build();
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .resource(crd)
        .fieldManager("capstan-it")
        .forceConflicts()
        .serverSideApply();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                established(
                    client
                        .apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName(CRD_NAME)
                        .get()));
  }

  @AfterAll
  static void removeCrd(KubernetesClient client) {
    client.apiextensions().v1().customResourceDefinitions().withName(CRD_NAME).delete();
  }

  @Test
  void customResourceIsCreatedAndWatched(KubernetesClient client, TestNamespace namespace) {
    MixedOperation<
            GenericKubernetesResource,
            GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>>
        widgets = client.genericKubernetesResources(GROUP + "/v1", "Widget");
    List<String> events = new CopyOnWriteArrayList<>();
    try (Watch ignored =
        widgets
            .inNamespace(namespace.name())
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, GenericKubernetesResource resource) {
                    events.add(
                        action
                            + " "
                            + resource.getMetadata().getName()
                            + " size="
                            + size(resource));
                  }

                  @Override
                  public void onClose(WatcherException cause) {
                    events.add("CLOSED " + cause.getMessage());
                  }
                })) {
      widgets.inNamespace(namespace.name()).resource(widget("gear", 3)).create();
      widgets
          .inNamespace(namespace.name())
          .withName("gear")
          .edit(
              w -> {
                w.setAdditionalProperty("spec", Map.of("size", 5));
                return w;
              });

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(events)
                      .containsSubsequence("ADDED gear size=3", "MODIFIED gear size=5"));
    }
    assertThat(size(widgets.inNamespace(namespace.name()).withName("gear").get())).isEqualTo(5);
  }

  @Test
  void schemaIsEnforced(KubernetesClient client, TestNamespace namespace) {
    GenericKubernetesResource invalid =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(GROUP + "/v1")
            .withKind("Widget")
            .withNewMetadata()
            .withName("shapeless")
            .endMetadata()
            .addToAdditionalProperties("spec", Map.of())
            .build();

    assertThatThrownBy(
            () ->
                client
                    .genericKubernetesResources(GROUP + "/v1", "Widget")
                    .inNamespace(namespace.name())
                    .resource(invalid)
                    .create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(422));
  }

  private static GenericKubernetesResource widget(String name, int size) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(GROUP + "/v1")
        .withKind("Widget")
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .addToAdditionalProperties("spec", Map.of("size", size))
        .build();
  }

  private static Object size(GenericKubernetesResource resource) {
    return resource.<Object>get("spec", "size");
  }

  private static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
