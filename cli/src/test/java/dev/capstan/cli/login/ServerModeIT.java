package dev.capstan.cli.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capstan.cli.CapstanCommand;
import dev.capstan.controller.api.CrdInstaller;
import dev.capstan.controller.api.argo.AppProject;
import dev.capstan.controller.api.argo.AppProjectSpec;
import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.argo.ArgoController;
import dev.capstan.controller.argo.ControllerSettings;
import dev.capstan.server.CapstanServer;
import dev.capstan.server.ServerOptions;
import dev.capstan.server.auth.SecretBootstrap;
import dev.capstan.testsupport.cluster.ControlPlane;
import dev.capstan.testsupport.cluster.TestNamespace;
import dev.capstan.testsupport.cluster.WithControlPlane;
import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import dev.capstan.testsupport.git.GitHttpServer;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CLI through a real {@code capstan server} (in-process, on the test control plane, with a
 * controller for the test namespace): {@code login}, {@code account get-user-info}, every {@code
 * app} command through the server with the same output as straight against the cluster ({@code
 * --core}), an RBAC denial, an expired session, an unreachable server, and {@code logout}.
 */
@WithControlPlane
class ServerModeIT {

  private static GitFixture git;
  private static ArgoController controller;
  private static CapstanServer server;
  private static String adminPassword;
  private static String address;

  record Run(int code, String out, String err) {}

