package dev.capstan.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.capstan.e2e.Ui.byTestId;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import dev.capstan.controller.api.argo.Application;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A read-only user: the account {@code reader} has {@code login} in {@code capstan-cm}, its
 * password set by admin through the API, and {@code g, reader, role:readonly} in {@code
 * capstan-rbac-cm}. It sees the Application but no sync or rollback button, and its sync request
 * through the API (with the browser's own session cookie) is refused 403. Admin, on the same page,
 * does get the buttons, so the test can tell "hidden by RBAC" from "never rendered".
 */
@WithControlPlane
class ReadOnlyUserIT {
  @RegisterExtension static final Ui UI = new Ui();
  private static final String APP = "ro-web";

  private static CapstanStack stack;
  private static String ns;
  private static String readerPassword;

  @BeforeAll
  static void start(KubernetesClient client, TestNamespace namespace) throws Exception {
    ns = namespace.name();
    stack = CapstanStack.start(client, ns, true);
    stack.createApplication(APP, "apps/web-app/base", "");
    stack.syncAsAdmin(APP);
    readerPassword = stack.setReaderPassword();
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  /** Opens the Application's page and waits until the UI has asked the server what it may do. */
  private static void openAfterPermissionCheck(Page page) {
    page.waitForResponse(
        r -> r.url().contains("/api/v1/account/can-i/"),
        () -> Pages.openApplication(page, ns, APP));
  }

  @Test
  void adminGetsSyncAndRollbackButtonsOnTheSamePage() {
    Page page = UI.open(stack.baseUrl());
    Pages.login(page, "admin", stack.adminPassword());
    openAfterPermissionCheck(page);
    assertThat(byTestId(page, "sync-button")).isVisible();
    byTestId(page, "tab-history").click();
    assertThat(byTestId(page, "rollback-button")).hasCount(1);
  }

  @Test
  void theReaderSeesTheApplicationButNoSyncOrRollbackButton() {
    Page page = UI.open(stack.baseUrl());
    Pages.login(page, CapstanStack.READER, readerPassword);
    assertThat(byTestId(Pages.tile(page, ns, APP), "app-sync-status")).hasText("Synced");
    openAfterPermissionCheck(page);
    assertThat(byTestId(page, "app-sync-status")).hasText("Synced");
    assertThat(byTestId(page, "refresh-button")).isVisible();
    assertThat(byTestId(page, "sync-button")).hasCount(0);
    byTestId(page, "tab-history").click();
    assertThat(byTestId(page, "history-row")).hasCount(1);
    assertThat(byTestId(page, "rollback-button")).hasCount(0);
    Ui.screenshot(page, "09-read-only-user-application");
  }

  @Test
  void theReadersSyncRequestThroughTheApiIsRefused403() {
    Page page = UI.open(stack.baseUrl());
    Pages.login(page, CapstanStack.READER, readerPassword);
    int before = stack.status(APP).history().size();
    APIResponse response =
        page.request()
            .post(
                stack.baseUrl() + "/api/v1/applications/" + APP + "/sync",
                RequestOptions.create()
                    .setData("{}")
                    .setHeader("Content-Type", "application/json"));
    org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(403);
    org.assertj.core.api.Assertions.assertThat(response.text())
        .contains("permission denied")
        .doesNotContain("Exception");
    Application app =
        stack.client().resources(Application.class).inNamespace(ns).withName(APP).get();
    org.assertj.core.api.Assertions.assertThat(app.operation()).isEmpty();
    org.assertj.core.api.Assertions.assertThat(stack.status(APP).history()).hasSize(before);
  }
}
