package dev.capstan.cli.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.controller.api.argo.AppProject;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstallPlanTest {

  @Test
  void crdsComeFirstThenNamespaceRbacConfigAndDefaultProject() {
    InstallPlan plan = InstallPlan.forNamespace("capstan");

    assertThat(plan.all())
        .extracting(PlannedObject::id)
        .containsExactly(
            "CustomResourceDefinition/appprojects.argoproj.io",
            "CustomResourceDefinition/applications.argoproj.io",
            "CustomResourceDefinition/gitrepositories.source.toolkit.fluxcd.io",
            "CustomResourceDefinition/kustomizations.kustomize.toolkit.fluxcd.io",
            "Namespace/capstan",
            "ServiceAccount/capstan/capstan-controller",
            "ClusterRole/capstan-controller",
            "ClusterRoleBinding/capstan-controller",
            "ConfigMap/capstan/capstan-cm",
            "ConfigMap/capstan/capstan-rbac-cm",
            "AppProject/capstan/default");
  }

  @Test
  void configurationAndDefaultProjectBelongToTheUserOnceCreated() {
    InstallPlan plan = InstallPlan.forNamespace("capstan");

    assertThat(plan.all())
        .filteredOn(o -> o.ownership() == Ownership.USER)
        .extracting(PlannedObject::id)
        .containsExactly(
            "ConfigMap/capstan/capstan-cm",
            "ConfigMap/capstan/capstan-rbac-cm",
            "AppProject/capstan/default");
  }

  @Test
  void theNamespaceIsSubstitutedEverywhere() {
    InstallPlan plan = InstallPlan.forNamespace("team-a");

    assertThat(plan.objects())
        .allSatisfy(o -> assertThat(o.manifest()).doesNotContain("${namespace}"));
    GenericKubernetesResource binding =
        (GenericKubernetesResource)
            plan.objects().stream()
                .filter(o -> o.id().equals("ClusterRoleBinding/capstan-controller"))
                .findFirst()
                .orElseThrow()
                .object();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> subjects =
        (List<Map<String, Object>>) binding.getAdditionalProperties().get("subjects");
    assertThat(subjects)
        .containsExactly(
            Map.of("kind", "ServiceAccount", "name", "capstan-controller", "namespace", "team-a"));
    assertThat(plan.objects()).extracting(PlannedObject::id).contains("AppProject/team-a/default");
  }

  @Test
  void theDefaultProjectAllowsEverythingAsArgoCdsDoes() {
    AppProject project =
        (AppProject) InstallPlan.forNamespace("capstan").objects().getLast().object();

    assertThat(project.getMetadata().getName()).isEqualTo(AppProject.DEFAULT);
    assertThat(project.getSpec().sourceRepos()).containsExactly("*");
    assertThat(project.getSpec().destinations())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.server()).isEqualTo("*");
              assertThat(d.namespace()).isEqualTo("*");
            });
    assertThat(project.getSpec().clusterResourceWhitelist())
        .extracting(g -> g.group() + "/" + g.kind())
        .containsExactly("*/*");
  }

  @Test
  void configMapsCarryArgoCdCompatibleKeys() {
    InstallPlan plan = InstallPlan.forNamespace("capstan");
    Map<String, Object> cm = data(plan, "ConfigMap/capstan/capstan-cm");
    Map<String, Object> rbac = data(plan, "ConfigMap/capstan/capstan-rbac-cm");

    assertThat(cm)
        .containsEntry("timeout.reconciliation", "180s")
        .containsEntry("application.resourceTrackingMethod", "annotation")
        .containsKey(
            "resource.customizations.ignoreDifferences.admissionregistration.k8s.io_MutatingWebhookConfiguration");
    assertThat(rbac)
        .containsEntry("policy.default", "role:readonly")
        .containsEntry("policy.csv", "g, admin, role:admin\n");
  }

  @Test
  void anInvalidNamespaceIsAUserError() {
    assertThatThrownBy(() -> InstallPlan.forNamespace("Team_A"))
        .isInstanceOf(InstallException.class)
        .hasMessage(
            "--namespace \"Team_A\" is not a valid namespace name (lowercase letters, digits and"
                + " '-', at most 63)");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(InstallPlan plan, String id) {
    GenericKubernetesResource object =
        (GenericKubernetesResource)
            plan.objects().stream()
                .filter(o -> o.id().equals(id))
                .findFirst()
                .orElseThrow()
                .object();
    return (Map<String, Object>) object.getAdditionalProperties().get("data");
  }
}
