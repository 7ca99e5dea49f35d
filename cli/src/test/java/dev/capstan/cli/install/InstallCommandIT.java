package dev.capstan.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.cli.CapstanCommand;
import dev.capstan.controller.api.argo.AppProject;
import dev.capstan.testsupport.cluster.ControlPlane;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code capstan install} against the real control plane, run in-process as a user runs it. The
 * tests share the class's namespace and run in order: the first sees a fresh namespace.
 */
@WithControlPlane
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstallCommandIT {

  @Test
  @Order(0)
  void aDryRunIntoANewNamespaceReportsEverythingAndCreatesNothing(
      ControlPlane plane, KubernetesClient client, TestNamespace ns) {
    String fresh = ns.name() + "-dry";

    Run dryRun = install(plane, fresh, "--dry-run");

    assertThat(dryRun.code()).as(dryRun.err()).isZero();
    assertThat(dryRun.out())
        .containsPattern("Namespace/" + fresh + " +would create\n")
        .containsPattern(
            "ConfigMap/" + fresh + "/capstan-cm +would create \\(namespace does not exist yet\\)\n")
        .contains("Dry run, nothing was changed: installing in namespace " + fresh);
    assertThat(client.namespaces().withName(fresh).get()).isNull();
  }

  @Test
  @Order(1)
  void installsEverythingThenChangesNothingOnASecondRun(
      ControlPlane plane, KubernetesClient client, TestNamespace ns) {
    String namespace = ns.name();

    Run first = install(plane, namespace);

    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out())
        .containsPattern("ConfigMap/" + namespace + "/capstan-cm +created\n")
        .containsPattern("ConfigMap/" + namespace + "/capstan-rbac-cm +created\n")
        .containsPattern("AppProject/" + namespace + "/default +created\n")
        .containsPattern("ServiceAccount/" + namespace + "/capstan-controller +created\n")
        .contains("Capstan installed in namespace " + namespace + ": ");
    assertThat(resourcesOf(client, "argoproj.io/v1alpha1"))
        .contains("applications", "applications/status", "appprojects", "appprojects/status");
    assertThat(resourcesOf(client, "source.toolkit.fluxcd.io/v1"))
        .contains("gitrepositories", "gitrepositories/status");
    assertThat(resourcesOf(client, "kustomize.toolkit.fluxcd.io/v1"))
        .contains("kustomizations", "kustomizations/status");
    AppProject project =
        client.resources(AppProject.class).inNamespace(namespace).withName("default").get();
    assertThat(project.getSpec().sourceRepos()).containsExactly("*");
    ConfigMap rbac = client.configMaps().inNamespace(namespace).withName("capstan-rbac-cm").get();
    assertThat(rbac.getData()).containsEntry("policy.default", "role:readonly");
    ClusterRoleBinding binding =
        client.rbac().clusterRoleBindings().withName("capstan-controller").get();
    assertThat(binding.getSubjects())
        .singleElement()
        .satisfies(s -> assertThat(s.getNamespace()).isEqualTo(namespace));
    ClusterRole role = client.rbac().clusterRoles().withName("capstan-controller").get();
    assertThat(role.getMetadata().getManagedFields())
        .anySatisfy(f -> assertThat(f.getManager()).isEqualTo(Installer.FIELD_MANAGER));

    Run second = install(plane, namespace);

    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out().lines().skip(1).takeWhile(l -> !l.isEmpty()))
        .hasSize(11)
        .allSatisfy(line -> assertThat(line).contains(" unchanged"));
    assertThat(second.out())
        .endsWith(
            "Nothing to change: Capstan is already installed in namespace " + namespace + ".\n");

    Run dryRun = install(plane, namespace, "--dry-run");

    assertThat(dryRun.code()).as(dryRun.err()).isZero();
    assertThat(dryRun.out())
        .endsWith(
            "Nothing to change: Capstan is already installed in namespace " + namespace + ".\n");
  }

  @Test
  @Order(2)
  void userEditsToConfigurationSurviveAndCapstanOwnedObjectsAreRestored(
      ControlPlane plane, KubernetesClient client, TestNamespace ns) {
    String namespace = ns.name();
    assertThat(install(plane, namespace).code()).isZero();
    client
        .configMaps()
        .inNamespace(namespace)
        .withName("capstan-cm")
        .edit(
            cm -> {
              cm.getData().put("timeout.reconciliation", "30s");
              return cm;
            });
    client
        .rbac()
        .clusterRoles()
        .withName("capstan-controller")
        .edit(
            role -> {
              role.setRules(
                  List.of(
                      new PolicyRuleBuilder()
                          .withApiGroups("")
                          .withResources("configmaps")
                          .withVerbs("get")
                          .build()));
              return role;
            });

    Run dryRun = install(plane, namespace, "--dry-run");
    Run again = install(plane, namespace);

    assertThat(dryRun.out()).containsPattern("ClusterRole/capstan-controller +would configure\n");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out())
        .containsPattern("ClusterRole/capstan-controller +configured\n")
        .containsPattern(
            "ConfigMap/"
                + namespace
                + "/capstan-cm +unchanged \\(exists; yours to edit, left as it is\\)\n");
    assertThat(client.configMaps().inNamespace(namespace).withName("capstan-cm").get().getData())
        .containsEntry("timeout.reconciliation", "30s");
    assertThat(client.rbac().clusterRoles().withName("capstan-controller").get().getRules())
        .extracting(r -> String.join(",", r.getVerbs()))
        .containsExactly("*", "*");
  }

  private static List<String> resourcesOf(KubernetesClient client, String groupVersion) {
    return client.getApiResources(groupVersion).getResources().stream()
        .map(APIResource::getName)
        .toList();
  }

  private static Run install(ControlPlane plane, String namespace, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "install",
                "--kubeconfig",
                plane.kubeconfig().toString(),
                "--namespace",
                namespace));
    args.addAll(List.of(extra));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        CapstanCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(args.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  private record Run(int code, String out, String err) {}
}
