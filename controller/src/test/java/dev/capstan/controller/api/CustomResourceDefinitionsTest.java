package dev.capstan.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class CustomResourceDefinitionsTest {
  static final List<String> RESOURCES = CustomResourceDefinitions.RESOURCES;
  private static final Pattern COLUMN_PATH =
      Pattern.compile(
          "^((?:\\.[A-Za-z]+)+)(?:\\[\\?\\(@\\.type==\"[A-Za-z]+\"\\)\\]\\.([a-z]+))?$");

  @Test
  void servesTheFourKindsOfBothDialectsInInstallOrder() {
    List<CustomResourceDefinition> crds = CustomResourceDefinitions.load();

    assertThat(crds)
        .extracting(c -> c.getSpec().getGroup() + "/" + c.getSpec().getNames().getKind())
        .containsExactly(
            "argoproj.io/AppProject",
            "argoproj.io/Application",
            "source.toolkit.fluxcd.io/GitRepository",
            "kustomize.toolkit.fluxcd.io/Kustomization");
    assertThat(crds)
        .extracting(c -> c.getSpec().getVersions().getFirst().getName())
        .containsExactly("v1alpha1", "v1alpha1", "v1", "v1");
  }

  @Test
  void namesMatchTheOriginalsSoKubectlShortNamesWork() {
    List<CustomResourceDefinition> crds = CustomResourceDefinitions.load();

    assertThat(crds)
        .extracting(c -> c.getMetadata().getName())
        .containsExactly(
            "appprojects.argoproj.io",
            "applications.argoproj.io",
            "gitrepositories.source.toolkit.fluxcd.io",
            "kustomizations.kustomize.toolkit.fluxcd.io");
    assertThat(crds)
        .extracting(c -> String.join(",", c.getSpec().getNames().getShortNames()))
        .containsExactly("appproj,appprojs", "app,apps", "gitrepo", "ks");
    assertThat(crds).allSatisfy(c -> assertThat(c.getSpec().getScope()).isEqualTo("Namespaced"));
  }

  @ParameterizedTest
  @FieldSource("RESOURCES")
  void hasOneServedStorageVersionWithStatusSubresource(String resource) {
    CustomResourceDefinition crd = loadOne(resource);

    assertThat(crd.getApiVersion()).isEqualTo("apiextensions.k8s.io/v1");
    assertThat(crd.getSpec().getVersions()).hasSize(1);
    CustomResourceDefinitionVersion v = crd.getSpec().getVersions().getFirst();
    assertThat(v.getServed()).isTrue();
    assertThat(v.getStorage()).isTrue();
    assertThat(v.getSubresources().getStatus()).isNotNull();
  }

  @ParameterizedTest
  @FieldSource("RESOURCES")
  void schemaIsStructural(String resource) {
    JsonNode crd = Manifests.documents(CustomResourceDefinitions.text(resource)).getFirst();
    String version = crd.path("spec").path("versions").get(0).path("name").asText();

    assertThat(OpenApiSchema.ofCrd(crd, version).structuralViolations()).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("RESOURCES")
  void printerColumnsPointAtFieldsOfTheSchema(String resource) {
    CustomResourceDefinition crd = loadOne(resource);
    JsonNode json = Manifests.documents(CustomResourceDefinitions.text(resource)).getFirst();
    OpenApiSchema schema = OpenApiSchema.ofCrd(json, version(crd));
    List<CustomResourceColumnDefinition> columns =
        crd.getSpec().getVersions().getFirst().getAdditionalPrinterColumns();

    for (CustomResourceColumnDefinition column : columns) {
      Matcher m = COLUMN_PATH.matcher(column.getJsonPath());
      assertThat(m.matches()).as(column.getJsonPath()).isTrue();
      String path = m.group(1).substring(1);
      if (path.equals("metadata.creationTimestamp")) {
        continue;
      }
      JsonNode field = schema.at(path);
      if (m.group(2) != null) {
        field = field.path("items").path("properties").path(m.group(2));
      }
      assertThat(field.path("type").asText()).as(column.getJsonPath()).isEqualTo("string");
    }
  }

  @Test
  void printerColumnsAreThoseOfArgoCdAndFlux() {
    List<CustomResourceDefinition> crds = CustomResourceDefinitions.load();

    assertThat(crds)
        .extracting(
            c ->
                c.getSpec().getVersions().getFirst().getAdditionalPrinterColumns().stream()
                    .map(CustomResourceColumnDefinition::getName)
                    .toList())
        .containsExactly(
            List.of(),
            List.of("Sync Status", "Health Status", "Revision", "Project"),
            List.of("URL", "Age", "Ready", "Status"),
            List.of("Age", "Ready", "Status"));
  }

  @Test
  void applicationKeepsArgoCdsTopLevelOperationField() {
    OpenApiSchema schema =
        OpenApiSchema.ofCrd(Manifests.crd("applications.argoproj.io"), "v1alpha1");

    assertThat(schema.at("operation").path("properties").path("sync").path("type").asText())
        .isEqualTo("object");
    assertThat(schema.at("spec").path("required").toString())
        .isEqualTo("[\"destination\",\"project\"]");
  }

  @Test
  void openEndedPartsStaySchemalessAsInArgoCd() {
    OpenApiSchema schema =
        OpenApiSchema.ofCrd(Manifests.crd("applications.argoproj.io"), "v1alpha1");

    assertThat(
            schema
                .at("spec.source.helm.valuesObject")
                .path("x-kubernetes-preserve-unknown-fields")
                .asBoolean())
        .isTrue();
  }

  @Test
  void structuralCheckRejectsASchemaWithoutTypes() {
    JsonNode crd = Manifests.crd("gitrepositories.source.toolkit.fluxcd.io").deepCopy();
    ObjectNode url =
        (ObjectNode)
            crd.path("spec")
                .path("versions")
                .get(0)
                .path("schema")
                .path("openAPIV3Schema")
                .path("properties")
                .path("spec")
                .path("properties")
                .path("url");
    url.remove("type");
    ObjectNode ref =
        (ObjectNode)
            crd.path("spec")
                .path("versions")
                .get(0)
                .path("schema")
                .path("openAPIV3Schema")
                .path("properties")
                .path("spec")
                .path("properties")
                .path("ref");
    ref.putObject("additionalProperties").put("type", "string");

    assertThat(OpenApiSchema.ofCrd(crd, "v1").structuralViolations())
        .containsExactlyInAnyOrder(
            ".spec.url: no type", ".spec.ref: properties and additionalProperties together");
  }

  private static String version(CustomResourceDefinition crd) {
    return crd.getSpec().getVersions().getFirst().getName();
  }

  private static CustomResourceDefinition loadOne(String resource) {
    return CustomResourceDefinitions.load().get(RESOURCES.indexOf(resource));
  }
}
