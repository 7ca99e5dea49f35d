package dev.capstan.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Chromium per test class and a fresh browser context (own cookies) per {@link #open} call;
 * contexts are closed after each test, with a screenshot of every open page when the test failed.
 * Register as {@code @RegisterExtension static final Ui UI = new Ui();}.
 *
 * <p>Timeouts are generous on purpose: the controller may take tens of seconds on a loaded 2-core
 * machine. Playwright's auto-waiting assertions do the waiting; nothing sleeps.
 */
final class Ui implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
  /** How long an element or a text may take to appear. */
  static final double TIMEOUT_MS = 120_000;

  private Playwright playwright;
  private Browser browser;
  private final List<BrowserContext> contexts = new ArrayList<>();

  @Override
  public void beforeAll(ExtensionContext context) {
    Chromium.executable();
    PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
    playwright = Chromium.playwright();
    browser = Chromium.launch(playwright);
  }

  /** A new page in a new context (no cookies), with relative URLs resolved against {@code base}. */
  Page open(String base) {
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions().setBaseURL(base).setViewportSize(1400, 900));
    context.setDefaultTimeout(TIMEOUT_MS);
    context.setDefaultNavigationTimeout(TIMEOUT_MS);
    synchronized (contexts) {
      contexts.add(context);
    }
    return context.newPage();
  }

  /** The element with {@code data-testid=id}. */
  static Locator byTestId(Page page, String id) {
    return page.locator("[data-testid=\"" + id + "\"]");
  }

  /** The element with {@code data-testid=id} inside {@code scope}. */
  static Locator byTestId(Locator scope, String id) {
    return scope.locator("[data-testid=\"" + id + "\"]");
  }

  /** Saves a full-page screenshot as {@code target/screenshots/NAME.png}. */
  static Path screenshot(Page page, String name) {
    Path file = screenshotDirectory().resolve(name + ".png");
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    return file;
  }

  static Path screenshotDirectory() {
    Path dir =
        Path.of(System.getProperty("capstan.e2e.screenshots", "target/screenshots"))
            .toAbsolutePath();
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot create " + dir, e);
    }
    return dir;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<BrowserContext> open;
    synchronized (contexts) {
      open = List.copyOf(contexts);
      contexts.clear();
    }
    boolean failed = context.getExecutionException().isPresent();
    int n = 0;
    for (BrowserContext c : open) {
      if (failed) {
        for (Page p : c.pages()) {
          String name =
              "failed-"
                  + context.getRequiredTestClass().getSimpleName()
                  + "-"
                  + context.getRequiredTestMethod().getName()
                  + "-"
                  + n++;
          try {
            screenshot(p, name);
          } catch (RuntimeException e) {
            System.err.println("no failure screenshot " + name + ": " + e.getMessage());
          }
        }
      }
      c.close();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }
}
