package dev.capstan.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.capstan.e2e.Ui.byTestId;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Flux pages: a GitRepository of the example repository (basic auth through the same Secret)
 * and a Kustomization of its {@code apps/web-app/base} into the test namespace, reconciled by the
 * in-process Flux controller (this namespace only), listed Ready with their revision, and the
 * Kustomization's page with its inventory as a tree.
 */
@WithControlPlane
class FluxPagesIT {
  @RegisterExtension static final Ui UI = new Ui();
  private static final LocatorAssertions.HasTextOptions SLOW =
      new LocatorAssertions.HasTextOptions().setTimeout(CapstanStack.SLOW.toMillis());

  private static CapstanStack stack;
  private static String ns;
  private static String commit;

  @BeforeAll
  static void start(KubernetesClient client, TestNamespace namespace) throws Exception {
    ns = namespace.name();
    stack = CapstanStack.start(client, ns, true);
    commit = stack.repo().branchTip("main").orElseThrow().name();
    create(
        client,
        """
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: GitRepository
        metadata:
          name: gitops-repo
        spec:
          interval: 1m
          url: %s
          ref:
            branch: main
          secretRef:
            name: %s
        """
            .formatted(stack.repoUrl(), CapstanStack.REPO_SECRET));
    create(
        client,
        """
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: web-app
        spec:
          interval: 10m
          sourceRef:
            kind: GitRepository
            name: gitops-repo
          path: ./apps/web-app/base
          targetNamespace: %s
          prune: true
          wait: true
        """
            .formatted(ns));
  }

  private static void create(KubernetesClient client, String yaml) {
    GenericKubernetesResource r =
        client.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
    r.getMetadata().setNamespace(ns);
    client.resource(r).create();
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void theKustomizationIsListedReadyAndItsPageShowsItsInventory() {
    Page page = UI.open(stack.baseUrl());
    Pages.login(page, "admin", stack.adminPassword());
    byTestId(page, "nav-kustomizations").click();
    assertThat(page).hasURL(Pattern.compile(".*/kustomizations$"));
    assertThat(byTestId(page, "ks-list")).isVisible();
    Locator row =
        page.locator(
            "[data-testid=\"ks-row\"][data-name=\"web-app\"][data-namespace=\"" + ns + "\"]");
    assertThat(byTestId(row, "ks-ready")).hasText("True", SLOW);
    assertThat(byTestId(row, "ks-revision")).containsText(commit.substring(0, 7));
    Ui.screenshot(page, "10-kustomization-list");

    row.click();
    assertThat(page).hasURL(Pattern.compile(".*/kustomizations/" + ns + "/web-app$"));
    assertThat(byTestId(page, "ks-title")).hasText("web-app");
    assertThat(byTestId(page, "ks-ready")).hasText("True");
    assertThat(byTestId(page, "ks-message")).not().isEmpty();
    assertThat(byTestId(page, "reconcile-button")).isVisible();
    assertThat(Pages.treeNode(page, "Deployment", "web-app")).hasAttribute("data-namespace", ns);
    assertThat(Pages.treeNode(page, "Service", "web-app")).isVisible();
    Ui.screenshot(page, "11-kustomization-page");
  }

  @Test
  void theGitRepositoryIsListedReadyWithItsRevision() {
    Page page = UI.open(stack.baseUrl());
    Pages.login(page, "admin", stack.adminPassword());
    byTestId(page, "nav-gitrepositories").click();
    assertThat(byTestId(page, "gitrepo-list")).isVisible();
    Locator row =
        page.locator(
            "[data-testid=\"gitrepo-row\"][data-name=\"gitops-repo\"][data-namespace=\""
                + ns
                + "\"]");
    assertThat(byTestId(row, "gitrepo-ready")).hasText("True", SLOW);
    assertThat(byTestId(row, "gitrepo-revision")).containsText(commit.substring(0, 7));
    Ui.screenshot(page, "12-gitrepository-list");
    row.click();
    assertThat(byTestId(page, "gitrepo-title")).hasText("gitops-repo");
    assertThat(byTestId(page, "reconcile-button")).isVisible();
  }
}
