package dev.capstan.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.capstan.e2e.Ui.byTestId;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.capstan.controller.api.argo.ApplicationStatus;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * History and rollback. {@code rollback-web} (manual sync, the example's {@code apps/web-app/base}
 * into the test namespace) is synced at the imported commit, then at a second commit that changes
 * the image; the history tab lists both, with their commit messages and author read from the
 * basic-auth repository, and rolling back to the first deploys its image again. The automated
 * {@code auto-api} offers no rollback and says why.
 */
@WithControlPlane
class RollbackIT {
  @RegisterExtension static final Ui UI = new Ui();
  private static final String APP = "rollback-web";
  private static final String AUTO = "auto-api";
  private static final LocatorAssertions.HasTextOptions SLOW =
      new LocatorAssertions.HasTextOptions().setTimeout(CapstanStack.SLOW.toMillis());
  private static final LocatorAssertions.ContainsTextOptions SLOW_CONTAINS =
      new LocatorAssertions.ContainsTextOptions().setTimeout(CapstanStack.SLOW.toMillis());

  private static CapstanStack stack;
  private static String ns;
  private static String first;
  private static String second;

  @BeforeAll
  static void start(KubernetesClient client, TestNamespace namespace) throws Exception {
    ns = namespace.name();
    stack = CapstanStack.start(client, ns, true);
    stack.createApplication(APP, "apps/web-app/base", "");
    stack.createApplication(AUTO, "apps/api-app/base", "automated:\n  prune: true\n");
    stack.syncAsAdmin(APP);
    first = stack.status(APP).history().getFirst().revision();
    String deployment =
        Files.readString(CapstanStack.examples().resolve("apps/web-app/base/deployment.yaml"));
    second =
        stack
            .repo()
            .commit()
            .add(
                "apps/web-app/base/deployment.yaml",
                deployment.replace("web-app:v0.9.0", "web-app:v0.9.1"))
            .message("web-app v0.9.1")
            .create()
            .name();
    await()
        .atMost(CapstanStack.SLOW)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              ApplicationStatus s = stack.status(APP);
              return s.sync() != null && second.equals(s.sync().revision());
            });
    stack.syncAsAdmin(APP);
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  private static String image(KubernetesClient client) {
    return client
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName("web-app")
        .get()
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .getFirst()
        .getImage();
  }

  @Test
  void rollingBackToTheFirstHistoryEntryDeploysItsRevisionAgain() {
    List<ApplicationStatus.RevisionHistory> history = stack.status(APP).history();
    org.assertj.core.api.Assertions.assertThat(history).hasSize(2);
    org.assertj.core.api.Assertions.assertThat(history.get(1).revision()).isEqualTo(second);
    org.assertj.core.api.Assertions.assertThat(image(stack.client())).isEqualTo("web-app:v0.9.1");
    long firstId = history.get(0).id();

    Page page = UI.open(stack.baseUrl());
    Pages.login(page, "admin", stack.adminPassword());
    Pages.openApplication(page, ns, APP);
    byTestId(page, "tab-history").click();
    assertThat(byTestId(page, "history-row")).hasCount(2);
    Locator row = page.locator("[data-testid=\"history-row\"][data-id=\"" + firstId + "\"]");
    assertThat(row).containsText(first.substring(0, 7));
    // Commit message and author come from the revision metadata endpoint, which reads the
    // basic-auth repository with the Application's repository Secret.
    assertThat(row).containsText("Import the example GitOps repository", SLOW_CONTAINS);
    assertThat(row).containsText("Capstan Fixture <fixture@capstan.invalid>");
    Locator secondRow =
        page.locator("[data-testid=\"history-row\"][data-id=\"" + history.get(1).id() + "\"]");
    assertThat(secondRow).containsText(second.substring(0, 7));
    assertThat(secondRow).containsText("web-app v0.9.1", SLOW_CONTAINS);
    assertThat(secondRow).containsText("Capstan Fixture <fixture@capstan.invalid>");
    Ui.screenshot(page, "08-application-history");

    byTestId(row, "rollback-button").click();
    Locator dialog = byTestId(page, "rollback-dialog");
    assertThat(dialog).isVisible();
    byTestId(dialog, "rollback-submit").click();
    assertThat(byTestId(page, "operation-status")).hasText("Succeeded", SLOW);
    await()
        .atMost(CapstanStack.SLOW)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> image(stack.client()).equals("web-app:v0.9.0"));
    // Git still says v0.9.1: the rolled-back Application is OutOfSync, as in Argo CD.
    assertThat(byTestId(page, "app-sync-status")).hasText("OutOfSync", SLOW);
    byTestId(page, "tab-history").click();
    assertThat(byTestId(page, "history-row")).hasCount(3);
  }

  @Test
  void anAutomatedApplicationOffersNoRollbackAndSaysWhy() {
    stack.awaitSyncedAndHealthy(AUTO);
    Page page = UI.open(stack.baseUrl());
    Pages.login(page, "admin", stack.adminPassword());
    Pages.openApplication(page, ns, AUTO);
    byTestId(page, "tab-history").click();
    assertThat(byTestId(page, "history-row").first()).isVisible();
    assertThat(byTestId(page, "rollback-disabled-reason").first()).isVisible();
    assertThat(byTestId(page, "rollback-button")).hasCount(0);
  }
}
