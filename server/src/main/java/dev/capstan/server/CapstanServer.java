package dev.capstan.server;

import dev.capstan.controller.argo.ApplicationPreview;
import dev.capstan.server.api.AccountService;
import dev.capstan.server.api.ApiException;
import dev.capstan.server.api.ApplicationService;
import dev.capstan.server.api.Authentication;
import dev.capstan.server.api.ErrorHandling;
import dev.capstan.server.api.FluxService;
import dev.capstan.server.api.Json;
import dev.capstan.server.api.ProjectService;
import dev.capstan.server.api.Projects;
import dev.capstan.server.api.SessionService;
import dev.capstan.server.api.StreamService;
import dev.capstan.server.auth.AccountStore;
import dev.capstan.server.auth.LoginLimiter;
import dev.capstan.server.auth.SecretBootstrap;
import dev.capstan.server.auth.TokenService;
import dev.capstan.server.cache.ResourceCache;
import dev.capstan.server.notify.NotificationController;
import dev.capstan.server.rbac.RbacConfigWatch;
import dev.capstan.server.ui.RevisionMetadataHandler;
import dev.capstan.server.ui.UiHandler;
import dev.capstan.server.webhook.WebhookService;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.helidon.common.configurable.Resource;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Optional;

/**
 * The Capstan API server: one Helidon SE webserver (a virtual thread per request) serving the JSON
 * API under {@code /api/v1}, Server-Sent Events, {@code /healthz}, {@code /metrics} and the UI's
 * static files on one port. It reads Applications, Kustomizations and GitRepositories from informer
 * caches and writes requests (operation, refresh, reconcile annotations) for the controllers; it
 * never reconciles itself. It also runs the notification controller.
 *
 * <p>{@link #start} bootstraps the secrets, waits for the caches to fill and opens the port; {@link
 * #close} stops everything. Thread-safe.
 */
public final class CapstanServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(CapstanServer.class.getName());

  private final WebServer web;
  private final AutoCloseable[] resources;
  private final SecretBootstrap.Result bootstrap;

  private CapstanServer(
      WebServer web, SecretBootstrap.Result bootstrap, AutoCloseable... resources) {
    this.web = web;
    this.bootstrap = bootstrap;
    this.resources = resources;
  }

  /** Starts a server with {@code client}'s identity. */
  public static CapstanServer start(KubernetesClient client, ServerOptions options) {
    Clock clock = Clock.systemUTC();
    SecretBootstrap.Result bootstrap = SecretBootstrap.ensure(client, options.namespace(), clock);
    AccountStore accounts = new AccountStore(client, options.namespace());
    RbacConfigWatch rbac = new RbacConfigWatch(client, options.namespace());
    boolean onlyOwn = options.applicationNamespaces().isEmpty();
    ResourceCache apps =
        new ResourceCache(
            client,
            ResourceCache.APPLICATIONS,
            onlyOwn ? Optional.of(options.namespace()) : Optional.empty());
    ResourceCache kustomizations =
        new ResourceCache(client, ResourceCache.KUSTOMIZATIONS, Optional.empty());
    ResourceCache gitRepositories =
        new ResourceCache(client, ResourceCache.GIT_REPOSITORIES, Optional.empty());
    NotificationController notifications =
        NotificationController.start(client, options.namespace(), apps, options::serves);
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    metrics.gauge("capstan_server_applications_cached", apps, ResourceCache::size);
    TokenService tokens = new TokenService(accounts.secretKey(), clock);
    Projects projects = new Projects(client, options.namespace());
    ApplicationService applications =
        new ApplicationService(
            client,
            apps,
            options.namespace(),
            options::serves,
            new ApplicationPreview(client, options.namespace(), options.cacheDirectory()),
            Optional.of(projects));
    boolean tls = options.tlsCertificate().isPresent();
    UiHandler ui = UiHandler.classpath(options.namespace());

    HttpRouting.Builder routing =
        HttpRouting.builder()
            .addFilter(
                (chain, req, res) -> {
                  Timer.Sample sample = Timer.start(metrics);
                  try {
                    chain.proceed();
                  } finally {
                    sample.stop(
                        metrics.timer(
                            "capstan_server_requests",
                            "method",
                            req.prologue().method().text(),
                            "status",
                            String.valueOf(res.status().code())));
                  }
                })
            .addFilter(new Authentication(tokens, accounts, rbac, Optional.of(projects)))
            .get("/healthz", (req, res) -> res.send("ok"))
            .get(
                "/metrics",
                (req, res) -> {
                  res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
                  res.send(metrics.scrape());
                })
            .register(
                "/api/v1/session",
                new SessionService(
                    accounts,
                    tokens,
                    LoginLimiter.defaults(clock),
                    options.sessionTtl(),
                    tls,
                    metrics))
            .register("/api/v1/account", new AccountService(accounts, tokens, clock))
            .register("/api/v1/applications", applications)
            .register("/api/v1/projects", new ProjectService(client, projects, tokens))
            .register(
                "/api/v1/stream", new StreamService(apps, applications, options::serves, metrics))
            .register(
                "/api/v1/kustomizations",
                new FluxService(client, kustomizations, "kustomizations", clock))
            .register(
                "/api/v1/gitrepositories",
                new FluxService(client, gitRepositories, "gitrepositories", clock))
            .register(
                "/api/webhook",
                new WebhookService(client, apps, gitRepositories, accounts::secretValue, clock))
            .get(
                "/api/v1/applications/{name}/revisions/{revision}/metadata",
                new RevisionMetadataHandler(
                    apps,
                    client,
                    options.namespace(),
                    options::serves,
                    options.cacheDirectory().resolve("revision-metadata")))
            .any(
                "/api/*",
                (req, res) -> {
                  throw ApiException.notFound(
                      "no such API: " + req.prologue().method().text() + " " + req.path().path());
                })
            .get("/", ui)
            .get("/*", ui);
    ErrorHandling.register(routing);

    io.helidon.webserver.WebServerConfig.Builder builder =
        WebServer.builder().port(options.port()).maxPayloadSize(Json.MAX_BODY).routing(routing);
    if (tls) {
      builder.tls(
          t ->
              t.privateKey(k -> k.pem(p -> p.key(Resource.create(options.tlsKey().orElseThrow()))))
                  .privateKeyCertChain(
                      k ->
                          k.pem(
                              p ->
                                  p.certChain(
                                      Resource.create(options.tlsCertificate().orElseThrow())))));
    }
    WebServer web = builder.build().start();
    LOG.log(System.Logger.Level.INFO, "capstan server listening on port " + web.port());
    return new CapstanServer(
        web,
        bootstrap,
        notifications,
        apps,
        kustomizations,
        gitRepositories,
        projects,
        rbac,
        accounts,
        metrics::close);
  }

  /** The port the server listens on. */
  public int port() {
    return web.port();
  }

  /** What the start-up did to the secrets. */
  public SecretBootstrap.Result bootstrap() {
    return bootstrap;
  }

  @Override
  public void close() {
    web.stop();
    for (AutoCloseable r : resources) {
      try {
        r.close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "closing " + r + " failed: " + e);
      }
    }
  }
}
