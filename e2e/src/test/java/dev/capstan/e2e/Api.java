package dev.capstan.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The Capstan API over plain HTTP, for the tests' set-up (sync an Application, set a password) and
 * for checks the browser cannot make. Not the thing under test here: the browser is.
 */
final class Api {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  record Response(int status, JsonNode body, String text) {}

  private final String base;

  Api(String base) {
    this.base = base;
  }

  /** Logs in and returns the token; fails the test otherwise. */
  String login(String user, String password) {
    Response r =
        send(
            "POST",
            "/api/v1/session",
            Optional.empty(),
            body(Map.of("username", user, "password", password)));
    if (r.status() != 200) {
      throw new AssertionError("login of " + user + " failed: " + r.status() + " " + r.text());
    }
    return r.body().path("token").asText();
  }

  Response post(String path, String token, Object body) {
    return send("POST", path, Optional.of(token), body(body));
  }

  Response put(String path, String token, Object body) {
    return send("PUT", path, Optional.of(token), body(body));
  }

  Response get(String path, String token) {
    return send("GET", path, Optional.of(token), Optional.empty());
  }

  private static Optional<String> body(Object value) {
    try {
      return Optional.of(JSON.writeValueAsString(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Response send(String method, String path, Optional<String> token, Optional<String> body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body.map(HttpRequest.BodyPublishers::ofString)
                    .orElse(HttpRequest.BodyPublishers.noBody()));
    token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
    body.ifPresent(x -> b.header("Content-Type", "application/json"));
    try {
      HttpResponse<String> res = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode node;
      try {
        node = res.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(res.body());
      } catch (IOException e) {
        node = JSON.createObjectNode();
      }
      return new Response(res.statusCode(), node, res.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + path + " interrupted", e);
    }
  }
}
