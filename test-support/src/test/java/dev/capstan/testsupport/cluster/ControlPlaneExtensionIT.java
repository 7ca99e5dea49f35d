package dev.capstan.testsupport.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the extension hands a test class: a working client and a ready, labelled namespace. */
@WithControlPlane
class ControlPlaneExtensionIT {
  private static String outerNamespace;

  private final KubernetesClient client;
  private final TestNamespace namespace;

  ControlPlaneExtensionIT(KubernetesClient client, TestNamespace namespace) {
    this.client = client;
    this.namespace = namespace;
    outerNamespace = namespace.name();
  }

  @Test
  void namespaceIsActiveLabelledAndHasItsDefaultServiceAccount() {
    Namespace live = client.namespaces().withName(namespace.name()).get();

    assertThat(live.getStatus().getPhase()).isEqualTo("Active");
    assertThat(live.getMetadata().getLabels()).containsEntry("capstan.dev/test-namespace", "true");
    assertThat(live.getMetadata().getAnnotations())
        .containsEntry("capstan.dev/test-class", ControlPlaneExtensionIT.class.getName());
    assertThat(client.serviceAccounts().inNamespace(namespace.name()).withName("default").get())
        .isNotNull();
  }

  @Test
  void methodParametersAreTheSameAsTheConstructors(
      KubernetesClient sameClient, TestNamespace sameNamespace, ControlPlane controlPlane) {
    assertThat(sameClient).isSameAs(client);
    assertThat(sameNamespace).isEqualTo(namespace);
    assertThat(controlPlane.kubeconfig()).isRegularFile();
    assertThat(client.getKubernetesVersion().getGitVersion()).isEqualTo("v1.36.3");
  }

  @AfterAll
  static void outerNamespaceOutlivesTheNestedClass(KubernetesClient client) {
    Namespace live = client.namespaces().withName(outerNamespace).get();

    assertThat(live).isNotNull();
    assertThat(live.getMetadata().getDeletionTimestamp()).isNull();
  }

  @Nested
  class NestedClass {
    @Test
    void sharesTheOuterClassNamespace(TestNamespace nestedNamespace) {
      assertThat(nestedNamespace.name()).isEqualTo(outerNamespace);
    }
  }
}
