package dev.capstan.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
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
import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real server on the test control plane serves the built web UI (from the capstan-ui jar) next to
 * the API, and the Flux views the UI needs: a Kustomization's inventory tree and its events.
 */
@WithControlPlane
class UiServerIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static CapstanServer server;
  private static String ns;
  private static String token;
  private static ServerClient api;
  private static GitFixture git;
  private static String firstCommit;
  private static String secondCommit;

  @BeforeAll
  static void start(KubernetesClient client, TestNamespace namespace) throws Exception {
    ns = namespace.name();
    new CrdInstaller(client).installCapstanCrds();
    TestResources.configMap(client, ns, "settings", Map.of("a", "1"));
    // The control plane's deployment controller creates the ReplicaSet below it.
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .withReplicas(0)
                .withNewSelector()
                .addToMatchLabels("app", "web")
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", "web")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("web")
                .withImage("nginx:1.27")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
    var ks =
        TestResources.create(
            client,
            ResourceCache.KUSTOMIZATIONS,
            ns,
            "apps",
            TestResources.kustomizationSpec("./apps", "repo"));
    client
        .genericKubernetesResources(ResourceCache.KUSTOMIZATIONS)
        .inNamespace(ns)
        .withName("apps")
        .subresource("status")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            JSON.writeValueAsString(
                Map.of(
                    "status",
                    Map.of(
                        "inventory",
                        Map.of(
                            "entries",
                            List.of(
                                Map.of("id", ns + "_settings__ConfigMap", "v", "v1"),
                                Map.of("id", ns + "_web_apps_Deployment", "v", "v1"),
                                Map.of("id", "not-an-inventory-id", "v", "v1")))))));
    for (String kind : new String[] {"Kustomization", "GitRepository"}) {
      client
          .v1()
          .events()
          .inNamespace(ns)
          .resource(
              new EventBuilder()
                  .withNewMetadata()
                  .withName("apps." + kind.toLowerCase())
                  .endMetadata()
                  .withNewInvolvedObject()
                  .withApiVersion(ks.getApiVersion())
                  .withKind(kind)
                  .withName("apps")
                  .withNamespace(ns)
                  .endInvolvedObject()
                  .withType("Normal")
                  .withReason("ReconciliationSucceeded")
                  .withMessage(kind + " event")
                  .withLastTimestamp(Instant.now().toString())
                  .build())
          .create();
    }
    git = GitFixture.create();
    FixtureRepository repo = git.createRepository("shop");
    firstCommit =
        repo.commit()
            .add("app/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n")
            .message("Import the shop\n\nWith a body line.")
            .create()
            .name();
    secondCommit =
        repo.commit()
            .add("app/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n")
            .message("Rename the map")
            .create()
            .name();
    repo.tag("v1.0.0", ObjectId.fromString(secondCommit));
    String url = git.startHttp().url(repo);
    TestResources.create(
        client,
        ResourceCache.APPLICATIONS,
        ns,
        "shop",
        TestResources.applicationSpec(
            "default", Map.of("repoURL", url, "path", "app", "targetRevision", "main"), ns));
    server = ServerClient.startServer(client, ns);
    api = ServerClient.of(server);
    token = api.loginAdmin(client, ns);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (git != null) {
      git.close();
    }
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    return api.send(method, path, token, body);
  }

  @Test
  void servesTheBuiltUiWithHistoryRoutingBesideTheApi() throws Exception {
    HttpResponse<String> root = send("GET", "/", null);
    assertThat(root.statusCode()).isEqualTo(200);
    assertThat(root.headers().firstValue("cache-control")).hasValue("no-cache");
    assertThat(root.body()).contains("<meta name=\"capstan-namespace\" content=\"" + ns + "\">");
    HttpResponse<String> deep = send("GET", "/applications/" + ns + "/web", null);
    assertThat(deep.statusCode()).isEqualTo(200);
    assertThat(deep.body()).isEqualTo(root.body());
    assertThat(send("GET", "/api/v1/no-such-thing", null).body()).contains("\"code\":5");
    assertThat(send("GET", "/healthz", null).body()).isEqualTo("ok");
    Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(root.body());
    assumeThat(script.find()).as("the UI was built (not -Dskip.ui)").isTrue();
    HttpResponse<String> js = send("GET", script.group(1), null);
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
    assertThat(js.headers().firstValue("cache-control"))
        .hasValue("public, max-age=31536000, immutable");
    assertThat(js.body()).contains("data-testid").contains("/api/v1/stream/applications");
  }

  @Test
  void kustomizationInventoryTreeAndEvents() throws Exception {
    List<String> nodes = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              HttpResponse<String> tree =
                  send("GET", "/api/v1/kustomizations/" + ns + "/apps/resource-tree", null);
              assertThat(tree.statusCode()).as(tree.body()).isEqualTo(200);
              nodes.clear();
              for (JsonNode n : JSON.readTree(tree.body()).path("nodes")) {
                String parent =
                    n.path("parentRefs").isEmpty()
                        ? ""
                        : " <- " + n.path("parentRefs").get(0).path("kind").asText();
                String name = n.path("name").asText().replaceAll("^web-[a-z0-9]+$", "web-<hash>");
                nodes.add(n.path("kind").asText() + "/" + name + parent);
                assertThat(n.path("uid").asText()).isNotEmpty();
              }
              assertThat(nodes)
                  .containsExactlyInAnyOrder(
                      "ConfigMap/settings",
                      "Deployment/web",
                      "ReplicaSet/web-<hash> <- Deployment");
            });
    JsonNode events =
        JSON.readTree(send("GET", "/api/v1/kustomizations/" + ns + "/apps/events", null).body());
    assertThat(events.path("items")).hasSize(1);
    assertThat(events.path("items").get(0).path("message").asText())
        .isEqualTo("Kustomization event");
    HttpResponse<String> missing =
        send("GET", "/api/v1/kustomizations/" + ns + "/nope/resource-tree", null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(send("GET", "/api/v1/kustomizations/" + ns + "/apps/events", null).body())
        .doesNotContain("GitRepository event");
    assertThat(
            api.send("GET", "/api/v1/kustomizations/" + ns + "/apps/resource-tree", null, null)
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void revisionMetadataGivesAuthorMessageAndTagsOfTheSourcesCommits() throws Exception {
    String base = "/api/v1/applications/shop/revisions/";
    String q = "/metadata?appNamespace=" + ns;
    HttpResponse<String> first = send("GET", base + firstCommit + q, null);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    JsonNode m = JSON.readTree(first.body());
    assertThat(m.path("message").asText()).isEqualTo("Import the shop\n\nWith a body line.");
    assertThat(m.path("author").asText()).contains("<").contains("@");
    assertThat(m.path("date").asText()).endsWith("Z");
    assertThat(m.has("tags")).isFalse();
    JsonNode second = JSON.readTree(send("GET", base + secondCommit + q, null).body());
    assertThat(second.path("message").asText()).isEqualTo("Rename the map");
    assertThat(second.path("tags").get(0).asText()).isEqualTo("v1.0.0");
    assertThat(send("GET", base + "0".repeat(40) + q, null).statusCode()).isEqualTo(404);
    assertThat(send("GET", base + "abc1234" + q, null).statusCode()).isEqualTo(400);
    assertThat(
            send("GET", "/api/v1/applications/nope/revisions/" + firstCommit + q, null)
                .statusCode())
        .isEqualTo(403);
    assertThat(api.send("GET", base + firstCommit + q, null, null).statusCode()).isEqualTo(401);
  }
}
