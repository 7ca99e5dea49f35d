package dev.capstan.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.capstan.e2e.Ui.byTestId;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A manual change in the cluster shows up as a diff, and the sync dialog puts it back. The
 * Application {@code drift-web} deploys the example's {@code apps/web-app/base} into the test
 * namespace with manual sync (so no self-heal undoes the change before the browser sees it).
 */
@WithControlPlane
class DriftAndSyncIT {
  @RegisterExtension static final Ui UI = new Ui();
  private static final String APP = "drift-web";
  private static final LocatorAssertions.HasTextOptions SLOW =
      new LocatorAssertions.HasTextOptions().setTimeout(CapstanStack.SLOW.toMillis());

  private static CapstanStack stack;
  private static String ns;

  @BeforeAll
  static void start(KubernetesClient client, TestNamespace namespace) throws Exception {
    ns = namespace.name();
    stack = CapstanStack.start(client, ns, true);
    stack.createApplication(APP, "apps/web-app/base", "");
    stack.syncAsAdmin(APP);
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aManualChangeShowsAsADiffAndTheSyncDialogPutsItBack() {
    KubernetesClient client = stack.client();
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName("web-app")
        .edit(
            d -> {
              d.getSpec().setReplicas(3);
              return d;
            });

    Page page = UI.open(stack.baseUrl());
    Pages.login(page, "admin", stack.adminPassword());
    Pages.openApplication(page, ns, APP);
    assertThat(byTestId(page, "app-sync-status")).hasText("OutOfSync", SLOW);

    byTestId(page, "tab-diff").click();
    Locator diffView = byTestId(page, "diff-view");
    assertThat(
            diffView.locator(
                "[data-testid=\"diff-item\"][data-kind=\"Deployment\"][data-name=\"web-app\"]"))
        .isVisible();
    assertThat(diffView.locator("[data-testid=\"diff-item\"][data-kind=\"Service\"]")).hasCount(0);
    assertThat(byTestId(page, "diff-none")).hasCount(0);

    byTestId(page, "tab-tree").click();
    Locator deployment = Pages.treeNode(page, "Deployment", "web-app");
    assertThat(deployment).hasAttribute("data-sync", "OutOfSync");
    deployment.click();
    Locator panel = byTestId(page, "resource-panel");
    byTestId(panel, "resource-tab-diff").click();
    Locator diff = byTestId(panel, "resource-diff");
    assertThat(diff).isVisible();
    assertThat(byTestId(diff, "diff-line-changed").first()).containsText("replicas");
    Ui.screenshot(page, "06-resource-diff");

    byTestId(page, "sync-button").click();
    Locator dialog = byTestId(page, "sync-dialog");
    assertThat(dialog).isVisible();
    assertThat(byTestId(dialog, "sync-prune")).isVisible();
    assertThat(byTestId(dialog, "sync-dry-run")).isVisible();
    byTestId(dialog, "sync-submit").click();
    assertThat(byTestId(page, "operation-status")).hasText("Succeeded", SLOW);
    assertThat(byTestId(page, "app-sync-status")).hasText("Synced", SLOW);
    assertThat(byTestId(page, "app-health-status")).hasText("Healthy", SLOW);
    await()
        .atMost(CapstanStack.SLOW)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                client
                        .apps()
                        .deployments()
                        .inNamespace(ns)
                        .withName("web-app")
                        .get()
                        .getSpec()
                        .getReplicas()
                    == 1);
    // Two deployments now: the set-up's sync and the browser's, both by admin.
    var status = stack.status(APP);
    org.assertj.core.api.Assertions.assertThat(status.history()).hasSize(2);
    org.assertj.core.api.Assertions.assertThat(
            status.operationState().operation().initiatedBy().username())
        .isEqualTo("admin");

    page.reload();
    byTestId(page, "tab-diff").click();
    assertThat(byTestId(page, "diff-none")).isVisible();
    byTestId(page, "tab-events").click();
    assertThat(byTestId(page, "event-row").first()).isVisible();
    Ui.screenshot(page, "07-application-synced-again");
  }
}