  @BeforeAll
  static void start(KubernetesClient client, TestNamespace ns) throws Exception {
    new CrdInstaller(client).installCapstanCrds();
    AppProject project = new AppProject();
    project.setMetadata(
        new ObjectMetaBuilder().withName("default").withNamespace(ns.name()).build());
    project.setSpec(AppProjectSpec.permissive("default"));
    client.resource(project).serverSideApply();
    client
        .configMaps()
        .inNamespace(ns.name())
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("capstan-cm")
                .endMetadata()
                .addToData("accounts.reader", "login")
                .build())
        .create();
    client
        .configMaps()
        .inNamespace(ns.name())
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("capstan-rbac-cm")
                .endMetadata()
                .addToData("policy.default", "")
                .addToData("policy.csv", "g, reader, role:readonly\n")
                .build())
        .create();
    git = GitFixture.create();
    controller =
        ArgoController.start(
            client,
            ControllerSettings.defaults(ns.name(), Files.createTempDirectory("capstan-cli-srv"))
                .withReconciliation(Duration.ofSeconds(30), Duration.ZERO)
                .withLeaderElection(false)
                .withMetricsPort(-1));
    await().atMost(Duration.ofSeconds(30)).until(controller::isLeading);
    server =
        CapstanServer.start(
            client,
            ServerOptions.defaults(ns.name(), Files.createTempDirectory("capstan-cli-srv-cache"))
                .withPort(0));
    address = "127.0.0.1:" + server.port();
    adminPassword =
        SecretBootstrap.decode(
                client
                    .secrets()
                    .inNamespace(ns.name())
                    .withName(SecretBootstrap.INITIAL_ADMIN_SECRET)
                    .get())
            .get("password");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (controller != null) {
      controller.close();
    }
    if (git != null) {
      git.close();
    }
  }

  private static Run capstan(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        CapstanCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** {@code capstan app ...} through the server logged in to in {@code config}. */
  private static Run viaServer(Path config, TestNamespace ns, String... args) {
    List<String> all = new ArrayList<>(List.of("app"));
    all.addAll(List.of(args));
    all.addAll(List.of("--config", config.toString(), "-N", ns.name()));
    return capstan(all.toArray(String[]::new));
  }

  /** The same command straight against the cluster. */
  private static Run direct(TestNamespace ns, String... args) {
    List<String> all = new ArrayList<>(List.of("app"));
    all.addAll(List.of(args));
    all.addAll(
        List.of(
            "--core",
            "--kubeconfig",
            ControlPlane.shared().kubeconfig().toString(),
            "-N",
            ns.name()));
    return capstan(all.toArray(String[]::new));
  }

  private static String value(KubernetesClient client, TestNamespace ns) {
    var c = client.configMaps().inNamespace(ns.name()).withName("srv-cm").get();
    return c == null ? "<none>" : c.getData().get("key");
  }

  private static String cm(String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: srv-cm\ndata:\n  key: "
        + value
        + "\n";
  }

  @Test
  void everyAppCommandWorksThroughTheServer(KubernetesClient client, TestNamespace ns)
      throws Exception {
    Path config = Files.createTempDirectory("capstan-cli-config").resolve("nested/config");

    Run wrong =
        capstan(
            "login",
            address,
            "--plaintext",
            "--username",
            "admin",
            "--password",
            "nope",
            "--config",
            config.toString());
    assertThat(wrong.code()).isEqualTo(1);
    assertThat(wrong.err().strip()).isEqualTo("Error: Invalid username or password");
    assertThat(config).doesNotExist();

    Run login =
        capstan(
            "login",
            address,
            "--plaintext",
            "--username",
            "admin",
            "--password",
            adminPassword,
            "--config",
            config.toString());
    assertThat(login.code()).as(login.err()).isZero();
    assertThat(login.out()).contains("'admin:login' logged in successfully");
    String stored = Files.readString(config);
    assertThat(stored).contains("\"token\"").contains(address);
    String token = stored.replaceAll("(?s).*\"token\" : \"([^\"]+)\".*", "$1");
    assertThat(token).startsWith("ey");
    assertThat(login.out() + login.err()).doesNotContain(token);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
        .isEqualTo("rw-------");

    Run info = capstan("account", "get-user-info", "--config", config.toString());
    assertThat(info.code()).as(info.err()).isZero();
    assertThat(info.out()).contains("Logged In: true").contains("Username: admin");

    FixtureRepository repo = git.createRepository("srv");
    repo.commit().add("app/cm.yaml", cm("v1")).create();
    GitHttpServer http = git.startHttp();
    Run create =
        viaServer(
            config,
            ns,
            "create",
            "srv-app",
            "--repo",
            http.url(repo),
            "--path",
            "app",
            "--revision",
            "main",
            "--dest-namespace",
            ns.name());
    assertThat(create.code()).as(create.err()).isZero();
    assertThat(create.out()).contains("application 'srv-app' created");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> viaServer(config, ns, "list").out().contains("OutOfSync"));

    // Same rendering both ways.
    Run list = viaServer(config, ns, "list");
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).startsWith("NAME").contains(ns.name() + "/srv-app");
    assertThat(list.out()).isEqualTo(direct(ns, "list").out());
    assertThat(viaServer(config, ns, "list", "-o", "name").out())
        .isEqualTo(ns.name() + "/srv-app\n");

    Run diff = viaServer(config, ns, "diff", "srv-app");
    assertThat(diff.code()).as(diff.err()).isEqualTo(1);
    assertThat(diff.out())
        .contains("/ConfigMap " + ns.name() + "/srv-cm (Missing)")
        .contains("+  key: v1");
    assertThat(diff.out()).isEqualTo(direct(ns, "diff", "srv-app").out());

    Run manifests = viaServer(config, ns, "manifests", "srv-app");
    assertThat(manifests.code()).as(manifests.err()).isZero();
    assertThat(manifests.out()).contains("name: \"srv-cm\"").contains("key: \"v1\"");
    assertThat(manifests.out()).isEqualTo(direct(ns, "manifests", "srv-app").out());

    Run dryRun = viaServer(config, ns, "sync", "srv-app", "--dry-run", "--timeout", "60");
    assertThat(dryRun.code()).as(dryRun.err()).isZero();
    assertThat(value(client, ns)).isEqualTo("<none>");

    Run sync = viaServer(config, ns, "sync", "srv-app", "--timeout", "60");
    assertThat(sync.code()).as(sync.err()).isZero();
    assertThat(sync.out()).contains("ConfigMap").contains("Succeeded");
    assertThat(value(client, ns)).isEqualTo("v1");
    Application synced =
        client.resources(Application.class).inNamespace(ns.name()).withName("srv-app").get();
    assertThat(synced.getStatus().history().getLast().initiatedBy().username())
        .as("the server records who asked")
        .isEqualTo("admin");
    assertThat(viaServer(config, ns, "diff", "srv-app").code()).isZero();

    repo.commit().add("app/cm.yaml", cm("v2")).create();
    Run refreshed = viaServer(config, ns, "get", "srv-app", "--refresh", "--timeout", "60");
    assertThat(refreshed.code()).as(refreshed.err()).isZero();
    assertThat(refreshed.out()).contains("Sync Status:        OutOfSync");
    assertThat(viaServer(config, ns, "sync", "srv-app", "--timeout", "60").code()).isZero();
    assertThat(value(client, ns)).isEqualTo("v2");

    Run history = viaServer(config, ns, "history", "srv-app");
    assertThat(history.out()).containsPattern("(?m)^0\\s").containsPattern("(?m)^1\\s");
    assertThat(history.out()).isEqualTo(direct(ns, "history", "srv-app").out());

    Run rollback = viaServer(config, ns, "rollback", "srv-app", "0", "--timeout", "60");
    assertThat(rollback.code()).as(rollback.err()).isZero();
    assertThat(value(client, ns)).isEqualTo("v1");

    Run wait =
        viaServer(config, ns, "wait", "srv-app", "--health", "--operation", "--timeout", "60");
    assertThat(wait.code()).as(wait.err()).isZero();
    assertThat(wait.out()).contains("Name:").contains(ns.name() + "/srv-app");

    Run json = viaServer(config, ns, "get", "srv-app", "-o", "json");
    assertThat(json.out()).contains("\"kind\" : \"Application\"").contains("\"history\"");
    Run yaml = viaServer(config, ns, "get", "srv-app", "-o", "yaml");
    assertThat(yaml.out()).contains("kind: \"Application\"");

    Run setPolicy =
        viaServer(config, ns, "set", "srv-app", "--sync-policy", "automated", "--self-heal");
    assertThat(setPolicy.code()).as(setPolicy.err()).isZero();
    Application automated =
        client.resources(Application.class).inNamespace(ns.name()).withName("srv-app").get();
    assertThat(automated.getSpec().syncPolicy().automated().selfHeal()).isTrue();
    assertThat(automated.getSpec().effectiveSources().getFirst().path()).isEqualTo("app");
    Run refused = viaServer(config, ns, "rollback", "srv-app", "0");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("rollback cannot be initiated when auto-sync is enabled");
    assertThat(direct(ns, "set", "srv-app", "--sync-policy", "none").code()).isZero();
    assertThat(
            client
                .resources(Application.class)
                .inNamespace(ns.name())
                .withName("srv-app")
                .get()
                .getSpec()
                .syncPolicy()
                .automatedSyncEnabled())
        .isFalse();

    // A read-only account: reads work, a sync is refused with the server's message.
    HttpResponse<String> set =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://" + address + "/api/v1/account/password"))
                    .header("Authorization", "Bearer " + token)
                    .PUT(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"name\":\"reader\",\"currentPassword\":\""
                                + adminPassword
                                + "\",\"newPassword\":\"reader-pass-1\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    Path readerConfig = Files.createTempFile("capstan-reader", ".config");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                capstan(
                            "login",
                            address,
                            "--plaintext",
                            "--username",
                            "reader",
                            "--password",
                            "reader-pass-1",
                            "--config",
                            readerConfig.toString())
                        .code()
                    == 0);
    assertThat(viaServer(readerConfig, ns, "list").out()).contains(ns.name() + "/srv-app");
    Run denied = viaServer(readerConfig, ns, "sync", "srv-app", "--timeout", "10");
    assertThat(denied.code()).isEqualTo(1);
    assertThat(denied.err().strip())
        .isEqualTo("Error: permission denied: applications, sync, default/srv-app, sub: reader");
    Run deniedSet = viaServer(readerConfig, ns, "set", "srv-app", "--revision", "v9");
    assertThat(deniedSet.code()).isEqualTo(1);
    assertThat(deniedSet.err()).contains("permission denied: applications, update");
    Run deniedDelete = viaServer(readerConfig, ns, "delete", "srv-app");
    assertThat(deniedDelete.code()).isEqualTo(1);
    assertThat(deniedDelete.err()).contains("permission denied: applications, delete");
    assertThat(client.resources(Application.class).inNamespace(ns.name()).withName("srv-app").get())
        .isNotNull();

    Run delete = viaServer(config, ns, "delete", "srv-app", "--wait", "--timeout", "60");
    assertThat(delete.code()).as(delete.err()).isZero();
    assertThat(value(client, ns)).isEqualTo("<none>");

    Run missing = viaServer(config, ns, "get", "srv-app");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err().strip())
        .isEqualTo("Error: application " + ns.name() + "/srv-app not found");

    Run logout = capstan("logout", "--config", config.toString());
    assertThat(logout.code()).as(logout.err()).isZero();
    assertThat(Files.readString(config)).doesNotContain(token).doesNotContain(address);
  }

  @Test
  void sessionAndConnectionErrorsAreOneLine(TestNamespace ns) throws Exception {
    Path config = Files.createTempFile("capstan-empty", ".config");
    Run forged =
        capstan(
            "app",
            "list",
            "--server",
            address,
            "--plaintext",
            "--auth-token",
            "not-a-token",
            "--config",
            config.toString(),
            "-N",
            ns.name());
    assertThat(forged.code()).isEqualTo(1);
    assertThat(forged.err().strip())
        .startsWith("Error: not logged in to " + address)
        .endsWith("run capstan login " + address)
        .doesNotContain("not-a-token");

    Run unreachable =
        capstan(
            "app",
            "list",
            "--server",
            "127.0.0.1:1",
            "--plaintext",
            "--auth-token",
            "x",
            "--config",
            config.toString());
    assertThat(unreachable.code()).isEqualTo(1);
    assertThat(unreachable.err().strip())
        .startsWith("Error: cannot reach the Capstan server at http://127.0.0.1:1")
        .doesNotContain("Exception");
    assertThat(unreachable.err().lines()).hasSize(1);

    Run noLogin = capstan("account", "get-user-info", "--config", config.toString());
    assertThat(noLogin.code()).isEqualTo(1);
    assertThat(noLogin.err()).contains("run capstan login");

    Run noTerminal = capstan("login", address, "--plaintext", "--config", config.toString());
    assertThat(noTerminal.code()).isEqualTo(1);
    assertThat(noTerminal.err()).contains("give --username");
  }
}
