package dev.capstan.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.capstan.testsupport.git.GitHttpServer;
import dev.capstan.testsupport.git.HttpAuth;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The revision metadata endpoint reads private repositories with the Application's Argo CD
 * repository credentials, as the controller does: a Git server with basic auth, a {@code
 * repository} Secret and a {@code repo-creds} template give the commit's author, date and message;
 * without a matching Secret, or with a wrong password, the answer is a 400 FailedPrecondition that
 * says so and never contains a password.
 */
@WithControlPlane
class RevisionMetadataCredentialsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String USER = "capstan-bot";
  private static final String PASSWORD = "s3cret-git-password-4711";
  private static final String WRONG_PASSWORD = "wrong-git-password-0815";

  private static CapstanServer server;
  private static GitFixture git;
  private static String ns;
  private static String token;
  private static ServerClient api;
  private static String commit;
  private static String templateCommit;
  private static String unmatchedCommit;
  private static String refusedCommit;

  @BeforeAll
  static void start(KubernetesClient client, TestNamespace namespace) throws Exception {
    ns = namespace.name();
    new CrdInstaller(client).installCapstanCrds();
    git = GitFixture.create();
    FixtureRepository shop = git.createRepository("shop");
    commit =
        shop.commit()
            .add("app/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n")
            .message("Deploy the private shop\n\nWith a body line.")
            .create()
            .name();
    FixtureRepository unmatched = git.createRepository("unmatched");
    unmatchedCommit = unmatched.commit().add("a.txt", "a").message("Hidden").create().name();
    FixtureRepository refused = git.createRepository("refused");
    refusedCommit = refused.commit().add("a.txt", "a").message("Refused").create().name();
    FixtureRepository templated = git.createRepository("team-templated");
    templateCommit =
        templated.commit().add("a.txt", "a").message("From the template").create().name();
    GitHttpServer http = git.startHttp(HttpAuth.basic(USER, PASSWORD));

    repositorySecret(client, "shop-repo", "repository", http.url(shop), PASSWORD);
    repositorySecret(client, "refused-repo", "repository", http.url(refused), WRONG_PASSWORD);
    repositorySecret(client, "team-creds", "repo-creds", http.baseUrl() + "/team-", PASSWORD);
    application(client, "shop", http.url(shop));
    application(client, "unmatched", http.url(unmatched));
    application(client, "refused", http.url(refused));
    application(client, "templated", http.url(templated));

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

  @Test
  void repositorySecretGivesAuthorDateAndMessage() throws Exception {
    HttpResponse<String> res = metadata("shop", commit);
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    JsonNode m = JSON.readTree(res.body());
    assertThat(m.path("author").asText()).isEqualTo("Capstan Fixture <fixture@capstan.invalid>");
    assertThat(m.path("date").asText()).endsWith("Z");
    assertThat(m.path("message").asText())
        .isEqualTo("Deploy the private shop\n\nWith a body line.");
    assertThat(res.body()).doesNotContain(PASSWORD);
    assertThat(metadata("shop", "0".repeat(40)).statusCode()).isEqualTo(404);
  }

  @Test
  void repoCredsTemplateIsUsedForRepositoriesUnderItsPrefix() throws Exception {
    HttpResponse<String> res = metadata("templated", templateCommit);
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    assertThat(JSON.readTree(res.body()).path("message").asText()).isEqualTo("From the template");
  }

  @Test
  void withoutMatchingSecretTheAnswerSaysCredentialsAreNeeded() throws Exception {
    HttpResponse<String> res = metadata("unmatched", unmatchedCommit);
    assertThat(res.statusCode()).as(res.body()).isEqualTo(400);
    JsonNode error = JSON.readTree(res.body());
    assertThat(error.path("code").asInt()).isEqualTo(9);
    assertThat(error.path("message").asText())
        .contains("needs credentials")
        .contains("argocd.argoproj.io/secret-type")
        .contains(ns);
    assertThat(res.body()).doesNotContain(PASSWORD);
  }

  @Test
  void wrongPasswordNamesTheSecretButNotThePassword() throws Exception {
    HttpResponse<String> res = metadata("refused", refusedCommit);
    assertThat(res.statusCode()).as(res.body()).isEqualTo(400);
    JsonNode error = JSON.readTree(res.body());
    assertThat(error.path("code").asInt()).isEqualTo(9);
    assertThat(error.path("message").asText())
        .contains("refused the credentials of Secret " + ns + "/refused-repo");
    assertThat(res.body()).doesNotContain(WRONG_PASSWORD).doesNotContain(PASSWORD);
  }

  private static HttpResponse<String> metadata(String app, String revision) throws Exception {
    return api.send(
        "GET",
        "/api/v1/applications/" + app + "/revisions/" + revision + "/metadata?appNamespace=" + ns,
        token,
        null);
  }

  private static void repositorySecret(
      KubernetesClient client, String name, String type, String url, String password) {
    client
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels("argocd.argoproj.io/secret-type", type)
                .endMetadata()
                .addToStringData(Map.of("url", url, "username", USER, "password", password))
                .build())
        .create();
  }

  private static void application(KubernetesClient client, String name, String url) {
    TestResources.create(
        client,
        ResourceCache.APPLICATIONS,
        ns,
        name,
        TestResources.applicationSpec(
            "default", Map.of("repoURL", url, "path", ".", "targetRevision", "main"), ns));
  }
}
