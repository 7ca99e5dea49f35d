package dev.capstan.bench.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GitHubPushTest {

  @Test
  void signatureMatchesGitHubsDocumentedExample() {
    // the test vector GitHub's "validating webhook deliveries" page gives
    assertThat(
            GitHubPush.signature(
                "It's a Secret to Everybody", "Hello, World!".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
  }

  @Test
  void payloadIsAPushOfTheBranchWithTheRepositorysUrls() throws Exception {
    JsonNode p =
        new ObjectMapper()
            .readTree(
                GitHubPush.payload(
                    "http://127.0.0.1:4242/apps", "main", "a".repeat(40), "b".repeat(40)));
    assertThat(p.path("ref").asText()).isEqualTo("refs/heads/main");
    assertThat(p.path("before").asText()).isEqualTo("a".repeat(40));
    assertThat(p.path("after").asText()).isEqualTo("b".repeat(40));
    assertThat(p.path("repository").path("clone_url").asText())
        .isEqualTo("http://127.0.0.1:4242/apps");
    assertThat(p.path("repository").path("html_url").asText())
        .isEqualTo("http://127.0.0.1:4242/apps");
    assertThat(p.path("repository").path("default_branch").asText()).isEqualTo("main");
  }
}
