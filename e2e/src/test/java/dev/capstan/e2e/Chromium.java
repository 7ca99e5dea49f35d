package dev.capstan.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Launches Debian's Chromium ({@code /usr/bin/chromium}, or the system property {@code
 * capstan.e2e.chromium}) through Playwright, never a browser Playwright downloads itself. A missing
 * browser fails the test with the command that installs it: the browser tests never skip.
 */
final class Chromium {
  static final String PROPERTY = "capstan.e2e.chromium";

  private Chromium() {}

  /** The browser binary; fails the calling test when it is not there. */
  static Path executable() {
    Path path = Path.of(System.getProperty(PROPERTY, "/usr/bin/chromium"));
    if (!Files.isExecutable(path)) {
      throw new AssertionError(
          "the browser tests need Debian's Chromium at "
              + path
              + ", which is missing: run bin/install-chromium (apt-get install chromium), as"
              + " bin/test does before Maven");
    }
    return path;
  }

  /** Starts the Playwright driver without any browser download. */
  static Playwright playwright() {
    return Playwright.create(
        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
  }

  /** A headless Chromium; as root it needs {@code --no-sandbox}. */
  static Browser launch(Playwright playwright) {
    return playwright
        .chromium()
        .launch(
            new BrowserType.LaunchOptions()
                .setExecutablePath(executable())
                .setHeadless(true)
                .setTimeout(120_000)
                .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu")));
  }
}
