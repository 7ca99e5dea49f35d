package dev.capstan.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.capstan.e2e.Ui.byTestId;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Failure while the UI is open: the page keeps its frame and shows the error banner with what
 * failed, never a blank page. The server reaches the cluster through a TCP proxy that the test can
 * cut, so "the cluster goes away" without touching the shared control plane. Ordered: the last test
 * stops the server itself.
 */
@WithControlPlane
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErrorStatesIT {
  @RegisterExtension static final Ui UI = new Ui();

  private static CapstanStack stack;
  private static CuttableTcpProxy proxy;
  private static KubernetesClient serverClient;
  private static String ns;

  @BeforeAll
  static void start(KubernetesClient client, TestNamespace namespace) throws Exception {
    ns = namespace.name();
    URI api = URI.create(client.getConfiguration().getMasterUrl());
    proxy = CuttableTcpProxy.start(api.getHost(), api.getPort());
    Config config =
        new ConfigBuilder(client.getConfiguration())
            .withMasterUrl("https://" + api.getHost() + ":" + proxy.port())
            .withRequestRetryBackoffLimit(0)
            .withConnectionTimeout(3_000)
            .withRequestTimeout(5_000)
            .build();
    serverClient =
        new KubernetesClientBuilder()
            .withConfig(config)
            .withHttpClientFactory(new JdkHttpClientFactory())
            .build();
    stack = CapstanStack.start(client, serverClient, ns, false);
    stack.createApplication("unrenderable", "no-such-folder", "");
    stack.createApplication("web", "apps/web-app/base", "");
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
    if (serverClient != null) {
      serverClient.close();
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  private static void assertFrameStillThere(Page page) {
    assertThat(byTestId(page, "nav-applications")).isVisible();
    assertThat(byTestId(page, "current-user")).hasText("admin");
  }

  @Test
  @Order(1)
  void anApplicationThatCannotBeRenderedShowsThe503InTheBanner() {
    Page page = UI.open(stack.baseUrl());
    Pages.login(page, "admin", stack.adminPassword());
    Pages.openApplication(page, ns, "unrenderable");
    byTestId(page, "tab-diff").click();
    Locator banner = byTestId(page, "error-banner");
    assertThat(banner).containsText("rendering the application failed");
    assertThat(banner).containsText("no-such-folder");
    assertThat(banner).not().containsText("Exception");
    assertFrameStillThere(page);
    Ui.screenshot(page, "15-render-failure");
  }

  @Test
  @Order(2)
  void theClusterGoingAwayWhileThePageIsOpenShowsTheErrorBanner() {
    Page page = UI.open(stack.baseUrl());
    Pages.login(page, "admin", stack.adminPassword());
    Pages.openApplication(page, ns, "web");
    assertThat(byTestId(page, "error-banner")).hasCount(0);
    proxy.cut();
    byTestId(page, "refresh-button").click();
    Locator banner = byTestId(page, "error-banner");
    assertThat(banner).containsText("503");
    assertThat(banner).not().containsText("Exception");
    assertFrameStillThere(page);
    assertThat(byTestId(page, "app-title")).hasText("web");
    Ui.screenshot(page, "13-error-banner-cluster-gone");
  }

  @Test
  @Order(3)
  void theServerGoingAwayWhileThePageIsOpenShowsTheErrorBanner() {
    Page page = UI.open(stack.baseUrl());
    Pages.login(page, "admin", stack.adminPassword());
    assertThat(Pages.tile(page, ns, "web")).isVisible();
    stack.stopServer();
    byTestId(page, "nav-kustomizations").click();
    assertThat(byTestId(page, "error-banner")).not().isEmpty();
    assertFrameStillThere(page);
    Ui.screenshot(page, "14-error-banner-server-gone");
  }
}
