package dev.capstan.bench.controller;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends what GitHub sends after a push: {@code POST} of a {@code push} event to a webhook URL,
 * signed with the hook's shared secret ({@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the
 * body>}). The payload carries the fields a receiver matches on: {@code ref}, {@code before},
 * {@code after} and the repository's URLs and default branch.
 */
final class GitHubPush {
  private final URI endpoint;
  private final String secret;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  GitHubPush(URI endpoint, String secret) {
    this.endpoint = endpoint;
    this.secret = secret;
  }

  /** The event's JSON for a push of {@code after} to {@code branch} of {@code repoUrl}. */
  static String payload(String repoUrl, String branch, String before, String after) {
    return """
        {"ref":"refs/heads/%2$s","before":"%3$s","after":"%4$s",\
        "repository":{"name":"bench","full_name":"capstan/bench","html_url":"%1$s",\
        "clone_url":"%1$s","default_branch":"%2$s"},"pusher":{"name":"bench"}}"""
        .formatted(repoUrl, branch, before, after);
  }

  /** {@code sha256=<hex>} of {@code body} under {@code secret}. */
  static String signature(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /**
   * Posts the push event; returns the response body.
   *
   * @throws IllegalStateException when the receiver does not answer 200
   */
  String send(String repoUrl, String branch, String before, String after)
      throws IOException, InterruptedException {
    byte[] body = payload(repoUrl, branch, before, after).getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("X-GitHub-Event", "push")
            .header("X-GitHub-Delivery", java.util.UUID.randomUUID().toString())
            .header("X-Hub-Signature-256", signature(secret, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "webhook POST "
              + endpoint
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return response.body();
  }
}
