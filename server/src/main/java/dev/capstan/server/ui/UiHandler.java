package dev.capstan.server.ui;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the built web UI from the class path (folder {@code capstan-ui/} of the {@code capstan-ui}
 * jar) for every GET that no API route took.
 *
 * <ul>
 *   <li>A path naming a file of the UI gets that file with its content type. Vite's hashed {@code
 *       /assets/*} are cached for a year ({@code immutable}); everything else is {@code no-cache}
 *       with an ETag, so a new build is picked up at once.
 *   <li>Any other path whose last segment has no dot is a route of the single-page app and gets
 *       {@code index.html} (history routing); a missing file ({@code /x.js}) is a 404.
 *   <li>{@code index.html} carries the server's namespace in {@code <meta
 *       name="capstan-namespace">} so the UI can name Applications for RBAC as the server does.
 * </ul>
 *
 * Paths with {@code ..}, backslashes or control characters are refused. Files are read once and
 * kept in memory (the whole UI is a few hundred KiB). If the UI was not built ({@code -Dskip.ui}),
 * a short page says so.
 */
public final class UiHandler implements Handler {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._\\-/@~]*");
  private static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
          + " connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

  private final String root;
  private final UiFile index;
  private final Map<String, Optional<UiFile>> files = new ConcurrentHashMap<>();

  /**
   * @param root the class-path folder holding the built UI, e.g. {@code capstan-ui}
   * @param namespace the server's namespace, announced to the UI
   */
  public UiHandler(String root, String namespace) {
    this.root = root;
    this.index =
        read("index.html")
            .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
            .map(html -> UiFile.html(withNamespace(html, namespace)))
            .orElseGet(() -> UiFile.html(notBuilt()));
  }

  /** The handler for the {@code capstan-ui} jar's files. */
  public static UiHandler classpath(String namespace) {
    return new UiHandler("capstan-ui", namespace);
  }

  @Override
  public void handle(ServerRequest req, ServerResponse res) {
    String path = req.path().path();
    if (path.startsWith("/api/") || !SAFE.matcher(path).matches() || path.contains("..")) {
      res.status(Status.NOT_FOUND_404).send("not found");
      return;
    }
    String rel = path.startsWith("/") ? path.substring(1) : path;
    String last = rel.substring(rel.lastIndexOf('/') + 1);
    UiFile file;
    if (rel.isEmpty() || rel.equals("index.html") || !last.contains(".")) {
      file = index;
    } else {
      Optional<UiFile> found = files.computeIfAbsent(rel, p -> read(p).map(b -> UiFile.of(p, b)));
      if (found.isEmpty()) {
        res.status(Status.NOT_FOUND_404).send("not found");
        return;
      }
      file = found.get();
    }
    send(req, res, file);
  }

  private static void send(ServerRequest req, ServerResponse res, UiFile file) {
    res.header(HeaderNames.CONTENT_TYPE, file.contentType());
    res.header(HeaderNames.ETAG, file.etag());
    res.header(
        HeaderNames.CACHE_CONTROL,
        file.immutable() ? "public, max-age=31536000, immutable" : "no-cache");
    res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
    if (file.contentType().startsWith("text/html")) {
      res.header(HeaderNames.create("Content-Security-Policy"), CSP);
      res.header(HeaderNames.create("X-Frame-Options"), "DENY");
      res.header(HeaderNames.create("Referrer-Policy"), "same-origin");
    }
    if (req.headers()
        .first(HeaderNames.IF_NONE_MATCH)
        .filter(tag -> tag.contains(file.etag()))
        .isPresent()) {
      res.status(Status.NOT_MODIFIED_304).send();
      return;
    }
    res.send(file.body());
  }

  private Optional<byte[]> read(String rel) {
    try (InputStream in = UiHandler.class.getClassLoader().getResourceAsStream(root + "/" + rel)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("reading the UI file " + rel + " failed", e);
    }
  }

  private static String withNamespace(String html, String namespace) {
    String meta =
        "<meta name=\"capstan-namespace\" content=\""
            + namespace.replaceAll("[^a-z0-9-]", "")
            + "\">";
    int head = html.indexOf("<head>");
    return head < 0 ? meta + html : html.substring(0, head + 6) + meta + html.substring(head + 6);
  }

  private static String notBuilt() {
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Capstan</title></head>
        <body><h1>Capstan</h1>
        <p>This server was built without its web UI (<code>-Dskip.ui</code>). The API is served
        under <code>/api/v1</code>; see docs/server.md.</p></body></html>
        """;
  }
}
