package dev.capstan.server;

import static dev.capstan.server.ServerClient.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.capstan.controller.api.CrdInstaller;
import dev.capstan.server.ServerClient.Response;
import dev.capstan.server.auth.SecretBootstrap;
import dev.capstan.server.auth.TokenService;
import dev.capstan.server.cache.ResourceCache;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
  private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

  private static CapstanServer server;
  private static HttpServer receiver;
  private static String ns;
  private static String adminPassword;
  private static ServerClient api;

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
    TestResources.configMap(
        client, ns, "capstan-cm", Map.of("accounts.reader", "login", "accounts.ci", "apiKey"));
    TestResources.configMap(
        client,
        ns,
        "capstan-rbac-cm",
        Map.of(
            "policy.default",
            "",
            "policy.csv",
            "g, reader, role:readonly\np, ci, applications, get, dev/*, allow\n"));
    TestResources.configMap(
        client,
        ns,
        "capstan-notifications-cm",
        Map.of(
            "service.webhook.test",
            "url: http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\n",
            "subscriptions",
            "- recipients: [webhook:test]\n  triggers: [on-sync-succeeded]\n"));
    createApp(client, "web", "default", Map.of("team", "web"), false);
    createApp(client, "api", "dev", Map.of("team", "api"), false);
    createApp(client, "auto", "dev", Map.of(), true);
    TestResources.create(
        client,
        ResourceCache.KUSTOMIZATIONS,
        ns,
        "infra",
        TestResources.kustomizationSpec("./infra", "repo"));
    server = ServerClient.startServer(client, ns);
    api = ServerClient.of(server);
    adminPassword = ServerClient.initialAdminPassword(client, ns);
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
    Map<String, Object> spec =
        TestResources.applicationSpec(
            project,
            Map.of(
                "repoURL", "http://127.0.0.1:1/none.git", "path", "app", "targetRevision", "main"),
            ns);
    if (automated) {
      spec.put("syncPolicy", Map.of("automated", Map.of("prune", true)));
    }
    GenericKubernetesResource app =
        TestResources.object(ResourceCache.APPLICATIONS, ns, name, spec);
    app.getMetadata().setLabels(labels);
    TestResources.create(client, ResourceCache.APPLICATIONS, app);
  }

  @Test
  @Order(1)
  void openEndpointsAndEverythingElseNeedsASession() throws Exception {
    assertThat(api.call("GET", "/healthz", null, null).status()).isEqualTo(200);
    Response metrics = api.call("GET", "/metrics", null, null);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.raw()).contains("capstan_server_applications_cached");
    for (String path :
        List.of(
            "/api/v1/applications",
            "/api/v1/session/userinfo",
            "/api/v1/applications/web",
            "/api/v1/account",
            "/api/v1/kustomizations",
            "/api/v1/stream/applications")) {
      Response r = api.call("GET", path, null, null);
      assertThat(r.status()).as(path).isEqualTo(401);
      assertThat(r.body().path("code").asInt()).isEqualTo(16);
      assertThat(r.body().path("error").asText()).isNotEmpty();
    }
    assertThat(api.call("GET", "/", null, null).raw()).contains("Capstan");
  }

  @Test
  @Order(2)
  void loginSucceedsWithTheInitialPasswordAndFailsOtherwise() throws Exception {
    Response bad =
        api.call(
            "POST", "/api/v1/session", null, "{\"username\":\"admin\",\"password\":\"wrong\"}");
    assertThat(bad.status()).isEqualTo(401);
    assertThat(bad.body().path("message").asText()).isEqualTo("Invalid username or password");
    assertThat(
            api.call(
                    "POST", "/api/v1/session", null, "{\"username\":\"nobody\",\"password\":\"x\"}")
                .status())
        .isEqualTo(401);
    assertThat(api.call("POST", "/api/v1/session", null, "{not json").status()).isEqualTo(400);
    String token = api.login("admin", adminPassword);
    Response info = api.call("GET", "/api/v1/session/userinfo", token, null);
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
    Response r = api.call("GET", "/api/v1/applications", expired, null);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.body().path("message").asText()).contains("expired");
    String forged =
        new TokenService("x".repeat(32).getBytes(StandardCharsets.UTF_8), Clock.systemUTC())
            .login("admin", Duration.ofHours(1))
            .token();
    assertThat(api.call("GET", "/api/v1/applications", forged, null).status()).isEqualTo(401);
    assertThat(api.call("GET", "/api/v1/applications", "garbage", null).status()).isEqualTo(401);
  }

  @Test
  @Order(4)
  void listFiltersAndPages() throws Exception {
    String token = api.login("admin", adminPassword);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(names(api.call("GET", "/api/v1/applications", token, null).body()))
                    .containsExactly("api", "auto", "web"));
    assertThat(names(api.call("GET", "/api/v1/applications?name=web", token, null).body()))
        .containsExactly("web");
    assertThat(names(api.call("GET", "/api/v1/applications?projects=dev", token, null).body()))
        .containsExactly("api", "auto");
    Response selected =
        api.call("GET", "/api/v1/applications?selector=team%20in%20(web,api)", token, null);
    assertThat(names(selected.body())).as(selected.raw()).containsExactly("api", "web");
    assertThat(
            names(api.call("GET", "/api/v1/applications?selector=team!%3Dweb", token, null).body()))
        .containsExactly("api", "auto");
    Response page1 = api.call("GET", "/api/v1/applications?limit=2", token, null);
    assertThat(names(page1.body())).containsExactly("api", "auto");
    String next = page1.body().path("metadata").path("continue").asText();
    assertThat(
            names(
                api.call("GET", "/api/v1/applications?limit=2&continue=" + next, token, null)
                    .body()))
        .containsExactly("web");
    Response one = api.call("GET", "/api/v1/applications/web", token, null);
    assertThat(one.body().path("spec").path("project").asText()).isEqualTo("default");
    assertThat(one.body().path("metadata").has("managedFields")).isFalse();
  }

  @Test
  @Order(5)
  void pathAndQueryTricksAreRejected() throws Exception {
    String token = api.login("admin", adminPassword);
    for (String path :
        List.of(
            "/api/v1/applications/..%2F..%2Fsecrets",
            "/api/v1/applications/Web",
            "/api/v1/applications/web?appNamespace=..%2Fkube-system",
            "/api/v1/applications?selector=team%3Dweb%3Brm",
            "/api/v1/applications?limit=-1",
            "/api/v1/applications?continue=%25%25")) {
      Response r = api.call("GET", path, token, null);
      assertThat(r.status()).as(path).isIn(400, 404);
      assertThat(r.raw()).as(path).doesNotContain("Exception").doesNotContain("\tat ");
    }
    Response unknown = api.call("GET", "/api/v1/nothing", token, null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().path("code").asInt()).isEqualTo(5);
    assertThat(api.call("GET", "/api/v1/applications/missing", token, null).status())
        .isEqualTo(404);
    assertThat(
            api.call("GET", "/api/v1/applications/web?appNamespace=kube-system", token, null)
                .status())
        .isEqualTo(403);
  }

  @Test
  @Order(6)
  void readOnlyUserCanReadButNotSync(KubernetesClient client) throws Exception {
    String admin = api.login("admin", adminPassword);
    Response set =
        api.call(
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
                      api.call(
                          "POST",
                          "/api/v1/session",
                          null,
                          "{\"username\":\"reader\",\"password\":\"reader-pass-1\"}");
                  return r.status() == 200 ? r.body().path("token").asText() : null;
                },
                t -> t != null);
    assertThat(names(api.call("GET", "/api/v1/applications", reader, null).body()))
        .containsExactly("api", "auto", "web");
    Response denied = api.call("POST", "/api/v1/applications/web/sync", reader, "{}");
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
            api.call("GET", "/api/v1/account/can-i/applications/sync/default/web", reader, null)
                .body()
                .path("value")
                .asText())
        .isEqualTo("no");
    assertThat(
            api.call("GET", "/api/v1/account/can-i/applications/get/default/web", reader, null)
                .body()
                .path("value")
                .asText())
        .isEqualTo("yes");
  }

  @Test
  @Order(7)
  void syncWritesTheOperationOnceAndRefreshTheAnnotation(KubernetesClient client) throws Exception {
    String admin = api.login("admin", adminPassword);
    Response sync =
        api.call(
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
    Response again = api.call("POST", "/api/v1/applications/web/sync", admin, "{}");
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.body().path("message").asText())
        .isEqualTo("another operation is already in progress");

    Response refreshed = api.call("GET", "/api/v1/applications/api?refresh=hard", admin, null);
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
    assertThat(api.call("GET", "/api/v1/applications/api?refresh=soft", admin, null).status())
        .isEqualTo(400);
  }

  @Test
  @Order(8)
  void rollbackUsesTheHistoryEntryAndIsRefusedUnderAutoSync(KubernetesClient client)
      throws Exception {
    String admin = api.login("admin", adminPassword);
    Response auto = api.call("POST", "/api/v1/applications/auto/rollback", admin, "{\"id\":1}");
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
                        api.call("GET", "/api/v1/applications/api", admin, null)
                            .body()
                            .path("status")
                            .path("history")
                            .size())
                    .isEqualTo(1));
    assertThat(api.call("POST", "/api/v1/applications/api/rollback", admin, "{\"id\":7}").status())
        .isEqualTo(400);
    Response ok = api.call("POST", "/api/v1/applications/api/rollback", admin, "{\"id\":1}");
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
    String admin = api.login("admin", adminPassword);
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
    TestResources.configMap(client, ns, "settings", Map.of("k", "v"));
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
              Response tree =
                  api.call("GET", "/api/v1/applications/web/resource-tree", admin, null);
              assertThat(tree.body().path("nodes").size()).isEqualTo(2);
              assertThat(tree.raw())
                  .doesNotContain("hunter2")
                  .doesNotContain("aHVudGVyMi")
                  .contains("\"uid\"");
            });
    Response events = api.call("GET", "/api/v1/applications/web/events", admin, null);
    assertThat(events.body().path("items").get(0).path("reason").asText())
        .isEqualTo("OperationStarted");
    Response manifests = api.call("GET", "/api/v1/applications/web/manifests", admin, null);
    assertThat(manifests.status()).isEqualTo(503);
    assertThat(manifests.body().path("message").asText())
        .startsWith("rendering the application failed");
    assertThat(manifests.raw()).doesNotContain("\tat ");
  }

  @Test
  @Order(10)
  void streamSendsCurrentAppsThenChanges(KubernetesClient client) throws Exception {
    String admin = api.login("admin", adminPassword);
    try (ServerClient.EventStream stream =
        api.stream("/api/v1/stream/applications?name=web", admin)) {
      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.headers().firstValue("content-type").orElse(""))
          .startsWith("text/event-stream");
      List<JsonNode> events = stream.events();
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
    }
  }

  @Test
  @Order(11)
  void apiTokensWorkUntilRevokedAndFollowRbac() throws Exception {
    String admin = api.login("admin", adminPassword);
    Response noCapability = api.call("POST", "/api/v1/account/admin/token", admin, "{}");
    assertThat(noCapability.status()).isEqualTo(400);
    Response created =
        api.call(
            "POST", "/api/v1/account/ci/token", admin, "{\"id\":\"pipeline\",\"expiresIn\":3600}");
    assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
    String ci = created.body().path("token").asText();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(names(api.call("GET", "/api/v1/applications", ci, null).body()))
                    .containsExactly("api", "auto"));
    assertThat(
            api.call("POST", "/api/v1/session", null, "{\"username\":\"ci\",\"password\":\"\"}")
                .status())
        .isEqualTo(401);
    assertThat(api.call("DELETE", "/api/v1/account/ci/token/pipeline", admin, null).status())
        .isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> api.call("GET", "/api/v1/applications", ci, null).status() == 401);
  }

  @Test
  @Order(12)
  void passwordChangeVoidsOlderSessions() throws Exception {
    String reader = api.login("reader", "reader-pass-1");
    Response wrong =
        api.call(
            "PUT",
            "/api/v1/account/password",
            reader,
            "{\"currentPassword\":\"nope\",\"newPassword\":\"reader-pass-2\"}");
    assertThat(wrong.status()).isEqualTo(401);
    Response tooShort =
        api.call(
            "PUT",
            "/api/v1/account/password",
            reader,
            "{\"currentPassword\":\"reader-pass-1\",\"newPassword\":\"short\"}");
    assertThat(tooShort.status()).isEqualTo(400);
    Response otherAccount =
        api.call(
            "PUT",
            "/api/v1/account/password",
            reader,
            "{\"name\":\"admin\",\"currentPassword\":\"reader-pass-1\",\"newPassword\":\"taken-over-1\"}");
    assertThat(otherAccount.status()).isEqualTo(403);
    // Tokens carry whole seconds: change the password in a later second than the token's iat.
    await().pollDelay(Duration.ofMillis(1100)).atMost(Duration.ofSeconds(5)).until(() -> true);
    assertThat(
            api.call(
                    "PUT",
                    "/api/v1/account/password",
                    reader,
                    "{\"currentPassword\":\"reader-pass-1\",\"newPassword\":\"reader-pass-2\"}")
                .status())
        .isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> api.call("GET", "/api/v1/applications", reader, null).status() == 401);
    assertThat(api.login("reader", "reader-pass-2")).isNotEmpty();
  }

  @Test
  @Order(13)
  void fluxKindsListGetAndReconcile(KubernetesClient client) throws Exception {
    String admin = api.login("admin", adminPassword);
    String reader = api.login("reader", "reader-pass-2");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        names(
                            api.call("GET", "/api/v1/kustomizations?namespace=" + ns, admin, null)
                                .body()))
                    .containsExactly("infra"));
    assertThat(
            api.call("GET", "/api/v1/kustomizations/" + ns + "/infra", reader, null)
                .body()
                .path("spec")
                .path("path")
                .asText())
        .isEqualTo("./infra");
    assertThat(
            api.call("POST", "/api/v1/kustomizations/" + ns + "/infra/reconcile", reader, null)
                .status())
        .isEqualTo(403);
    assertThat(
            api.call("POST", "/api/v1/kustomizations/" + ns + "/infra/reconcile", admin, null)
                .status())
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
    assertThat(
            api.call("GET", "/api/v1/kustomizations/" + ns + "/..%2Fsecrets", admin, null).status())
        .isIn(400, 404);
    assertThat(api.call("GET", "/api/v1/kustomizations/" + ns + "/INFRA", admin, null).status())
        .isEqualTo(400);
    assertThat(api.call("GET", "/api/v1/gitrepositories", admin, null).status()).isEqualTo(200);
  }

  /**
   * Writes a finished, succeeded sync of {@code revision} into the Application's status, as the
   * controller would; {@code message} is left out when empty.
   */
  private static void syncSucceeded(
      Resource<GenericKubernetesResource> app, String startedAt, String revision, String message) {
    Map<String, Object> operationState = new LinkedHashMap<>();
    operationState.put("phase", "Succeeded");
    operationState.put("startedAt", startedAt);
    operationState.put("operation", Map.of("sync", Map.of()));
    if (!message.isEmpty()) {
      operationState.put("message", message);
    }
    operationState.put("syncResult", Map.of("revision", revision));
    app.editStatus(
        a -> {
          a.setAdditionalProperty(
              "status",
              Map.of("operationState", operationState, "health", Map.of("status", "Healthy")));
          return a;
        });
  }

  @Test
  @Order(14)
  void syncSucceededIsNotifiedOncePerRevision(KubernetesClient client) throws Exception {
    var apps = client.genericKubernetesResources(ResourceCache.APPLICATIONS).inNamespace(ns);
    syncSucceeded(apps.withName("auto"), "2026-01-01T00:00:00Z", "abc123", "");
    await().atMost(Duration.ofSeconds(15)).until(() -> RECEIVED.size() == 1);
    JsonNode body = JSON.readTree(RECEIVED.getFirst());
    assertThat(body.path("trigger").asText()).isEqualTo("on-sync-succeeded");
    assertThat(body.path("revision").asText()).isEqualTo("abc123");
    syncSucceeded(apps.withName("auto"), "2026-01-01T00:01:00Z", "abc123", "again");
    syncSucceeded(apps.withName("auto"), "2026-01-01T00:02:00Z", "def456", "");
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
              api.call(
                      "POST",
                      "/api/v1/session",
                      null,
                      "{\"username\":\"victim\",\"password\":\"guess" + i + "\"}")
                  .status())
          .isEqualTo(401);
    }
    Response limited =
        api.call(
            "POST", "/api/v1/session", null, "{\"username\":\"victim\",\"password\":\"guess5\"}");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.body().path("code").asInt()).isEqualTo(8);
    assertThat(limited.headers().firstValue("retry-after")).isPresent();
  }

  @Test
  @Order(16)
  void oversizedBodyIsRefused() throws Exception {
    String admin = api.login("admin", adminPassword);
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
    String admin = api.login("admin", adminPassword);
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
      TestResources.create(
          client,
          ResourceCache.APPLICATIONS,
          ns,
          "rendered",
          TestResources.applicationSpec(
              "default", Map.of("repoURL", url, "path", "app", "targetRevision", "main"), ns));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> api.call("GET", "/api/v1/applications/rendered", admin, null).status() == 200);

      Response manifests = api.call("GET", "/api/v1/applications/rendered/manifests", admin, null);
      assertThat(manifests.status()).as(manifests.raw()).isEqualTo(200);
      assertThat(manifests.body().path("revision").asText()).hasSize(40);
      assertThat(manifests.body().path("manifests").size()).isEqualTo(2);
      assertThat(manifests.raw())
          .contains("rendered-settings")
          .contains("++++++++")
          .doesNotContain("hunter2-in-git")
          .doesNotContain("aHVudGVyMi1pbi1naXQ");

      Response managed =
          api.call("GET", "/api/v1/applications/rendered/managed-resources", admin, null);
      assertThat(managed.status()).as(managed.raw()).isEqualTo(200);
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
      assertThat(managed.raw())
          .doesNotContain("hunter2-in-git")
          .doesNotContain("aHVudGVyMi1pbi1naXQ");

      String reader = api.login("reader", "reader-pass-2");
      assertThat(api.call("GET", "/api/v1/applications/rendered/manifests", reader, null).status())
          .isEqualTo(200);
    }
  }
}
