package dev.capstan.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.capstan.e2e.Ui.byTestId;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The example repository's Argo CD Applications {@code dev-cluster} and {@code prod-cluster} (as
 * {@code bin/demo} deploys them: the repository served over git smart HTTP with basic auth,
 * automated sync with self-heal) shown Synced and Healthy in the list's tiles and table, filtered
 * by search, and {@code dev-cluster}'s page with its resource tree down to Pods and a resource's
 * live and desired manifests.
 */
@WithControlPlane
class ExampleApplicationsIT {
  @RegisterExtension static final Ui UI = new Ui();
  private static final LocatorAssertions.HasTextOptions SLOW =
      new LocatorAssertions.HasTextOptions().setTimeout(CapstanStack.SLOW.toMillis());

  private static CapstanStack stack;
  private static String ns;

  @BeforeAll
  static void start(KubernetesClient client, TestNamespace namespace) throws Exception {
    ns = namespace.name();
    stack = CapstanStack.start(client, ns, true);
    stack.createExampleApplication("dev-cluster");
    stack.createExampleApplication("prod-cluster");
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void theExampleApplicationsAreSyncedAndHealthyInTilesAndInTheTable() {
    Page page = UI.open(stack.baseUrl());
    Pages.login(page, "admin", stack.adminPassword());
    assertThat(byTestId(page, "app-list")).isVisible();
    for (String app : new String[] {"dev-cluster", "prod-cluster"}) {
      Locator tile = Pages.tile(page, ns, app);
      assertThat(byTestId(tile, "app-sync-status")).hasText("Synced", SLOW);
      assertThat(byTestId(tile, "app-health-status")).hasText("Healthy", SLOW);
    }
    Ui.screenshot(page, "03-application-list-tiles");

    byTestId(page, "view-table").click();
    for (String app : new String[] {"dev-cluster", "prod-cluster"}) {
      Locator row = Pages.row(page, ns, app);
      assertThat(byTestId(row, "app-sync-status")).hasText("Synced");
      assertThat(byTestId(row, "app-health-status")).hasText("Healthy");
    }
    Ui.screenshot(page, "04-application-list-table");

    byTestId(page, "filter-search").fill("prod");
    assertThat(Pages.row(page, ns, "prod-cluster")).isVisible();
    assertThat(Pages.row(page, ns, "dev-cluster")).hasCount(0);
    byTestId(page, "filter-search").fill("no-such-application");
    assertThat(byTestId(page, "empty-state")).isVisible();
    byTestId(page, "filter-search").fill("");
    Pages.row(page, ns, "dev-cluster").click();
    assertThat(page).hasURL(Pattern.compile(".*/applications/" + ns + "/dev-cluster$"));
    assertThat(byTestId(page, "app-title")).hasText("dev-cluster");
  }

  @Test
  void theApplicationPageShowsTheResourceTreeDownToPodsAndEachResourcesManifests() {
    stack.awaitSyncedAndHealthy("dev-cluster");
    String revision = stack.status("dev-cluster").sync().revision();
    Page page = UI.open(stack.baseUrl());
    Pages.login(page, "admin", stack.adminPassword());
    Pages.openApplication(page, ns, "dev-cluster");
    assertThat(byTestId(page, "app-sync-status")).hasText("Synced", SLOW);
    assertThat(byTestId(page, "app-health-status")).hasText("Healthy", SLOW);
    assertThat(byTestId(page, "app-revision")).containsText(revision.substring(0, 7));
    assertThat(byTestId(page, "sync-button")).isVisible();
    assertThat(byTestId(page, "refresh-button")).isVisible();

    byTestId(page, "tab-tree").click();
    Locator tree = byTestId(page, "resource-tree");
    assertThat(tree).isVisible();
    assertThat(Pages.treeNode(page, "Namespace", "dev")).isVisible();
    for (String app : new String[] {"web-app", "api-app"}) {
      Locator deployment = Pages.treeNode(page, "Deployment", app);
      assertThat(deployment).hasAttribute("data-namespace", "dev");
      assertThat(deployment).hasAttribute("data-health", "Healthy");
      assertThat(deployment).hasAttribute("data-sync", "Synced");
      assertThat(Pages.treeNode(page, "Service", app)).isVisible();
    }
    // The owner graph: Deployment -> ReplicaSet -> Pod for both Deployments.
    for (String app : new String[] {"web-app", "api-app"}) {
      for (String kind : new String[] {"ReplicaSet", "Pod"}) {
        assertThat(
                tree.locator(
                        "[data-testid=\"tree-node\"][data-kind=\""
                            + kind
                            + "\"][data-name^=\""
                            + app
                            + "-\"]")
                    .first())
            .isVisible();
      }
    }
    Ui.screenshot(page, "05-application-resource-tree");

    Pages.treeNode(page, "Deployment", "web-app").click();
    Locator panel = byTestId(page, "resource-panel");
    assertThat(panel).isVisible();
    byTestId(panel, "resource-tab-live").click();
    assertThat(byTestId(panel, "resource-live")).containsText("kind: Deployment");
    assertThat(byTestId(panel, "resource-live")).containsText("web-app:v1.0.0-rc.1");
    byTestId(panel, "resource-tab-desired").click();
    assertThat(byTestId(panel, "resource-desired")).containsText("kind: Deployment");
    assertThat(byTestId(panel, "resource-desired")).containsText("environment: dev");
  }
}
