package dev.capstan.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The static UI handler on a real Helidon server, with a small UI from the test class path. */
class UiHandlerTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static WebServer web;

  @BeforeAll
  static void start() {
    UiHandler ui = new UiHandler("test-ui", "capstan-x");
    web =
        WebServer.builder()
            .port(0)
            .routing(
                HttpRouting.builder()
                    .get("/healthz", (req, res) -> res.send("ok"))
                    .get("/", ui)
                    .get("/*", ui))
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    web.stop();
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void indexForRootAndEveryRouteWithNamespaceAndNoCache() throws Exception {
    for (String path :
        new String[] {
          "/", "/index.html", "/applications", "/applications/team-a/web", "/login?next=%2Fx"
        }) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
      assertThat(r.headers().firstValue("cache-control")).hasValue("no-cache");
      assertThat(r.headers().firstValue("content-security-policy").orElse(""))
          .contains("default-src 'self'");
      assertThat(r.body())
          .contains("<meta name=\"capstan-namespace\" content=\"capstan-x\">")
          .contains("/assets/app-abc123.js");
    }
    assertThat(get("/healthz").body()).isEqualTo("ok");
  }

  @Test
  void hashedAssetsAreCachedForAYearOtherFilesRevalidate() throws Exception {
    HttpResponse<String> js = get("/assets/app-abc123.js");
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
    assertThat(js.headers().firstValue("cache-control"))
        .hasValue("public, max-age=31536000, immutable");
    assertThat(js.body()).contains("console.log");
    assertThat(get("/assets/app-abc123.css").headers().firstValue("content-type"))
        .hasValue("text/css; charset=utf-8");
    HttpResponse<String> svg = get("/favicon.svg");
    assertThat(svg.headers().firstValue("content-type")).hasValue("image/svg+xml");
    assertThat(svg.headers().firstValue("cache-control")).hasValue("no-cache");
    String etag = svg.headers().firstValue("etag").orElseThrow();
    assertThat(get("/favicon.svg", "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(
            get("/", "If-None-Match", get("/").headers().firstValue("etag").orElseThrow())
                .statusCode())
        .isEqualTo(304);
  }

  @Test
  void missingFilesAndPathTricksAreNotFound() throws Exception {
    assertThat(get("/assets/missing-123.js").statusCode()).isEqualTo(404);
    assertThat(get("/nope.css").statusCode()).isEqualTo(404);
    assertThat(get("/api/v1/whatever").statusCode()).isEqualTo(404);
    assertThat(get("/assets/%2e%2e/%2e%2e/UiHandlerTest.class").statusCode()).isEqualTo(404);
    assertThat(get("/%2e%2e%2ftest-ui%2findex.html").statusCode()).isIn(400, 404);
    // A raw request with an unnormalised path never reaches outside the UI folder.
    try (Socket s = new Socket("127.0.0.1", web.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream()
          .write(
              "GET /../dev/capstan/server/ui/UiHandler.class HTTP/1.1\r\nHost: x\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      String status =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1))
              .readLine();
      assertThat(status).startsWith("HTTP/1.1 ").doesNotContain(" 200 ");
    }
  }
}
