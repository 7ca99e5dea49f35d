package dev.capstan.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.capstan.e2e.Ui.byTestId;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No secret value reaches the browser. {@code secret-app} deploys a Secret from Git; the live
 * Secret is then changed by hand so that its diff involves the data too. The test walks every page
 * and tab (list, tree, the Secret's live/desired/diff, diff, events, history, the Flux lists) and
 * checks each page's HTML and every API answer the browser received for the clear text and base64
 * of: the Secret's value in Git, the value changed by hand, the git password in the repository
 * Secret, and the admin password.
 */
@WithControlPlane
class NoSecretInPagesIT {
  @RegisterExtension static final Ui UI = new Ui();
  private static final String APP = "secret-app";

  private static CapstanStack stack;
  private static String ns;
  private static final String IN_GIT = "in-git-" + Long.toHexString(System.nanoTime());
  private static final String BY_HAND = "by-hand-" + Long.toHexString(System.nanoTime());

  @BeforeAll
  static void start(KubernetesClient client, TestNamespace namespace) throws Exception {
    ns = namespace.name();
    stack = CapstanStack.start(client, ns, true);
    stack
        .repo()
        .commit()
        .add(
            "e2e-secret/secret.yaml",
            """
            apiVersion: v1
            kind: Secret
            metadata:
              name: app-credentials
            stringData:
              password: %s
            """
                .formatted(IN_GIT))
        .add(
            "e2e-secret/configmap.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-settings\ndata:\n  mode: plain\n")
        .message("a Secret for the e2e test")
        .create();
    stack.createApplication(APP, "e2e-secret", "");
    stack.syncAsAdmin(APP);
    client
        .secrets()
        .inNamespace(ns)
        .withName("app-credentials")
        .edit(
            s -> {
              s.setData(
                  Map.of(
                      "password",
                      Base64.getEncoder()
                          .encodeToString(BY_HAND.getBytes(StandardCharsets.UTF_8))));
              return s;
            });
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  private static List<String> forbidden() {
    List<String> out = new ArrayList<>();
    for (String secret : List.of(IN_GIT, BY_HAND, stack.gitPassword(), stack.adminPassword())) {
      out.add(secret);
      out.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  private static void assertNoSecretIn(String where, String text) {
    for (String secret : forbidden()) {
      org.assertj.core.api.Assertions.assertThat(text)
          .as("a secret value in " + where)
          .doesNotContain(secret);
    }
  }

  @Test
  void noPageAndNoApiAnswerShowsASecretValue() {
    Page page = UI.open(stack.baseUrl());
    List<String> answers = new CopyOnWriteArrayList<>();
    page.onResponse(
        (Response r) -> {
          if (r.url().contains("/api/") && !r.url().contains("/stream/")) {
            try {
              answers.add(r.url() + "\n" + r.text());
            } catch (PlaywrightException e) {
              answers.add(r.url() + "\n(body not available: " + e.getMessage() + ")");
            }
          }
        });
    Pages.login(page, "admin", stack.adminPassword());
    assertThat(Pages.tile(page, ns, APP)).isVisible();
    assertNoSecretIn("the application list (tiles)", page.content());
    byTestId(page, "view-table").click();
    assertNoSecretIn("the application list (table)", page.content());

    Pages.openApplication(page, ns, APP);
    assertThat(byTestId(page, "app-sync-status"))
        .hasText(
            "OutOfSync",
            new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
                .setTimeout(CapstanStack.SLOW.toMillis()));
    byTestId(page, "tab-tree").click();
    Pages.treeNode(page, "Secret", "app-credentials").click();
    Locator panel = byTestId(page, "resource-panel");
    byTestId(panel, "resource-tab-live").click();
    assertThat(byTestId(panel, "resource-live")).containsText("app-credentials");
    assertNoSecretIn("the Secret's live manifest", page.content());
    byTestId(panel, "resource-tab-desired").click();
    assertThat(byTestId(panel, "resource-desired")).containsText("app-credentials");
    assertNoSecretIn("the Secret's desired manifest", page.content());
    byTestId(panel, "resource-tab-diff").click();
    assertThat(byTestId(panel, "resource-diff")).isVisible();
    assertNoSecretIn("the Secret's diff", page.content());

    byTestId(page, "tab-diff").click();
    assertThat(
            page.locator(
                "[data-testid=\"diff-item\"][data-kind=\"Secret\"][data-name=\"app-credentials\"]"))
        .isVisible();
    assertNoSecretIn("the diff tab", page.content());
    byTestId(page, "tab-events").click();
    assertThat(byTestId(page, "event-row").first()).isVisible();
    assertNoSecretIn("the events tab", page.content());
    byTestId(page, "tab-history").click();
    assertThat(byTestId(page, "history-row").first()).isVisible();
    assertNoSecretIn("the history tab", page.content());

    byTestId(page, "nav-kustomizations").click();
    assertThat(page.locator("[data-testid=\"ks-list\"], [data-testid=\"empty-state\"]").first())
        .isVisible();
    assertNoSecretIn("the Kustomization list", page.content());
    byTestId(page, "nav-gitrepositories").click();
    assertThat(
            page.locator("[data-testid=\"gitrepo-list\"], [data-testid=\"empty-state\"]").first())
        .isVisible();
    assertNoSecretIn("the GitRepository list", page.content());

    org.assertj.core.api.Assertions.assertThat(answers)
        .as("API answers seen by the browser")
        .anyMatch(a -> a.contains("/managed-resources"));
    for (String answer : answers) {
      assertNoSecretIn("an API answer: " + answer.lines().findFirst().orElse(""), answer);
    }
  }
}
