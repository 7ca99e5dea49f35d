package dev.capstan.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.controller.api.CrdInstaller;
import dev.capstan.server.CapstanServer;
import dev.capstan.server.ServerClient;
import dev.capstan.server.ServerClient.Response;
import dev.capstan.server.TestResources;
import dev.capstan.server.cache.ResourceCache;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code POST /api/webhook} against the real control plane: a signed GitHub push annotates exactly
 * the Applications and GitRepositories that follow the pushed repository and branch; a bad
 * signature, an oversized body, a ping and an unknown event are answered without touching anything.
 */
@WithControlPlane
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "it-webhook-secret-0123456789";

  private static CapstanServer server;
  private static KubernetesClient client;
  private static String ns;
  private static String repo;
  private static ServerClient api;

  @BeforeAll
  static void start(KubernetesClient kubernetes, TestNamespace namespace) throws Exception {
    client = kubernetes;
    ns = namespace.name();
    repo = "capstan-it/webhook-" + ns;
    new CrdInstaller(client).installCapstanCrds();
    TestResources.capstanSecret(client, ns, WebhookParser.GITHUB_SECRET, SECRET);
    // Matches: same repository written differently, branch main.
    app("web-app", Map.of("source", source("https://GitHub.com/" + repo + ".git/", "main")));
    // Matches: HEAD tracks the default branch (main in the payload), second of two sources.
    app(
        "head-app",
        Map.of(
            "sources",
            List.of(
                source("https://charts.example.com/" + ns, "1.0.0"),
                source("git@github.com:" + repo + ".git", "HEAD"))));
    // Does not match: other branch, other repository, a commit SHA.
    app("release-app", Map.of("source", source("https://github.com/" + repo, "release")));
    app(
        "other-repo-app",
        Map.of("source", source("https://github.com/" + repo + "-other", "main")));
    app(
        "pinned-app",
        Map.of(
            "source",
            source("https://github.com/" + repo, "0123456789abcdef0123456789abcdef01234567")));
    gitRepository("gitops-repo", "ssh://git@github.com/" + repo, Map.of("branch", "main"));
    gitRepository("tagged-repo", "https://github.com/" + repo, Map.of("tag", "v1.0.0"));
    gitRepository("other-repo", "https://github.com/" + repo + "-other", Map.of("branch", "main"));
    server = ServerClient.startServer(client, ns);
    api = ServerClient.of(server);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static Map<String, Object> source(String url, String revision) {
    return Map.of("repoURL", url, "path", "app", "targetRevision", revision);
  }

  private static void app(String name, Map<String, Object> sourcePart) {
    Map<String, Object> spec = new java.util.LinkedHashMap<>(sourcePart);
    spec.put("project", "default");
    spec.put("destination", Map.of("server", TestResources.IN_CLUSTER, "namespace", ns));
    TestResources.create(client, ResourceCache.APPLICATIONS, ns, name, spec);
  }

  private static void gitRepository(String name, String url, Map<String, Object> ref) {
    TestResources.create(
        client,
        ResourceCache.GIT_REPOSITORIES,
        ns,
        name,
        Map.of("interval", "5m", "url", url, "ref", ref));
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
                "ssh_url",
                "git@github.com:" + repo + ".git",
                "default_branch",
                "main")));
  }

  private static String sign(String secret, byte[] body) {
    return "sha256=" + HexFormat.of().formatHex(WebhookParser.hmacSha256(secret, body));
  }

  private static Response post(byte[] body, String... headers) throws Exception {
    HttpRequest.Builder b =
        api.request("/api/webhook")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return api.call(b);
  }

  private static Optional<String> annotation(ResourceContext kind, String name, String key) {
    GenericKubernetesResource o =
        client.genericKubernetesResources(kind.context).inNamespace(ns).withName(name).get();
    Map<String, String> a = o.getMetadata().getAnnotations();
    return Optional.ofNullable(a == null ? null : a.get(key));
  }

  enum ResourceContext {
    APP(ResourceCache.APPLICATIONS),
    REPO(ResourceCache.GIT_REPOSITORIES);

    final io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext context;

    ResourceContext(io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext context) {
      this.context = context;
    }
  }

  @Test
  @Order(1)
  void badSignatureIsRefusedAndTouchesNothing() throws Exception {
    byte[] body = pushPayload().getBytes(StandardCharsets.UTF_8);
    Response wrong =
        post(body, "X-GitHub-Event", "push", "X-Hub-Signature-256", sign("not-the-secret", body));
    assertThat(wrong.status()).as(wrong.raw()).isEqualTo(401);
    assertThat(wrong.body().path("code").asInt()).isEqualTo(16);
    assertThat(wrong.raw()).doesNotContain(SECRET);
    Response missing = post(body, "X-GitHub-Event", "push");
    assertThat(missing.status()).isEqualTo(401);
    Response gitlab = post(body, "X-Gitlab-Event", "Push Hook", "X-Gitlab-Token", SECRET);
    assertThat(gitlab.status())
        .as("GitLab has no secret configured: " + gitlab.raw())
        .isEqualTo(401);
    assertThat(annotation(ResourceContext.APP, "web-app", WebhookService.ARGO_REFRESH)).isEmpty();
    assertThat(annotation(ResourceContext.REPO, "gitops-repo", WebhookService.FLUX_REQUESTED_AT))
        .isEmpty();
  }

  @Test
  @Order(2)
  void oversizedBodyIs413() throws Exception {
    // A raw socket, so the answer can be read even though the server stops reading the body.
    String declared = rawExchange("Content-Length: " + ((1 << 20) + 1) + "\r\n", null);
    // Helidon refuses a declared length over maxPayloadSize before any handler runs (no JSON body
    // then).
    assertThat(declared).as("Content-Length over the limit").startsWith("HTTP/1.1 413");
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) ' ');
    String chunked =
        rawExchange(
            "Transfer-Encoding: chunked\r\n",
            out -> {
              for (int sent = 0; sent <= 1 << 20; sent += chunk.length) {
                out.write(
                    (Integer.toHexString(chunk.length) + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
              }
              out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            });
    assertThat(chunked).as("chunked body over the limit").startsWith("HTTP/1.1 413");
    assertThat(chunked)
        .as("a streamed body is cut off by the handler, which answers in JSON")
        .contains("application/json")
        .contains("\"code\":8");
  }

  interface BodyWriter {
    void write(java.io.OutputStream out) throws java.io.IOException;
  }

  /**
   * Sends a signed-looking GitHub push request with {@code lengthHeader} and the body {@code body}
   * writes; returns what the server answered.
   */
  private static String rawExchange(String lengthHeader, BodyWriter body) throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(30_000);
      java.io.OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-GitHub-Event: push\r\n"
                  + "X-Hub-Signature-256: sha256=00\r\n"
                  + lengthHeader
                  + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      if (body != null) {
        try {
          body.write(out);
          out.flush();
        } catch (java.io.IOException e) {
          // the server may stop reading and answer before the whole body is sent
        }
      }
      return new String(socket.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
    } catch (java.net.SocketTimeoutException e) {
      throw new AssertionError("no answer from the server", e);
    }
  }

  @Test
  @Order(3)
  void pingAndUnknownEventsDoNothing() throws Exception {
    byte[] ping =
        "{\"zen\":\"Design for failure.\",\"hook_id\":7}".getBytes(StandardCharsets.UTF_8);
    Response r = post(ping, "X-GitHub-Event", "ping", "X-Hub-Signature-256", sign(SECRET, ping));
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    assertThat(r.body().path("message").asText()).contains("ping");
    assertThat(r.body().path("refreshed")).isEmpty();
    Response unknown = post(ping, "X-Gitea-Event", "push");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().path("message").asText()).contains("unknown webhook event");
    byte[] bad = "{not json".getBytes(StandardCharsets.UTF_8);
    Response malformed =
        post(bad, "X-GitHub-Event", "push", "X-Hub-Signature-256", sign(SECRET, bad));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(annotation(ResourceContext.APP, "web-app", WebhookService.ARGO_REFRESH)).isEmpty();
  }

  @Test
  @Order(4)
  void signedPushRefreshesExactlyTheMatchingObjects() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    byte[] body = pushPayload().getBytes(StandardCharsets.UTF_8);
    Response r = post(body, "X-GitHub-Event", "push", "X-Hub-Signature-256", sign(SECRET, body));
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    List<String> refreshed = new ArrayList<>();
    r.body().path("refreshed").forEach(n -> refreshed.add(n.asText()));
    assertThat(refreshed)
        .containsExactlyInAnyOrder(
            ns + "/web-app", ns + "/head-app", ns + "/GitRepository/gitops-repo");
    assertThat(r.body().has("failed")).isFalse();

    assertThat(annotation(ResourceContext.APP, "web-app", WebhookService.ARGO_REFRESH))
        .contains("normal");
    assertThat(annotation(ResourceContext.APP, "head-app", WebhookService.ARGO_REFRESH))
        .contains("normal");
    for (String other : List.of("release-app", "other-repo-app", "pinned-app")) {
      assertThat(annotation(ResourceContext.APP, other, WebhookService.ARGO_REFRESH))
          .as(other)
          .isEmpty();
    }
    Instant requested =
        Instant.parse(
            annotation(ResourceContext.REPO, "gitops-repo", WebhookService.FLUX_REQUESTED_AT)
                .orElseThrow());
    assertThat(requested).isAfter(before).isBefore(Instant.now().plusSeconds(1));
    assertThat(annotation(ResourceContext.REPO, "tagged-repo", WebhookService.FLUX_REQUESTED_AT))
        .isEmpty();
    assertThat(annotation(ResourceContext.REPO, "other-repo", WebhookService.FLUX_REQUESTED_AT))
        .isEmpty();
  }
}
