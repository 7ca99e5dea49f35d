package dev.capstan.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.controller.api.CrdInstaller;
import dev.capstan.server.CapstanServer;
import dev.capstan.server.ServerClient;
import dev.capstan.server.TestResources;
import dev.capstan.server.cache.ResourceCache;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One signed GitHub push that matches many Applications (a monorepo) refreshes all of them, through
 * the webhook's bounded pool, and none of the others; the answer lists each exactly once, as
 * refreshed or (on a slow API server) pending.
 */
@WithControlPlane
class WebhookManyApplicationsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "it-webhook-many-secret-0123456789";
  private static final int MATCHING = 40;

  private static CapstanServer server;
  private static KubernetesClient client;
  private static String ns;
  private static String repo;

  @BeforeAll
  static void start(KubernetesClient kubernetes, TestNamespace namespace) throws Exception {
    client = kubernetes;
    ns = namespace.name();
    repo = "capstan-it/monorepo-" + ns;
    new CrdInstaller(client).installCapstanCrds();
    TestResources.capstanSecret(client, ns, WebhookParser.GITHUB_SECRET, SECRET);
    for (int i = 0; i < MATCHING; i++) {
      app("app-" + i, "https://github.com/" + repo + ".git", "main");
    }
    app("other-branch", "https://github.com/" + repo, "release");
    app("other-repo", "https://github.com/" + repo + "-other", "main");
    server = ServerClient.startServer(client, ns);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aPushRefreshesEveryMatchingApplication() throws Exception {
    byte[] body = pushPayload().getBytes(StandardCharsets.UTF_8);
    String signature = "sha256=" + HexFormat.of().formatHex(WebhookParser.hmacSha256(SECRET, body));
    Set<String> expected = new TreeSet<>();
    IntStream.range(0, MATCHING).forEach(i -> expected.add(ns + "/app-" + i));

    long started = System.nanoTime();
    ServerClient api = ServerClient.of(server);
    HttpResponse<String> res =
        api.send(
            api.request("/api/webhook")
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", "push")
                .header("X-Hub-Signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    JsonNode answer = JSON.readTree(res.body());
    assertThat(answer.has("failed")).as(res.body()).isFalse();
    List<String> listed = new ArrayList<>();
    answer.path("refreshed").forEach(n -> listed.add(n.asText()));
    answer.path("pending").forEach(n -> listed.add(n.asText()));
    assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(took)
        .as("answered within the webhook's budget")
        .isLessThan(WebhookService.ANSWER_WITHIN.plusSeconds(5));

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> assertThat(annotated()).containsExactlyInAnyOrderElementsOf(expected));
  }

  private static List<String> annotated() {
    List<String> out = new ArrayList<>();
    for (GenericKubernetesResource app :
        client
            .genericKubernetesResources(ResourceCache.APPLICATIONS)
            .inNamespace(ns)
            .list()
            .getItems()) {
      Map<String, String> a = app.getMetadata().getAnnotations();
      if (a != null && "normal".equals(a.get(WebhookService.ARGO_REFRESH))) {
        out.add(ns + "/" + app.getMetadata().getName());
      }
    }
    return out;
  }

  private static void app(String name, String url, String revision) {
    TestResources.create(
        client,
        ResourceCache.APPLICATIONS,
        ns,
        name,
        TestResources.applicationSpec(
            "default", Map.of("repoURL", url, "path", name, "targetRevision", revision), ns));
  }

  private static String pushPayload() throws Exception {
    return JSON.writeValueAsString(
        Map.of(
            "ref",
            "refs/heads/main",
            "before",
            "0".repeat(40),
            "after",
            "1".repeat(40),
            "repository",
            Map.of(
                "full_name",
                repo,
                "html_url",
                "https://github.com/" + repo,
                "clone_url",
                "https://github.com/" + repo + ".git",
                "default_branch",
                "main")));
  }
}
