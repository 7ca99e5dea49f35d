package dev.capstan.server;

import static dev.capstan.server.ServerClient.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.controller.api.CrdInstaller;
import dev.capstan.server.ServerClient.Response;
import dev.capstan.server.api.Projects;
import dev.capstan.server.cache.ResourceCache;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Application create, update and delete, projects, project roles and their tokens, and an RBAC
 * denial for every application, project and account endpoint, against a real server on the test
 * control plane. Accounts: {@code admin}; {@code reader} (role:readonly); {@code dev} (everything
 * on applications of project {@code dev}, get on that project); {@code nobody} (no rules, no
 * default role). Project {@code dev} has a role {@code ci} that may get and sync its applications.
 */
@WithControlPlane
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApplicationWriteIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static CapstanServer server;
  private static String ns;
  private static String admin;
  private static String reader;
  private static String dev;
  private static String nobody;
  private static ServerClient api;

  @BeforeAll
  static void start(KubernetesClient client, TestNamespace namespace) throws Exception {
    ns = namespace.name();
    new CrdInstaller(client).installCapstanCrds();
    TestResources.configMap(
        client,
        ns,
        "capstan-cm",
        Map.of("accounts.reader", "login", "accounts.dev", "login", "accounts.nobody", "login"));
    TestResources.configMap(
        client,
        ns,
        "capstan-rbac-cm",
        Map.of(
            "policy.default",
            "",
            "policy.csv",
            "g, reader, role:readonly\n"
                + "p, dev, applications, *, dev/*, allow\n"
                + "p, dev, projects, get, dev, allow\n"));
    project(client, "default", List.of());
    project(
        client,
        "dev",
        List.of(
            Map.of(
                "name",
                "ci",
                "policies",
                List.of(
                    "p, proj:dev:ci, applications, get, dev/*, allow",
                    "p, proj:dev:ci, applications, sync, dev/*, allow",
                    // Rejected: a role may not grant on another project's objects.
                    "p, proj:dev:ci, applications, get, default/*, allow"))));
    TestResources.create(client, ResourceCache.APPLICATIONS, app("web", "default", "main"));
    TestResources.create(client, ResourceCache.APPLICATIONS, app("api", "dev", "main"));
    server = ServerClient.startServer(client, ns);
    api = ServerClient.of(server);
    String password = ServerClient.initialAdminPassword(client, ns);
    admin = api.login("admin", password);
    for (String user : List.of("reader", "dev", "nobody")) {
      Response set =
          api.call(
              "PUT",
              "/api/v1/account/password",
              admin,
              Map.of(
                  "name", user, "currentPassword", password, "newPassword", user + "-password-1"));
      assertThat(set.status()).as(set.raw()).isEqualTo(200);
    }
    reader = api.awaitLogin("reader", "reader-password-1");
    dev = api.awaitLogin("dev", "dev-password-1");
    nobody = api.awaitLogin("nobody", "nobody-password-1");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> names(api.call("GET", "/api/v1/applications", admin, null).body()).size() == 2);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static void project(KubernetesClient client, String name, List<Map<String, Object>> roles) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("sourceRepos", List.of("*"));
    spec.put("destinations", List.of(Map.of("server", "*", "namespace", "*")));
    spec.put("roles", roles);
    TestResources.create(client, Projects.APP_PROJECTS, ns, name, spec);
  }

  static GenericKubernetesResource app(String name, String project, String revision) {
    return TestResources.object(ResourceCache.APPLICATIONS, ns, name, spec(project, revision));
  }

  static Map<String, Object> spec(String project, String revision) {
    return TestResources.applicationSpec(
        project,
        Map.of("repoURL", "http://127.0.0.1:1/none.git", "path", "app", "targetRevision", revision),
        ns);
  }

  static Map<String, Object> body(String name, String project, String revision) {
    return Map.of("metadata", Map.of("name", name), "spec", spec(project, revision));
  }

  static void assertDenied(Response r, String what) {
    assertThat(r.status()).as(what + ": " + r.raw()).isEqualTo(403);
    assertThat(r.body().path("code").asInt()).as(what).isEqualTo(7);
    assertThat(r.body().path("message").asText()).as(what).startsWith("permission denied");
    assertThat(r.raw()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
  }

  static GenericKubernetesResource live(KubernetesClient client, String name) {
    return client
        .genericKubernetesResources(ResourceCache.APPLICATIONS)
        .inNamespace(ns)
        .withName(name)
        .get();
  }

  @Test
  @Order(1)
  void createIsCheckedAndIdempotentAndUpsertReplacesTheSpec(KubernetesClient client)
      throws Exception {
    assertDenied(
        api.call("POST", "/api/v1/applications", reader, body("one", "default", "main")),
        "reader creates");
    assertDenied(
        api.call("POST", "/api/v1/applications", dev, body("one", "default", "main")),
        "dev creates in default");
    assertThat(live(client, "one")).isNull();

    Response created =
        api.call("POST", "/api/v1/applications", admin, body("one", "default", "main"));
    assertThat(created.status()).as(created.raw()).isEqualTo(200);
    assertThat(created.body().path("metadata").path("namespace").asText()).isEqualTo(ns);
    assertThat(live(client, "one").get("spec", "source", "targetRevision").toString())
        .isEqualTo("main");
    assertThat(
            api.call("POST", "/api/v1/applications", admin, body("one", "default", "main"))
                .status())
        .as("same spec again")
        .isEqualTo(200);
    Response different =
        api.call("POST", "/api/v1/applications", admin, body("one", "default", "release"));
    assertThat(different.status()).isEqualTo(400);
    assertThat(different.body().path("code").asInt()).isEqualTo(3);
    assertThat(different.body().path("message").asText()).contains("upsert");
    Response upserted =
        api.call(
            "POST", "/api/v1/applications?upsert=true", admin, body("one", "default", "release"));
    assertThat(upserted.status()).as(upserted.raw()).isEqualTo(200);
    assertThat(live(client, "one").get("spec", "source", "targetRevision").toString())
        .isEqualTo("release");

    Response devCreates = api.call("POST", "/api/v1/applications", dev, body("two", "dev", "main"));
    assertThat(devCreates.status()).as(devCreates.raw()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void createRejectsBadInput() throws Exception {
    Response missingProject =
        api.call("POST", "/api/v1/applications", admin, body("three", "nowhere", "main"));
    assertThat(missingProject.status()).isEqualTo(400);
    assertThat(missingProject.body().path("message").asText())
        .contains("project nowhere which does not exist");
    for (Object bad :
        List.of(
            body("Bad_Name", "default", "main"),
            body("a..b", "default", "main"),
            Map.of("metadata", Map.of("name", "nospec")),
            Map.of(
                "metadata",
                Map.of("name", "nosource"),
                "spec",
                Map.of("destination", Map.of("server", "https://kubernetes.default.svc"))),
            Map.of(
                "apiVersion",
                "v1",
                "kind",
                "ConfigMap",
                "metadata",
                Map.of("name", "cm"),
                "spec",
                spec("default", "main")),
            "[1, 2]",
            "{not json")) {
      Response r = api.call("POST", "/api/v1/applications", admin, bad);
      assertThat(r.status()).as(String.valueOf(bad)).isEqualTo(400);
      assertThat(r.body().path("code").asInt()).isEqualTo(3);
      assertThat(r.raw()).doesNotContain("Exception");
    }
    Response otherNamespace =
        api.call(
            "POST",
            "/api/v1/applications",
            admin,
            Map.of(
                "metadata",
                Map.of("name", "elsewhere", "namespace", "kube-system"),
                "spec",
                spec("default", "main")));
    assertThat(otherNamespace.status()).isEqualTo(403);
  }

  @Test
  @Order(3)
  void updateReplacesTheSpecAndChecksBothProjects(KubernetesClient client) throws Exception {
    Map<String, Object> next =
        Map.of(
            "metadata",
            Map.of("name", "two", "labels", Map.of("team", "dev")),
            "spec",
            spec("dev", "v2"));
    assertDenied(api.call("PUT", "/api/v1/applications/two", reader, next), "reader updates");
    assertDenied(api.call("PUT", "/api/v1/applications/two", nobody, next), "nobody updates");
    Response updated = api.call("PUT", "/api/v1/applications/two", dev, next);
    assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
    assertThat(live(client, "two").get("spec", "source", "targetRevision").toString())
        .isEqualTo("v2");
    assertThat(live(client, "two").getMetadata().getLabels()).containsEntry("team", "dev");
    // dev may update in dev, but not move the Application to a project it has no rights on.
    assertDenied(
        api.call(
            "PUT",
            "/api/v1/applications/two",
            dev,
            Map.of("metadata", Map.of("name", "two"), "spec", spec("default", "v2"))),
        "dev moves to default");
    Response renamed =
        api.call(
            "PUT",
            "/api/v1/applications/two",
            dev,
            Map.of("metadata", Map.of("name", "other"), "spec", spec("dev", "v2")));
    assertThat(renamed.status()).isEqualTo(400);
    Response spec = api.call("PUT", "/api/v1/applications/two/spec", dev, spec("dev", "v3"));
    assertThat(spec.status()).as(spec.raw()).isEqualTo(200);
    assertThat(spec.body().path("source").path("targetRevision").asText()).isEqualTo("v3");
    assertDenied(
        api.call("PUT", "/api/v1/applications/two/spec", reader, spec("dev", "v4")),
        "reader updates spec");
  }

  @Test
  @Order(4)
  void deleteCascadesThroughTheFinalizerOrNot(KubernetesClient client) throws Exception {
    assertDenied(api.call("DELETE", "/api/v1/applications/one", reader, null), "reader deletes");
    assertDenied(
        api.call("DELETE", "/api/v1/applications/one", dev, null), "dev deletes in default");
    assertThat(api.call("DELETE", "/api/v1/applications/one?cascade=maybe", admin, null).status())
        .isEqualTo(400);
    assertThat(
            api.call(
                    "DELETE",
                    "/api/v1/applications/one?cascade=false&propagationPolicy=background",
                    admin,
                    null)
                .status())
        .isEqualTo(400);
    assertThat(live(client, "one").getMetadata().getDeletionTimestamp()).isNull();

    // Cascade (the default): the finalizer is set, so the Application waits for the controller
    // (none runs here) to delete its resources.
    Response cascade = api.call("DELETE", "/api/v1/applications/one", admin, null);
    assertThat(cascade.status()).as(cascade.raw()).isEqualTo(200);
    GenericKubernetesResource deleting = live(client, "one");
    assertThat(deleting.getMetadata().getFinalizers())
        .containsExactly("resources-finalizer.argocd.argoproj.io");
    assertThat(deleting.getMetadata().getDeletionTimestamp()).isNotNull();

    Response plain = api.call("DELETE", "/api/v1/applications/two?cascade=false", dev, null);
    assertThat(plain.status()).as(plain.raw()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> live(client, "two") == null);
    // Release "one" by hand, as the controller would after deleting its resources.
    client
        .genericKubernetesResources(ResourceCache.APPLICATIONS)
        .inNamespace(ns)
        .withName("one")
        .edit(
            a -> {
              a.getMetadata().setFinalizers(List.of());
              return a;
            });
    await().atMost(Duration.ofSeconds(10)).until(() -> live(client, "one") == null);
  }

  @Test
  @Order(5)
  void projectsAreListedAndReadUnderRbac() throws Exception {
    assertThat(names(api.call("GET", "/api/v1/projects", admin, null).body()))
        .containsExactly("default", "dev");
    assertThat(names(api.call("GET", "/api/v1/projects", reader, null).body()))
        .containsExactly("default", "dev");
    assertThat(names(api.call("GET", "/api/v1/projects", dev, null).body())).containsExactly("dev");
    assertThat(names(api.call("GET", "/api/v1/projects", nobody, null).body())).isEmpty();
    Response one = api.call("GET", "/api/v1/projects/dev", dev, null);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.body().path("spec").path("roles").get(0).path("name").asText()).isEqualTo("ci");
    assertDenied(api.call("GET", "/api/v1/projects/default", dev, null), "dev gets default");
    assertDenied(api.call("GET", "/api/v1/projects/missing", nobody, null), "nobody gets missing");
    assertThat(api.call("GET", "/api/v1/projects/missing", admin, null).status()).isEqualTo(404);
    assertThat(api.call("GET", "/api/v1/projects/..%2Fx", admin, null).status()).isIn(400, 404);
  }

  @Test
  @Order(6)
  void projectRoleTokensFollowTheRolesPoliciesUntilRevoked(KubernetesClient client)
      throws Exception {
    assertDenied(
        api.call("POST", "/api/v1/projects/dev/roles/ci/token", reader, Map.of()),
        "reader issues a project token");
    assertDenied(
        api.call("POST", "/api/v1/projects/dev/roles/ci/token", dev, Map.of()),
        "dev (get only) issues a project token");
    assertThat(api.call("POST", "/api/v1/projects/dev/roles/none/token", admin, Map.of()).status())
        .isEqualTo(404);
    Response issued =
        api.call(
            "POST",
            "/api/v1/projects/dev/roles/ci/token",
            admin,
            Map.of("id", "pipeline", "expiresIn", 3600));
    assertThat(issued.status()).as(issued.raw()).isEqualTo(200);
    String token = issued.body().path("token").asText();
    assertThat(
            api.call("POST", "/api/v1/projects/dev/roles/ci/token", admin, Map.of("id", "pipeline"))
                .status())
        .as("duplicate id")
        .isEqualTo(409);
    // The token is listed on the role (id, iat, exp), never the token itself.
    GenericKubernetesResource project =
        client
            .genericKubernetesResources(Projects.APP_PROJECTS)
            .inNamespace(ns)
            .withName("dev")
            .get();
    String stored = JSON.writeValueAsString(project.getAdditionalProperties());
    assertThat(stored).contains("\"id\":\"pipeline\"").doesNotContain(token);
    long iat =
        JSON.readTree(stored)
            .path("spec")
            .path("roles")
            .get(0)
            .path("jwtTokens")
            .get(0)
            .path("iat")
            .asLong();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> api.call("GET", "/api/v1/applications", token, null).status() == 200);
    // Only its own project: api is in dev, web in default (the role's default/* rule is ignored).
    assertThat(names(api.call("GET", "/api/v1/applications", token, null).body()))
        .containsExactly("api");
    assertThat(api.call("GET", "/api/v1/applications/api", token, null).status()).isEqualTo(200);
    assertDenied(api.call("GET", "/api/v1/applications/web", token, null), "role gets default/web");
    Response sync = api.call("POST", "/api/v1/applications/api/sync", token, Map.of());
    assertThat(sync.status()).as(sync.raw()).isEqualTo(200);
    assertThat(live(client, "api").get("operation", "initiatedBy", "username").toString())
        .isEqualTo("proj:dev:ci");
    assertDenied(api.call("DELETE", "/api/v1/applications/api", token, null), "role deletes");
    assertDenied(api.call("GET", "/api/v1/projects/dev", token, null), "role gets its project");
    Response info = api.call("GET", "/api/v1/session/userinfo", token, null);
    assertThat(info.body().path("username").asText()).isEqualTo("proj:dev:ci");

    assertDenied(
        api.call("DELETE", "/api/v1/projects/dev/roles/ci/token/" + iat, reader, null),
        "reader revokes");
    assertThat(api.call("DELETE", "/api/v1/projects/dev/roles/ci/token/1", admin, null).status())
        .isEqualTo(404);
    assertThat(
            api.call("DELETE", "/api/v1/projects/dev/roles/ci/token/" + iat, admin, null).status())
        .isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> api.call("GET", "/api/v1/applications", token, null).status() == 401);
  }

  @Test
  @Order(7)
  void everyReadAndActionEndpointDeniesWithoutPermission(KubernetesClient client) throws Exception {
    // nobody has no rule and there is no default role: every application endpoint says 403 (a
    // missing Application, too, as in Argo CD), and lists are empty.
    assertThat(names(api.call("GET", "/api/v1/applications", nobody, null).body())).isEmpty();
    for (String path :
        List.of(
            "/api/v1/applications/web",
            "/api/v1/applications/web?refresh=normal",
            "/api/v1/applications/web/resource-tree",
            "/api/v1/applications/web/managed-resources",
            "/api/v1/applications/web/manifests",
            "/api/v1/applications/web/events",
            "/api/v1/applications/missing",
            "/api/v1/account/admin",
            "/api/v1/account/reader")) {
      assertDenied(api.call("GET", path, nobody, null), "nobody GET " + path);
    }
    assertThat(live(client, "web").getMetadata().getAnnotations()).isNullOrEmpty();
    assertThat(api.call("GET", "/api/v1/account", nobody, null).body().path("items").size())
        .isZero();
    // reader may read but not act.
    assertDenied(
        api.call("POST", "/api/v1/applications/web/sync", reader, Map.of()), "reader sync");
    assertDenied(
        api.call("POST", "/api/v1/applications/web/rollback", reader, Map.of("id", 0)),
        "reader rollback");
    assertDenied(
        api.call("POST", "/api/v1/account/admin/token", reader, Map.of()), "reader admin token");
    assertDenied(
        api.call("DELETE", "/api/v1/account/admin/token/x", reader, null),
        "reader revokes admin's");
    assertDenied(
        api.call("POST", "/api/v1/gitrepositories/" + ns + "/repo/reconcile", nobody, null),
        "nobody reconciles a GitRepository");
    assertDenied(
        api.call("GET", "/api/v1/kustomizations/" + ns + "/missing", nobody, null),
        "nobody gets a Kustomization");
    assertThat(live(client, "web").getAdditionalProperties().get("operation")).isNull();
  }

  @Test
  @Order(8)
  void streamAndFluxListsShowOnlyWhatTheCallerMayGet(KubernetesClient client) throws Exception {
    try (ServerClient.EventStream stream = api.stream("/api/v1/stream/applications", dev)) {
      assertThat(stream.status()).isEqualTo(200);
      List<JsonNode> events = stream.events();
      await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());
      // web (project default) changes first, then api (project dev): dev must see only api.
      for (String name : List.of("web", "api")) {
        client
            .genericKubernetesResources(ResourceCache.APPLICATIONS)
            .inNamespace(ns)
            .withName(name)
            .edit(
                a -> {
                  a.getMetadata().setLabels(Map.of("touched", "yes"));
                  return a;
                });
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  events.stream()
                      .anyMatch(
                          e ->
                              e.path("result").path("type").asText().equals("MODIFIED")
                                  && e.path("result")
                                      .path("application")
                                      .path("metadata")
                                      .path("labels")
                                      .path("touched")
                                      .asText()
                                      .equals("yes")));
      assertThat(events)
          .extracting(
              e -> e.path("result").path("application").path("metadata").path("name").asText())
          .containsOnly("api");
    }

    TestResources.create(
        client,
        ResourceCache.KUSTOMIZATIONS,
        ns,
        "infra",
        TestResources.kustomizationSpec("./infra", "repo"));
    String path = "/api/v1/kustomizations?namespace=" + ns;
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> names(api.call("GET", path, admin, null).body()).contains("infra"));
    assertThat(names(api.call("GET", path, reader, null).body())).containsExactly("infra");
    assertThat(names(api.call("GET", path, nobody, null).body())).isEmpty();
    assertDenied(
        api.call("GET", "/api/v1/kustomizations/" + ns + "/infra", nobody, null),
        "nobody gets infra");
    assertDenied(
        api.call("POST", "/api/v1/kustomizations/" + ns + "/infra/reconcile", reader, null),
        "reader reconciles infra");
  }
}
