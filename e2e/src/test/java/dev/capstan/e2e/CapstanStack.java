package dev.capstan.e2e;

import static org.awaitility.Awaitility.await;

import dev.capstan.controller.api.CrdInstaller;
import dev.capstan.controller.api.argo.AppProject;
import dev.capstan.controller.api.argo.AppProjectSpec;
import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.api.argo.ApplicationStatus;
import dev.capstan.controller.argo.ArgoController;
import dev.capstan.controller.argo.ControllerSettings;
import dev.capstan.controller.flux.FluxController;
import dev.capstan.controller.flux.FluxSettings;
import dev.capstan.server.CapstanServer;
import dev.capstan.server.ServerOptions;
import dev.capstan.server.auth.SecretBootstrap;
import dev.capstan.testsupport.git.FixtureRepository;
import dev.capstan.testsupport.git.GitFixture;
import dev.capstan.testsupport.git.GitHttpServer;
import dev.capstan.testsupport.git.HttpAuth;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Everything a browser test talks to, for real, in one test namespace: Capstan's CRDs and default
 * AppProject; {@code capstan-cm} with a login account {@code reader} and {@code capstan-rbac-cm}
 * making it {@code role:readonly}; the example GitOps repository ({@code
 * shared/examples/gitops-repo}) served by a smart-HTTP git server on loopback with basic auth, and
 * its Argo CD repository Secret; optionally the Argo CD and Flux controllers (in-process, this
 * namespace only); and {@code capstan server} (in-process, a free port). {@link #close} stops all
 * of it and deletes the Applications it created.
 */
final class CapstanStack implements AutoCloseable {
  static final String READER = "reader";
  static final String REPO_SECRET = "gitops-repo";
  static final String GIT_USER = "e2e";

  /** How long the controller may take to act on a loaded machine. */
  static final Duration SLOW = Duration.ofSeconds(300);

  private final KubernetesClient client;
  private final String namespace;
  private final GitFixture git;
  private final FixtureRepository repo;
  private final GitHttpServer http;
  private final String gitPassword;
  private final List<AutoCloseable> controllers;
  private final CapstanServer server;
  private final String adminPassword;
  private final List<String> applications = new ArrayList<>();
  private boolean serverStopped;

  private CapstanStack(
      KubernetesClient client,
      String namespace,
      GitFixture git,
      FixtureRepository repo,
      GitHttpServer http,
      String gitPassword,
      List<AutoCloseable> controllers,
      CapstanServer server,
      String adminPassword) {
    this.client = client;
    this.namespace = namespace;
    this.git = git;
    this.repo = repo;
    this.http = http;
    this.gitPassword = gitPassword;
    this.controllers = controllers;
    this.server = server;
    this.adminPassword = adminPassword;
  }

  /**
   * Starts the stack in {@code namespace}; with {@code controllers} the Argo CD controller (Git
   * polled every 3 s) and the Flux controller run too.
   */
  static CapstanStack start(KubernetesClient client, String namespace, boolean controllers)
      throws IOException {
    return start(client, client, namespace, controllers);
  }

  /**
   * As {@link #start(KubernetesClient, String, boolean)}, but the server talks to the cluster
   * through {@code serverClient} (e.g. one whose connection a test can cut).
   */
  static CapstanStack start(
      KubernetesClient client, KubernetesClient serverClient, String namespace, boolean controllers)
      throws IOException {
    installCrds(client);
    AppProject project = new AppProject();
    project.setMetadata(
        new ObjectMetaBuilder().withName("default").withNamespace(namespace).build());
    project.setSpec(AppProjectSpec.permissive("default"));
    client.resource(project).fieldManager("capstan-e2e").serverSideApply();
    client
        .configMaps()
        .inNamespace(namespace)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("capstan-cm")
                .endMetadata()
                .addToData("accounts." + READER, "login")
                .build())
        .create();
    client
        .configMaps()
        .inNamespace(namespace)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("capstan-rbac-cm")
                .endMetadata()
                .addToData("policy.default", "")
                .addToData("policy.csv", "g, " + READER + ", role:readonly\n")
                .build())
        .create();

    GitFixture git = GitFixture.create();
    FixtureRepository repo = git.createRepository("gitops-repo");
    repo.commit().addFolder(examples()).message("Import the example GitOps repository").create();
    String gitPassword = "git-" + randomHex(12);
    GitHttpServer http = git.startHttp(HttpAuth.basic(GIT_USER, gitPassword));
    client
        .secrets()
        .inNamespace(namespace)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(REPO_SECRET)
                .addToLabels("argocd.argoproj.io/secret-type", "repository")
                .endMetadata()
                .addToStringData("url", http.url(repo))
                .addToStringData("username", GIT_USER)
                .addToStringData("password", gitPassword)
                .build())
        .create();

    List<AutoCloseable> running = new ArrayList<>();
    if (controllers) {
      Path cache = Files.createTempDirectory("capstan-e2e-controller");
      ArgoController argo =
          ArgoController.start(
              client,
              ControllerSettings.defaults(namespace, cache.resolve("argo"))
                  .withReconciliation(Duration.ofSeconds(3), Duration.ZERO)
                  .withWorkers(4)
                  .withMetricsPort(-1));
      running.add(argo);
      await().atMost(SLOW).until(argo::isLeading);
      Files.createDirectories(cache.resolve("flux"));
      running.add(
          FluxController.start(
              client, FluxSettings.defaults(cache.resolve("flux")).withNamespace(namespace)));
    }
    CapstanServer server =
        CapstanServer.start(
            serverClient,
            ServerOptions.defaults(namespace, Files.createTempDirectory("capstan-e2e-server"))
                .withPort(0));
    String adminPassword =
        SecretBootstrap.decode(
                client
                    .secrets()
                    .inNamespace(namespace)
                    .withName(SecretBootstrap.INITIAL_ADMIN_SECRET)
                    .get())
            .get("password");
    return new CapstanStack(
        client, namespace, git, repo, http, gitPassword, running, server, adminPassword);
  }

  String namespace() {
    return namespace;
  }

  KubernetesClient client() {
    return client;
  }

  /** {@code http://127.0.0.1:PORT} of the server. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  Api api() {
    return new Api(baseUrl());
  }

  String adminPassword() {
    return adminPassword;
  }

  /** The password of the git server, kept in the repository Secret: it must never be shown. */
  String gitPassword() {
    return gitPassword;
  }

  FixtureRepository repo() {
    return repo;
  }

  String repoUrl() {
    return http.url(repo);
  }

  /** Gives {@code reader} a password, set by admin through the API as an operator would. */
  String setReaderPassword() {
    String password = "Rd-" + randomHex(8);
    Api api = api();
    String admin = api.login("admin", adminPassword);
    Api.Response r =
        api.put(
            "/api/v1/account/password",
            admin,
            Map.of("currentPassword", adminPassword, "newPassword", password, "name", READER));
    if (r.status() != 200) {
      throw new AssertionError(
          "setting the reader's password failed: " + r.status() + " " + r.text());
    }
    return password;
  }

  /**
   * Creates one of the example's Argo CD Applications ({@code deploy/argocd/NAME.yaml}), unchanged
   * but for the repository URL, the namespace and the resources finalizer (so the namespaces they
   * create are removed again).
   */
  void createExampleApplication(String name) throws IOException {
    String yaml =
        Files.readString(examples().resolve("deploy/argocd/" + name + ".yaml"))
            .replace("https://github.com/your-org/gitops-repo", repoUrl())
            .replace(
                "namespace: argocd",
                "namespace: "
                    + namespace
                    + "\n  finalizers: [resources-finalizer.argocd.argoproj.io]");
    create(yaml, name);
  }

  /**
   * An Application of the example repository's {@code path} deployed into this namespace; {@code
   * syncPolicy} is YAML under {@code spec.syncPolicy} (empty for manual sync).
   */
  void createApplication(String name, String path, String syncPolicy) {
    String yaml =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: %s
          namespace: %s
        spec:
          project: default
          source:
            repoURL: %s
            targetRevision: main
            path: %s
          destination:
            server: https://kubernetes.default.svc
            namespace: %s
        %s"""
            .formatted(
                name,
                namespace,
                repoUrl(),
                path,
                namespace,
                syncPolicy.isBlank() ? "" : "  syncPolicy:\n" + syncPolicy.indent(4));
    create(yaml, name);
  }

  private void create(String yaml, String name) {
    Application app = client.getKubernetesSerialization().unmarshal(yaml, Application.class);
    app.getMetadata().setNamespace(namespace);
    client.resource(app).create();
    applications.add(name);
  }

  ApplicationStatus status(String app) {
    Application a = client.resources(Application.class).inNamespace(namespace).withName(app).get();
    return a == null || a.getStatus() == null ? ApplicationStatus.empty() : a.getStatus();
  }

  /** Waits until the controller reports {@code app} Synced and Healthy. */
  void awaitSyncedAndHealthy(String app) {
    await()
        .atMost(SLOW)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              ApplicationStatus s = status(app);
              return s.sync() != null
                  && "Synced".equals(s.sync().status())
                  && s.health() != null
                  && "Healthy".equals(s.health().status());
            });
  }

  /** Syncs {@code app} through the API as admin and waits for the operation to succeed. */
  void syncAsAdmin(String app) {
    Api api = api();
    String token = api.login("admin", adminPassword);
    int before = status(app).history().size();
    Api.Response r = api.post("/api/v1/applications/" + app + "/sync", token, Map.of());
    if (r.status() != 200) {
      throw new AssertionError("sync of " + app + " refused: " + r.status() + " " + r.text());
    }
    await()
        .atMost(SLOW)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> status(app).history().size() > before);
    awaitSyncedAndHealthy(app);
  }

  /** Stops the server (the API goes away while a page is open); idempotent. */
  synchronized void stopServer() {
    if (!serverStopped) {
      serverStopped = true;
      server.close();
    }
  }

  private static void installCrds(KubernetesClient client) {
    new CrdInstaller(client).installCapstanCrds();
  }

  /** {@code shared/examples/gitops-repo}, found above the working directory. */
  static Path examples() {
    for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        dir != null;
        dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/examples/gitops-repo");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared/examples/gitops-repo not found above " + System.getProperty("user.dir"));
  }

  private static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  @Override
  public void close() {
    for (String app : applications) {
      client.resources(Application.class).inNamespace(namespace).withName(app).delete();
    }
    try {
      // While the controller still runs, so the finalizer removes what the examples created.
      await()
          .atMost(SLOW)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  client
                      .resources(Application.class)
                      .inNamespace(namespace)
                      .list()
                      .getItems()
                      .stream()
                      .noneMatch(a -> applications.contains(a.getMetadata().getName())));
    } catch (RuntimeException e) {
      System.err.println("CapstanStack: Applications still there after close: " + e.getMessage());
    }
    stopServer();
    for (AutoCloseable c : controllers.reversed()) {
      try {
        c.close();
      } catch (Exception e) {
        System.err.println("CapstanStack: stopping " + c + " failed: " + e);
      }
    }
    git.close();
  }
}
