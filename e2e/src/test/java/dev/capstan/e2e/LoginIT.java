package dev.capstan.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.capstan.e2e.Ui.byTestId;

import com.microsoft.playwright.Page;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Login, the frame after it, deep links through the login page, and logout. No controller. */
@WithControlPlane
class LoginIT {
  @RegisterExtension static final Ui UI = new Ui();

  private static CapstanStack stack;

  @BeforeAll
  static void start(KubernetesClient client, TestNamespace namespace) throws Exception {
    stack = CapstanStack.start(client, namespace.name(), false);
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aWrongPasswordShowsTheServersMessageAndNoSession() {
    Page page = UI.open(stack.baseUrl());
    page.navigate("/login");
    assertThat(byTestId(page, "login-submit")).isVisible();
    Ui.screenshot(page, "01-login");
    Pages.fillLogin(page, "admin", "not-the-password");
    assertThat(byTestId(page, "login-error")).containsText("Invalid username or password");
    assertThat(page).hasURL(Pattern.compile(".*/login.*"));
    assertThat(byTestId(page, "current-user")).hasCount(0);
  }

  @Test
  void adminLogsInAndLandsOnTheApplicationList() {
    Page page = UI.open(stack.baseUrl());
    Pages.login(page, "admin", stack.adminPassword());
    assertThat(page).hasURL(Pattern.compile(".*/applications$"));
    assertThat(byTestId(page, "nav-applications")).isVisible();
    assertThat(byTestId(page, "nav-kustomizations")).isVisible();
    assertThat(byTestId(page, "nav-gitrepositories")).isVisible();
    // No Application exists in this namespace yet.
    assertThat(byTestId(page, "empty-state")).isVisible();
    Ui.screenshot(page, "02-logged-in-empty-list");
  }

  @Test
  void aDeepLinkGoesThroughTheLoginPageAndBack() {
    Page page = UI.open(stack.baseUrl());
    page.navigate("/kustomizations");
    assertThat(page).hasURL(Pattern.compile(".*/login.*"));
    Pages.fillLogin(page, "admin", stack.adminPassword());
    assertThat(page).hasURL(Pattern.compile(".*/kustomizations$"));
    assertThat(byTestId(page, "current-user")).hasText("admin");
  }

  @Test
  void logoutEndsTheSession() {
    Page page = UI.open(stack.baseUrl());
    Pages.login(page, "admin", stack.adminPassword());
    byTestId(page, "logout").click();
    assertThat(page).hasURL(Pattern.compile(".*/login.*"));
    page.navigate("/applications");
    assertThat(page).hasURL(Pattern.compile(".*/login.*"));
    assertThat(byTestId(page, "login-username")).isVisible();
  }
}
