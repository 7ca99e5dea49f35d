package dev.capstan.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.capstan.controller.api.CrdInstaller;
import dev.capstan.server.auth.SecretBootstrap;
import dev.capstan.server.auth.TokenService;
import dev.capstan.server.cache.ResourceCache;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The API server against the real control plane: one server for the class, in the test namespace,
 * with three Applications, a read-only account, an automation account and a Flux Kustomization.
 */
@WithControlPlane
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

  private static CapstanServer server;
  private static HttpServer receiver;
  private static String ns;
  private static String adminPassword;

  record Response(int status, JsonNode body, HttpResponse<String> raw) {}

  @BeforeAll
  static void start(KubernetesClient client, TestNamespace namespace) throws Exception {
    ns = namespace.name();
    new CrdInstaller(client).installCapstanCrds();
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            RECEIVED.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    client
        .configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("capstan-cm")
                .endMetadata()
                .addToData("accounts.reader", "login")
                .addToData("accounts.ci", "apiKey")
                .build())
        .create();
    client
        .configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("capstan-rbac-cm")
                .endMetadata()
                .addToData("policy.default", "")
                .addToData(
                    "policy.csv",
                    "g, reader, role:readonly\np, ci, applications, get, dev/*, allow\n")
                .build())
        .create();
    client
        .configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("capstan-notifications-cm")
                .endMetadata()
                .addToData(
                    "service.webhook.test",
                    "url: http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\n")
                .addToData(
                    "subscriptions",
                    "- recipients: [webhook:test]\n  triggers: [on-sync-succeeded]\n")
                .build())
        .create();
    createApp(client, "web", "default", Map.of("team", "web"), false);
    createApp(client, "api", "dev", Map.of("team", "api"), false);
    createApp(client, "auto", "dev", Map.of(), true);
    client
        .genericKubernetesResources(ResourceCache.KUSTOMIZATIONS)
        .inNamespace(ns)
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion("kustomize.toolkit.fluxcd.io/v1")
                .withKind("Kustomization")
                .withNewMetadata()
                .withName("infra")
                .withNamespace(ns)
                .endMetadata()
                .addToAdditionalProperties(
                    "spec",
                    Map.of(
                        "interval",
                        "5m",
                        "path",
                        "./infra",
                        "prune",
                        true,
                        "sourceRef",
                        Map.of("kind", "GitRepository", "name", "repo")))
                .build())
        .create();
    server =
        CapstanServer.start(
            client,
            ServerOptions.defaults(ns, Files.createTempDirectory("capstan-server-it")).withPort(0));
    var initial =
        client.secrets().inNamespace(ns).withName(SecretBootstrap.INITIAL_ADMIN_SECRET).get();
    adminPassword = SecretBootstrap.decode(initial).get("password");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  private static void createApp(
      KubernetesClient client,
      String name,
      String project,
      Map<String, String> labels,
      boolean automated) {
    Map<String, Object> spec = new java.util.LinkedHashMap<>();
    spec.put("project", project);
    spec.put(
        "source",
        Map.of("repoURL", "http://127.0.0.1:1/none.git", "path", "app", "targetRevision", "main"));
    spec.put("destination", Map.of("server", "https://kubernetes.default.svc", "namespace", ns));
    if (automated) {
      spec.put("syncPolicy", Map.of("automated", Map.of("prune", true)));
    }
    client
        .genericKubernetesResources(ResourceCache.APPLICATIONS)
        .inNamespace(ns)
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion("argoproj.io/v1alpha1")
                .withKind("Application")
                .withNewMetadata()
                .withName(name)
                .withNamespace(ns)
                .withLabels(labels)
                .endMetadata()
                .addToAdditionalProperties("spec", spec)
                .build())
        .create();
  }

  private static Response call(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    HttpResponse<String> res = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode node;
    try {
      node = res.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(res.body());
    } catch (java.io.IOException e) {
      node = JSON.getNodeFactory().textNode(res.body());
    }
    return new Response(res.statusCode(), node, res);
  }

  private static String login(String user, String password) throws Exception {
    Response r =
        call(
            "POST",
            "/api/v1/session",
            null,
            JSON.writeValueAsString(Map.of("username", user, "password", password)));
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
    return r.body().path("token").asText();
  }

  private static List<String> names(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.path("items").forEach(i -> out.add(i.path("metadata").path("name").asText()));
    return out;
  }

  @Test
  @Order(1)
  void openEndpointsAndEverythingElseNeedsASession() throws Exception {
    assertThat(call("GET", "/healthz", null, null).status()).isEqualTo(200);
    Response metrics = call("GET", "/metrics", null, null);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.raw().body()).contains("capstan_server_applications_cached");
    for (String path :
        List.of(
            "/api/v1/applications",
            "/api/v1/session/userinfo",
            "/api/v1/applications/web",
            "/api/v1/account",
            "/api/v1/kustomizations",
            "/api/v1/stream/applications")) {
      Response r = call("GET", path, null, null);
      assertThat(r.status()).as(path).isEqualTo(401);
      assertThat(r.body().path("code").asInt()).isEqualTo(16);
      assertThat(r.body().path("error").asText()).isNotEmpty();
    }
    assertThat(call("GET", "/", null, null).raw().body()).contains("Capstan");
  }

  @Test
  @Order(2)
  void loginSucceedsWithTheInitialPasswordAndFailsOtherwise() throws Exception {
    Response bad =
        call("POST", "/api/v1/session", null, "{\"username\":\"admin\",\"password\":\"wrong\"}");
    assertThat(bad.status()).isEqualTo(401);
    assertThat(bad.body().path("message").asText()).isEqualTo("Invalid username or password");
    assertThat(
            call("POST", "/api/v1/session", null, "{\"username\":\"nobody\",\"password\":\"x\"}")
                .status())
        .isEqualTo(401);
    assertThat(call("POST", "/api/v1/session", null, "{not json").status()).isEqualTo(400);
    String token = login("admin", adminPassword);
    Response info = call("GET", "/api/v1/session/userinfo", token, null);
    assertThat(info.body().path("username").asText()).isEqualTo("admin");
    assertThat(info.body().path("loggedIn").asBoolean()).isTrue();
  }

  @Test
  @Order(3)
  void forgedAndExpiredTokensAreRejected(KubernetesClient client) throws Exception {
    byte[] key =
        SecretBootstrap.decode(client.secrets().inNamespace(ns).withName("capstan-secret").get())
            .get("server.secretkey")
            .getBytes(StandardCharsets.UTF_8);
    String expired =
        new TokenService(key, Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC))
            .login("admin", Duration.ofHours(1))
            .token();
    Response r = call("GET", "/api/v1/applications", expired, null);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.body().path("message").asText()).contains("expired");
    String forged =
        new TokenService("x".repeat(32).getBytes(StandardCharsets.UTF_8), Clock.systemUTC())
            .login("admin", Duration.ofHours(1))
            .token();
    assertThat(call("GET", "/api/v1/applications", forged, null).status()).isEqualTo(401);
    assertThat(call("GET", "/api/v1/applications", "garbage", null).status()).isEqualTo(401);
  }

  @Test
  @Order(4)
  void listFiltersAndPages() throws Exception {
    String token = login("admin", adminPassword);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(names(call("GET", "/api/v1/applications", token, null).body()))
                    .containsExactly("api", "auto", "web"));
    assertThat(names(call("GET", "/api/v1/applications?name=web", token, null).body()))
        .containsExactly("web");
    assertThat(names(call("GET", "/api/v1/applications?projects=dev", token, null).body()))
        .containsExactly("api", "auto");
    Response selected =
        call("GET", "/api/v1/applications?selector=team%20in%20(web,api)", token, null);
    assertThat(names(selected.body())).as(selected.raw().body()).containsExactly("api", "web");
    assertThat(names(call("GET", "/api/v1/applications?selector=team!%3Dweb", token, null).body()))
        .containsExactly("api", "auto");
    Response page1 = call("GET", "/api/v1/applications?limit=2", token, null);
    assertThat(names(page1.body())).containsExactly("api", "auto");
    String next = page1.body().path("metadata").path("continue").asText();
    assertThat(
            names(call("GET", "/api/v1/applications?limit=2&continue=" + next, token, null).body()))
        .containsExactly("web");
    Response one = call("GET", "/api/v1/applications/web", token, null);
    assertThat(one.body().path("spec").path("project").asText()).isEqualTo("default");
    assertThat(one.body().path("metadata").has("managedFields")).isFalse();
  }

  @Test
  @Order(5)
  void pathAndQueryTricksAreRejected() throws Exception {
    String token = login("admin", adminPassword);
    for (String path :
        List.of(
            "/api/v1/applications/..%2F..%2Fsecrets",
            "/api/v1/applications/Web",
            "/api/v1/applications/web?appNamespace=..%2Fkube-system",
            "/api/v1/applications?selector=team%3Dweb%3Brm",
            "/api/v1/applications?limit=-1",
            "/api/v1/applications?continue=%25%25")) {
      Response r = call("GET", path, token, null);
      assertThat(r.status()).as(path).isIn(400, 404);
      assertThat(r.raw().body()).as(path).doesNotContain("Exception").doesNotContain("\tat ");
    }
    Response unknown = call("GET", "/api/v1/nothing", token, null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().path("code").asInt()).isEqualTo(5);
    assertThat(call("GET", "/api/v1/applications/missing", token, null).status()).isEqualTo(404);
    assertThat(
            call("GET", "/api/v1/applications/web?appNamespace=kube-system", token, null).status())
        .isEqualTo(403);
  }

  @Test
  @Order(6)
  void readOnlyUserCanReadButNotSync(KubernetesClient client) throws Exception {
    String admin = login("admin", adminPassword);
    Response set =
        call(
            "PUT",
            "/api/v1/account/password",
            admin,
            JSON.writeValueAsString(
                Map.of(
                    "name",
                    "reader",
                    "currentPassword",
                    adminPassword,
                    "newPassword",
                    "reader-pass-1")));
    assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
    String reader =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> {
                  Response r =
                      call(
                          "POST",
                          "/api/v1/session",
                          null,
                          "{\"username\":\"reader\",\"password\":\"reader-pass-1\"}");
                  return r.status() == 200 ? r.body().path("token").asText() : null;
                },
                t -> t != null);
    assertThat(names(call("GET", "/api/v1/applications", reader, null).body()))
        .containsExactly("api", "auto", "web");
    Response denied = call("POST", "/api/v1/applications/web/sync", reader, "{}");
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.body().path("code").asInt()).isEqualTo(7);
    assertThat(
            client
                .genericKubernetesResources(ResourceCache.APPLICATIONS)
                .inNamespace(ns)
                .withName("web")
                .get()
                .getAdditionalProperties()
                .get("operation"))
        .isNull();
    assertThat(
            call("GET", "/api/v1/account/can-i/applications/sync/default/web", reader, null)
                .body()
                .path("value")
                .asText())
        .isEqualTo("no");
    assertThat(
            call("GET", "/api/v1/account/can-i/applications/get/default/web", reader, null)
                .body()
                .path("value")
                .asText())
        .isEqualTo("yes");
  }

  @Test
  @Order(7)
  void syncWritesTheOperationOnceAndRefreshTheAnnotation(KubernetesClient client) throws Exception {
    String admin = login("admin", adminPassword);
    Response sync =
        call(
            "POST",
            "/api/v1/applications/web/sync",
            admin,
            "{\"revision\":\"main\",\"prune\":true,\"resources\":[{\"kind\":\"ConfigMap\",\"name\":\"c\"}]}");
    assertThat(sync.status()).as(sync.body().toString()).isEqualTo(200);
    GenericKubernetesResource live =
        client
            .genericKubernetesResources(ResourceCache.APPLICATIONS)
            .inNamespace(ns)
            .withName("web")
            .get();
    JsonNode op = JSON.valueToTree(live.getAdditionalProperties().get("operation"));
    assertThat(op.path("sync").path("revision").asText()).isEqualTo("main");
    assertThat(op.path("sync").path("prune").asBoolean()).isTrue();
    assertThat(op.path("sync").path("resources").get(0).path("name").asText()).isEqualTo("c");
    assertThat(op.path("initiatedBy").path("username").asText()).isEqualTo("admin");
    Response again = call("POST", "/api/v1/applications/web/sync", admin, "{}");
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.body().path("message").asText())
        .isEqualTo("another operation is already in progress");

    Response refreshed = call("GET", "/api/v1/applications/api?refresh=hard", admin, null);
    assertThat(refreshed.status()).isEqualTo(200);
    assertThat(
            client
                .genericKubernetesResources(ResourceCache.APPLICATIONS)
                .inNamespace(ns)
                .withName("api")
                .get()
                .getMetadata()
                .getAnnotations())
        .containsEntry("argocd.argoproj.io/refresh", "hard");
    assertThat(call("GET", "/api/v1/applications/api?refresh=soft", admin, null).status())
        .isEqualTo(400);
  }

  @Test
  @Order(8)
  void rollbackUsesTheHistoryEntryAndIsRefusedUnderAutoSync(KubernetesClient client)
      throws Exception {
    String admin = login("admin", adminPassword);
    Response auto = call("POST", "/api/v1/applications/auto/rollback", admin, "{\"id\":1}");
    assertThat(auto.status()).isEqualTo(400);
    assertThat(auto.body().path("message").asText()).contains("auto-sync");
    client
        .genericKubernetesResources(ResourceCache.APPLICATIONS)
        .inNamespace(ns)
        .withName("api")
        .editStatus(
            a -> {
              a.setAdditionalProperty(
                  "status",
                  Map.of(
                      "history",
                      List.of(
                          Map.of(
                              "id",
                              1,
                              "revision",
                              "1111111111111111111111111111111111111111",
                              "deployedAt",
                              "2026-01-01T00:00:00Z",
                              "source",
                              Map.of(
                                  "repoURL",
                                  "http://127.0.0.1:1/none.git",
                                  "path",
                                  "app",
                                  "targetRevision",
                                  "v1")))));
              return a;
            });
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        call("GET", "/api/v1/applications/api", admin, null)
                            .body()
                            .path("status")
                            .path("history")
                            .size())
                    .isEqualTo(1));
    assertThat(call("POST", "/api/v1/applications/api/rollback", admin, "{\"id\":7}").status())
        .isEqualTo(400);
    Response ok = call("POST", "/api/v1/applications/api/rollback", admin, "{\"id\":1}");
    assertThat(ok.status()).as(ok.body().toString()).isEqualTo(200);
    JsonNode op =
        JSON.valueToTree(
            client
                .genericKubernetesResources(ResourceCache.APPLICATIONS)
                .inNamespace(ns)
                .withName("api")
                .get()
                .getAdditionalProperties()
                .get("operation"));
    assertThat(op.path("sync").path("revision").asText())
        .isEqualTo("1111111111111111111111111111111111111111");
    assertThat(op.path("sync").path("source").path("targetRevision").asText()).isEqualTo("v1");
  }

  @Test
  @Order(9)
  void resourceTreeEventsAndNoSecretData(KubernetesClient client) throws Exception {
    String admin = login("admin", adminPassword);
    client
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("db")
                .endMetadata()
                .addToStringData("password", "hunter2-secret")
                .build())
        .create();
    client
        .configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("settings")
                .endMetadata()
                .addToData("k", "v")
                .build())
        .create();
    client
        .genericKubernetesResources(ResourceCache.APPLICATIONS)
        .inNamespace(ns)
        .withName("web")
        .editStatus(
            a -> {
              a.setAdditionalProperty(
                  "status",
                  Map.of(
                      "resources",
                      List.of(
                          Map.of(
                              "version",
                              "v1",
                              "kind",
                              "Secret",
                              "namespace",
                              ns,
                              "name",
                              "db",
                              "status",
                              "Synced"),
                          Map.of(
                              "version",
                              "v1",
                              "kind",
                              "ConfigMap",
                              "namespace",
                              ns,
                              "name",
                              "settings",
                              "status",
                              "Synced",
                              "health",
                              Map.of("status", "Healthy")))));
              return a;
            });
    client
        .v1()
        .events()
        .inNamespace(ns)
        .resource(
            new io.fabric8.kubernetes.api.model.EventBuilder()
                .withNewMetadata()
                .withName("web.1")
                .endMetadata()
                .withNewInvolvedObject()
                .withApiVersion("argoproj.io/v1alpha1")
                .withKind("Application")
                .withName("web")
                .withNamespace(ns)
                .endInvolvedObject()
                .withReason("OperationStarted")
                .withMessage("Initiated automated sync")
                .withType("Normal")
                .build())
        .create();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              Response tree = call("GET", "/api/v1/applications/web/resource-tree", admin, null);
              assertThat(tree.body().path("nodes").size()).isEqualTo(2);
              assertThat(tree.raw().body())
                  .doesNotContain("hunter2")
                  .doesNotContain("aHVudGVyMi")
                  .contains("\"uid\"");
            });
    Response events = call("GET", "/api/v1/applications/web/events", admin, null);
    assertThat(events.body().path("items").get(0).path("reason").asText())
        .isEqualTo("OperationStarted");
    Response manifests = call("GET", "/api/v1/applications/web/manifests", admin, null);
    assertThat(manifests.status()).isEqualTo(503);
    assertThat(manifests.body().path("message").asText())
        .startsWith("rendering the application failed");
    assertThat(manifests.raw().body()).doesNotContain("\tat ");
  }

  @Test
  @Order(10)
  void streamSendsCurrentAppsThenChanges(KubernetesClient client) throws Exception {
    String admin = login("admin", adminPassword);
    HttpRequest req =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:" + server.port() + "/api/v1/stream/applications?name=web"))
            .header("Authorization", "Bearer " + admin)
            .build();
    HttpResponse<InputStream> res = HTTP.send(req, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
    List<JsonNode> events = new CopyOnWriteArrayList<>();
    Thread reader =
        Thread.ofVirtual()
            .start(
                () -> {
                  try (BufferedReader r =
                      new BufferedReader(
                          new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                      if (line.startsWith("data:")) {
                        events.add(JSON.readTree(line.substring(5).strip()));
                      }
                    }
                  } catch (java.io.IOException e) {
                    // closed
                  }
                });
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());
      assertThat(events.getFirst().path("result").path("type").asText()).isEqualTo("ADDED");
      assertThat(
              events
                  .getFirst()
                  .path("result")
                  .path("application")
                  .path("metadata")
                  .path("name")
                  .asText())
          .isEqualTo("web");
      client
          .genericKubernetesResources(ResourceCache.APPLICATIONS)
          .inNamespace(ns)
          .withName("web")
          .edit(
              a -> {
                a.getMetadata().setLabels(Map.of("team", "web", "touched", "yes"));
                return a;
              });
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(events)
                      .anySatisfy(
                          e -> {
                            assertThat(e.path("result").path("type").asText())
                                .isEqualTo("MODIFIED");
                            assertThat(
                                    e.path("result")
                                        .path("application")
                                        .path("metadata")
                                        .path("labels")
                                        .path("touched")
                                        .asText())
                                .isEqualTo("yes");
                          }));
      assertThat(events)
          .allSatisfy(
              e ->
                  assertThat(
                          e.path("result")
                              .path("application")
                              .path("metadata")
                              .path("name")
                              .asText())
                      .isEqualTo("web"));
    } finally {
      res.body().close();
      reader.interrupt();
    }
  }

  @Test
  @Order(11)
  void apiTokensWorkUntilRevokedAndFollowRbac() throws Exception {
    String admin = login("admin", adminPassword);
    Response noCapability = call("POST", "/api/v1/account/admin/token", admin, "{}");
    assertThat(noCapability.status()).isEqualTo(400);
    Response created =
        call("POST", "/api/v1/account/ci/token", admin, "{\"id\":\"pipeline\",\"expiresIn\":3600}");
    assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
    String ci = created.body().path("token").asText();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(names(call("GET", "/api/v1/applications", ci, null).body()))
                    .containsExactly("api", "auto"));
    assertThat(
            call("POST", "/api/v1/session", null, "{\"username\":\"ci\",\"password\":\"\"}")
                .status())
        .isEqualTo(401);
    assertThat(call("DELETE", "/api/v1/account/ci/token/pipeline", admin, null).status())
        .isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> call("GET", "/api/v1/applications", ci, null).status() == 401);
  }

  @Test
  @Order(12)
  void passwordChangeVoidsOlderSessions() throws Exception {
    String reader = login("reader", "reader-pass-1");
    Response wrong =
        call(
            "PUT",
            "/api/v1/account/password",
            reader,
            "{\"currentPassword\":\"nope\",\"newPassword\":\"reader-pass-2\"}");
    assertThat(wrong.status()).isEqualTo(401);
    Response tooShort =
        call(
            "PUT",
            "/api/v1/account/password",
            reader,
            "{\"currentPassword\":\"reader-pass-1\",\"newPassword\":\"short\"}");
    assertThat(tooShort.status()).isEqualTo(400);
    Response otherAccount =
        call(
            "PUT",
            "/api/v1/account/password",
            reader,
            "{\"name\":\"admin\",\"currentPassword\":\"reader-pass-1\",\"newPassword\":\"taken-over-1\"}");
    assertThat(otherAccount.status()).isEqualTo(403);
    // Tokens carry whole seconds: change the password in a later second than the token's iat.
    await().pollDelay(Duration.ofMillis(1100)).atMost(Duration.ofSeconds(5)).until(() -> true);
    assertThat(
            call(
                    "PUT",
                    "/api/v1/account/password",
                    reader,
                    "{\"currentPassword\":\"reader-pass-1\",\"newPassword\":\"reader-pass-2\"}")
                .status())
        .isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> call("GET", "/api/v1/applications", reader, null).status() == 401);
    assertThat(login("reader", "reader-pass-2")).isNotEmpty();
  }

  @Test
  @Order(13)
  void fluxKindsListGetAndReconcile(KubernetesClient client) throws Exception {
    String admin = login("admin", adminPassword);
    String reader = login("reader", "reader-pass-2");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        names(
                            call("GET", "/api/v1/kustomizations?namespace=" + ns, admin, null)
                                .body()))
                    .containsExactly("infra"));
    assertThat(
            call("GET", "/api/v1/kustomizations/" + ns + "/infra", reader, null)
                .body()
                .path("spec")
                .path("path")
                .asText())
        .isEqualTo("./infra");
    assertThat(
            call("POST", "/api/v1/kustomizations/" + ns + "/infra/reconcile", reader, null)
                .status())
        .isEqualTo(403);
    assertThat(
            call("POST", "/api/v1/kustomizations/" + ns + "/infra/reconcile", admin, null).status())
        .isEqualTo(200);
    assertThat(
            client
                .genericKubernetesResources(ResourceCache.KUSTOMIZATIONS)
                .inNamespace(ns)
                .withName("infra")
                .get()
                .getMetadata()
                .getAnnotations())
        .containsKey("reconcile.fluxcd.io/requestedAt");
    assertThat(call("GET", "/api/v1/kustomizations/" + ns + "/..%2Fsecrets", admin, null).status())
        .isIn(400, 404);
    assertThat(call("GET", "/api/v1/kustomizations/" + ns + "/INFRA", admin, null).status())
        .isEqualTo(400);
    assertThat(call("GET", "/api/v1/gitrepositories", admin, null).status()).isEqualTo(200);
  }

  @Test
  @Order(14)
  void syncSucceededIsNotifiedOncePerRevision(KubernetesClient client) throws Exception {
    var apps = client.genericKubernetesResources(ResourceCache.APPLICATIONS).inNamespace(ns);
    apps.withName("auto")
        .editStatus(
            a -> {
              a.setAdditionalProperty(
                  "status",
                  Map.of(
                      "operationState",
                      Map.of(
                          "phase",
                          "Succeeded",
                          "startedAt",
                          "2026-01-01T00:00:00Z",
                          "operation",
                          Map.of("sync", Map.of()),
                          "syncResult",
                          Map.of("revision", "abc123")),
                      "health",
                      Map.of("status", "Healthy")));
              return a;
            });
    await().atMost(Duration.ofSeconds(15)).until(() -> RECEIVED.size() == 1);
    JsonNode body = JSON.readTree(RECEIVED.getFirst());
    assertThat(body.path("trigger").asText()).isEqualTo("on-sync-succeeded");
    assertThat(body.path("revision").asText()).isEqualTo("abc123");
    apps.withName("auto")
        .editStatus(
            a -> {
              a.setAdditionalProperty(
                  "status",
                  Map.of(
                      "operationState",
                      Map.of(
                          "phase",
                          "Succeeded",
                          "startedAt",
                          "2026-01-01T00:01:00Z",
                          "operation",
                          Map.of("sync", Map.of()),
                          "message",
                          "again",
                          "syncResult",
                          Map.of("revision", "abc123")),
                      "health",
                      Map.of("status", "Healthy")));
              return a;
            });
    apps.withName("auto")
        .editStatus(
            a -> {
              a.setAdditionalProperty(
                  "status",
                  Map.of(
                      "operationState",
                      Map.of(
                          "phase",
                          "Succeeded",
                          "startedAt",
                          "2026-01-01T00:02:00Z",
                          "operation",
                          Map.of("sync", Map.of()),
                          "syncResult",
                          Map.of("revision", "def456")),
                      "health",
                      Map.of("status", "Healthy")));
              return a;
            });
    await().atMost(Duration.ofSeconds(15)).until(() -> RECEIVED.size() >= 2);
    await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> true);
    assertThat(RECEIVED).hasSize(2);
    assertThat(JSON.readTree(RECEIVED.get(1)).path("revision").asText()).isEqualTo("def456");
  }

  @Test
  @Order(15)
  void loginIsRateLimited() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(
              call(
                      "POST",
                      "/api/v1/session",
                      null,
                      "{\"username\":\"victim\",\"password\":\"guess" + i + "\"}")
                  .status())
          .isEqualTo(401);
    }
    Response limited =
        call("POST", "/api/v1/session", null, "{\"username\":\"victim\",\"password\":\"guess5\"}");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.body().path("code").asInt()).isEqualTo(8);
    assertThat(limited.raw().headers().firstValue("retry-after")).isPresent();
  }

  @Test
  @Order(16)
  void oversizedBodyIsRefused() throws Exception {
    String admin = login("admin", adminPassword);
    byte[] big =
        ("{\"revision\":\"" + "a".repeat(2 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
    // A raw socket, so that the answer is read even when the server stops reading the body early
    // (the JDK client reports that as an IOException and the status would never be checked).
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(30_000);
      java.io.OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/applications/api/sync HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Content-Type: application/json\r\nAuthorization: Bearer "
                  + admin
                  + "\r\n"
                  + "Content-Length: "
                  + big.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      try {
        out.write(big);
        out.flush();
      } catch (java.io.IOException e) {
        // the server may answer and stop reading before the whole body is sent
      }
      String answer = new String(socket.getInputStream().readNBytes(64), StandardCharsets.US_ASCII);
      assertThat(answer).startsWith("HTTP/1.1 413");
    }
  }

  @Test
  @Order(17)
  void manifestsAndManagedResourcesRenderFromGitWithSecretsMasked(KubernetesClient client)
      throws Exception {
    String admin = login("admin", adminPassword);
    try (GitFixture git = GitFixture.create()) {
      FixtureRepository repo = git.createRepository("apps");
      repo.commit()
          .add("app/kustomization.yaml", "resources:\n- cm.yaml\n- secret.yaml\n")
          .add(
              "app/cm.yaml",
              "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: rendered-settings\ndata:\n  color: blue\n")
          .add(
              "app/secret.yaml",
              "apiVersion: v1\nkind: Secret\nmetadata:\n  name: rendered-db\nstringData:\n  password: hunter2-in-git\n")
          .message("init")
          .create();
      String url = git.startHttp().url(repo);
      client
          .genericKubernetesResources(ResourceCache.APPLICATIONS)
          .inNamespace(ns)
          .resource(
              new GenericKubernetesResourceBuilder()
                  .withApiVersion("argoproj.io/v1alpha1")
                  .withKind("Application")
                  .withNewMetadata()
                  .withName("rendered")
                  .withNamespace(ns)
                  .endMetadata()
                  .addToAdditionalProperties(
                      "spec",
                      Map.of(
                          "project",
                          "default",
                          "source",
                          Map.of("repoURL", url, "path", "app", "targetRevision", "main"),
                          "destination",
                          Map.of("server", "https://kubernetes.default.svc", "namespace", ns)))
                  .build())
          .create();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> call("GET", "/api/v1/applications/rendered", admin, null).status() == 200);

      Response manifests = call("GET", "/api/v1/applications/rendered/manifests", admin, null);
      assertThat(manifests.status()).as(manifests.raw().body()).isEqualTo(200);
      assertThat(manifests.body().path("revision").asText()).hasSize(40);
      assertThat(manifests.body().path("manifests").size()).isEqualTo(2);
      assertThat(manifests.raw().body())
          .contains("rendered-settings")
          .contains("++++++++")
          .doesNotContain("hunter2-in-git")
          .doesNotContain("aHVudGVyMi1pbi1naXQ");

      Response managed =
          call("GET", "/api/v1/applications/rendered/managed-resources", admin, null);
      assertThat(managed.status()).as(managed.raw().body()).isEqualTo(200);
      List<String> kinds = new ArrayList<>();
      managed
          .body()
          .path("items")
          .forEach(
              i ->
                  kinds.add(
                      i.path("kind").asText()
                          + "/"
                          + i.path("name").asText()
                          + " modified="
                          + i.path("modified").asBoolean()));
      assertThat(kinds)
          .containsExactlyInAnyOrder(
              "ConfigMap/rendered-settings modified=true", "Secret/rendered-db modified=true");
      assertThat(managed.raw().body())
          .doesNotContain("hunter2-in-git")
          .doesNotContain("aHVudGVyMi1pbi1naXQ");

      String reader = login("reader", "reader-pass-2");
      assertThat(call("GET", "/api/v1/applications/rendered/manifests", reader, null).status())
          .isEqualTo(200);
    }
  }
}
