package dev.capstan.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.capstan.e2e.Ui.byTestId;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Steps through the UI that several tests share, using only docs/ui-contract.md's test ids. */
final class Pages {
  private Pages() {}

  /** Logs in on {@code /login} and waits for the frame to name the user. */
  static void login(Page page, String user, String password) {
    page.navigate("/login");
    fillLogin(page, user, password);
    assertThat(byTestId(page, "current-user")).hasText(user);
  }

  static void fillLogin(Page page, String user, String password) {
    byTestId(page, "login-username").fill(user);
    byTestId(page, "login-password").fill(password);
    byTestId(page, "login-submit").click();
  }

  /** The tile of one Application on the list page (tiles view). */
  static Locator tile(Page page, String namespace, String name) {
    return page.locator(
        "[data-testid=\"app-tile\"][data-app-name=\""
            + name
            + "\"][data-app-namespace=\""
            + namespace
            + "\"]");
  }

  /** The row of one Application on the list page (table view). */
  static Locator row(Page page, String namespace, String name) {
    return page.locator(
        "[data-testid=\"app-row\"][data-app-name=\""
            + name
            + "\"][data-app-namespace=\""
            + namespace
            + "\"]");
  }

  /** One node of the resource tree. */
  static Locator treeNode(Page page, String kind, String name) {
    return page.locator(
        "[data-testid=\"tree-node\"][data-kind=\"" + kind + "\"][data-name=\"" + name + "\"]");
  }

  /** Opens an Application's page and waits for its title. */
  static void openApplication(Page page, String namespace, String name) {
    page.navigate("/applications/" + namespace + "/" + name);
    assertThat(byTestId(page, "app-title")).hasText(name);
  }
}
