package dev.capstan.controller.argo;

import dev.capstan.controller.api.argo.AppProject;
import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.runtime.MetricsServer;
import dev.capstan.controller.runtime.WorkQueue;
import dev.capstan.engine.cluster.ClusterCache;
import dev.capstan.engine.cluster.DiscoveryResourceTypes;
import dev.capstan.engine.cluster.InformerClusterCache;
import dev.capstan.engine.cluster.ResourceTypes;
import dev.capstan.engine.inventory.OwnerChangeRouter;
import dev.capstan.engine.render.Renderer;
import dev.capstan.engine.source.GitSource;
import dev.capstan.engine.source.GitSourceOptions;
import dev.capstan.engine.sync.HealthWaveGate;
import dev.capstan.engine.sync.Syncer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Argo CD application controller: watches Applications (in the controller's namespace, plus
 * {@link ControllerSettings#applicationNamespaces()}), reconciles each through {@link
 * ApplicationReconciler} on a bounded work queue, routes drift of managed objects back to their
 * Application through the cluster cache, polls Git on an interval, serves {@code /metrics}, and —
 * when leader election is on — reconciles only while it holds the Lease {@code capstan-controller}
 * in the controller's namespace.
 *
 * <p>Start with {@link #start}; {@link #close} stops everything (and gives the Lease up).
 *
 * <p>Each time the Lease is taken a <em>term</em> begins: the informers, cluster cache and work
 * queue are started for it (on a thread of their own, retried every {@link #START_RETRY} while a
 * start fails, so the elector keeps renewing meanwhile) and closed when the term ends. Metrics, the
 * Git cache and what is known about interrupted operations belong to the controller and outlive
 * terms.
 */
public final class ArgoController implements AutoCloseable {

  /** Name of the leader-election Lease. */
  public static final String LEASE = "capstan-controller";

  /** The settings ConfigMap, in Argo CD's {@code argocd-cm} format. */
  public static final String CONFIG_MAP = "capstan-cm";

  private static final Logger LOG = LoggerFactory.getLogger(ArgoController.class);

  /** How long a sync waits for one wave to become healthy before the next. */
  private static final Duration WAVE_TIMEOUT = Duration.ofMinutes(5);

  /** How long one ask of the health gate lasts, so progress and outages show between asks. */
  private static final Duration GATE_SLICE = Duration.ofSeconds(2);

  /** How long a leader waits before it tries again to start reconciling after a failed start. */
  private static final Duration START_RETRY = Duration.ofSeconds(2);

  private final KubernetesClient client;
  private final ControllerSettings settings;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Optional<MetricsServer> metricsServer;

  /**
   * Created once: the Prometheus registry takes each metric name once, so a second term must not
   * register them again.
   */
  private final AppMetrics metrics;

  /** Created once: a Git cache directory has one owner. */
  private final GitSource git;

  /**
   * Guards {@link #term}, {@link #running}, {@link #closed} and the writes of {@link #leading}.
   * Never held while talking to the API server, so losing the Lease stops reconciling at once.
   */
  private final Object lifecycle = new Object();

  /** The current term; any start or end of a term moves it on. */
  private long term;

  /** What the current term started, closed (in reverse) when it ends. */
  private final List<AutoCloseable> running = new ArrayList<>();

  private volatile boolean leading;

  /** Why each Application's operation was interrupted; kept across leadership terms. */
  private final Map<AppKey, String> interruptions = new java.util.concurrent.ConcurrentHashMap<>();

  /** What an operation found Running was interrupted by, when nothing more precise is known. */
  private volatile String stopNote = "the controller stopped while the operation was running";

  private volatile CompletableFuture<?> election;
  private volatile boolean closed;

  private ArgoController(KubernetesClient client, ControllerSettings settings) {
    this.client = client;
    // Watch events then arrive as these classes (as FluxController does for its kinds).
    client.getKubernetesSerialization().registerKubernetesResource(Application.class);
    client.getKubernetesSerialization().registerKubernetesResource(AppProject.class);
    this.settings = settings;
    this.metricsServer =
        settings.metricsPort() < 0
            ? Optional.empty()
            : Optional.of(new MetricsServer(registry, "0.0.0.0", settings.metricsPort()));
    this.metrics = new AppMetrics(registry);
    this.git = new GitSource(GitSourceOptions.defaults(settings.cacheDirectory()));
  }

  /** Starts the controller (immediately, or once elected when leader election is on). */
  public static ArgoController start(KubernetesClient client, ControllerSettings settings) {
    ArgoController controller = new ArgoController(client, settings);
    if (settings.leaderElection()) {
      controller.elect();
    } else {
      try {
        controller.startReconciling(controller.beginTerm());
      } catch (RuntimeException e) {
        controller.close();
        throw e;
      }
    }
    return controller;
  }

  /** The port {@code /metrics} is served on, empty when metrics are off. */
  public Optional<Integer> metricsPort() {
    return metricsServer.map(MetricsServer::port);
  }

  /** The metrics registry (for tests and embedding). */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** True while this instance reconciles (it leads, or leader election is off). */
  public boolean isLeading() {
    return leading;
  }

  private void elect() {
    String identity = hostName() + "_" + UUID.randomUUID();
    // fabric8 may report the end of leadership more than once; one re-election per elector.
    AtomicBoolean ended = new AtomicBoolean();
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      election =
          client
              .leaderElector()
              .withConfig(
                  new LeaderElectionConfigBuilder()
                      .withName(LEASE)
                      .withLock(new LeaseLock(settings.namespace(), LEASE, identity))
                      .withLeaseDuration(Duration.ofSeconds(15))
                      .withRenewDeadline(Duration.ofSeconds(10))
                      .withRetryPeriod(Duration.ofSeconds(2))
                      .withReleaseOnCancel(true)
                      .withLeaderCallbacks(
                          new LeaderCallbacks(
                              this::leadershipStarted,
                              () -> {
                                if (ended.compareAndSet(false, true)) {
                                  leadershipLost();
                                }
                              },
                              leader -> LOG.info("leader is {}", leader)))
                      .build())
              .build()
              .start();
    }
  }

  /**
   * Called by the elector (inside its lock, on its thread) once the Lease is ours. The start talks
   * to the API server and may fail or take long, so it runs on a thread of its own: the elector
   * goes on renewing meanwhile, and an exception never reaches it (fabric8 would hold the Lease
   * without calling back again, or give it up and end the election).
   */
  private void leadershipStarted() {
    long t = beginTerm();
    if (t < 0) {
      return;
    }
    Thread.ofVirtual().name("capstan-start-reconciling").start(() -> startWhileLeading(t));
  }

  private void leadershipLost() {
    if (closed) {
      return;
    }
    LOG.warn(
        "lost the Lease {}/{}: stopping reconciles until it is taken again",
        settings.namespace(),
        LEASE);
    stopNote =
        "the controller lost its leader Lease (the API server did not answer within the renew"
            + " deadline)";
    stopReconciling();
    // Stand for election again: an API server outage must not end reconciling for good.
    Thread.ofVirtual().name("capstan-reelect").start(this::elect);
  }

  /** Starts reconciling for term {@code t}, again after each failure, until the term ends. */
  private void startWhileLeading(long t) {
    while (isCurrent(t)) {
      try {
        startReconciling(t);
        return;
      } catch (TermEnded e) {
        return;
      } catch (RuntimeException e) {
        if (!abandon(t)) {
          return;
        }
        LOG.warn(
            "leading, but starting to reconcile failed ({}); retrying in {} s",
            describe(e),
            START_RETRY.toSeconds());
        LockSupport.parkNanos(START_RETRY.toNanos());
      }
    }
  }

  /** A new term, or -1 once the controller is closed. */
  private long beginTerm() {
    synchronized (lifecycle) {
      if (closed) {
        return -1;
      }
      return ++term;
    }
  }

  private boolean isCurrent(long t) {
    synchronized (lifecycle) {
      return t == term && !closed;
    }
  }

  /** Adds {@code c} to term {@code t}'s things to close; closes it at once if the term is over. */
  private <T extends AutoCloseable> T own(long t, T c) {
    boolean current;
    synchronized (lifecycle) {
      current = t == term && !closed;
      if (current) {
        running.add(c);
      }
    }
    if (!current) {
      closeAll(List.of(c));
      throw new TermEnded();
    }
    return c;
  }

  /** Closes what a failed start of term {@code t} started; false when the term is already over. */
  private boolean abandon(long t) {
    List<AutoCloseable> started;
    synchronized (lifecycle) {
      if (t != term || closed) {
        return false;
      }
      started = new ArrayList<>(running);
      running.clear();
    }
    closeAll(started.reversed());
    return true;
  }

  /**
   * Starts the informers, cluster cache and work queue for term {@code t}; each is owned by the
   * term as soon as it exists. Throws {@link TermEnded} when the term ended meanwhile.
   */
  private void startReconciling(long t) {
    Map<String, String> config = configMap();
    ResourceTypes types = new DiscoveryResourceTypes(client);
    // Indexed by the Application a tracking id names, so a sync finds its objects to prune without
    // looking through every watched object.
    ClusterCache cache =
        own(t, new InformerClusterCache(client, types, OwnerChangeRouter::trackingIdOwner));
    List<SharedIndexInformer<Application>> appInformers =
        new java.util.concurrent.CopyOnWriteArrayList<>();
    RefreshLevels levels = new RefreshLevels();
    AtomicReference<WorkQueue<AppKey>> queueRef = new AtomicReference<>();
    // capstan-cm is watched: health scripts, ignore rules and poll timing apply on the next
    // reconcile, and every Application is queued when it changes.
    ArgoConfigWatch configWatch =
        own(
            t,
            new ArgoConfigWatch(
                client, settings, config, () -> requeueAll(appInformers, queueRef.get(), levels)));
    // As Argo CD: a sync wave starts only once the previous wave is healthy (Degraded stops it).
    // The health gate is asked in short slices, with the health checks of the current config.
    ReportingWaveGate gate =
        new ReportingWaveGate(
            () ->
                new HealthWaveGate(
                    client,
                    types,
                    configWatch.current().assessor(),
                    GATE_SLICE,
                    Duration.ofSeconds(1)),
            WAVE_TIMEOUT);
    ApplicationStore store = new ApplicationStore(client);
    List<String> appNamespaces = new ArrayList<>(settings.applicationNamespaces());
    appNamespaces.add(settings.namespace());
    // Repository Secrets, known hosts and AppProjects come from watches: a reconcile reads none
    // of them from the API server.
    WatchedRepositorySecrets repositorySecrets =
        own(
            t,
            new WatchedRepositorySecrets(
                client, settings.namespace(), appNamespaces, settings.watchesAllNamespaces()));
    ProjectLookup projects = own(t, new ProjectLookup(client, settings.namespace()));
    ApplicationReconciler reconciler =
        new ApplicationReconciler(
            projects::get,
            settings,
            store,
            new SourceFetcher(repositorySecrets, git, metrics::gitRequest),
            new Renderer(),
            new Syncer(client, types, Optional.of(cache), gate),
            new HealthView(cache, () -> configWatch.current().assessor()),
            new AppEvents(client, Clock.systemUTC()),
            metrics,
            Clock.systemUTC(),
            configWatch::current,
            interruptions,
            () -> stopNote,
            levels);
    WorkQueue<AppKey> queue =
        own(t, new WorkQueue<>("argo-app", settings.workers(), reconciler::reconcile));
    queueRef.set(queue);
    own(
        t,
        cache.addListener(
            OwnerChangeRouter.byTrackingId(
                (owner, key) -> {
                  AppKey app = AppKey.fromInstanceName(owner, settings.namespace());
                  if (settings.watches(app.namespace())) {
                    LOG.debug("{} changed: reconciling {}", key, app);
                    levels.full(app);
                    queue.add(app);
                  }
                })));
    // A managed object whose status alone changed (a rollout progressing): its Application's
    // health is assessed again from the cache at once, without comparing with Git.
    own(
        t,
        cache.addListener(
            change -> {
              if (change.meaningful()) {
                return;
              }
              change
                  .after()
                  .flatMap(OwnerChangeRouter::trackingIdOwner)
                  .map(owner -> AppKey.fromInstanceName(owner, settings.namespace()))
                  .filter(app -> settings.watches(app.namespace()))
                  .ifPresent(
                      app -> {
                        levels.healthOnly(app);
                        queue.add(app);
                      });
            }));
    // A change of a project may allow or refuse its Applications: look at them all again.
    projects.onChange(() -> requeueAll(appInformers, queue, levels));
    for (var op : applicationSources()) {
      SharedIndexInformer<Application> informer =
          op.inform(new ApplicationEvents(queue, metrics, store, levels), 0);
      appInformers.add(informer);
      own(t, informer::close);
    }
    store.readFrom(key -> cached(appInformers, key));
    synchronized (lifecycle) {
      if (t != term || closed) {
        throw new TermEnded();
      }
      leading = true;
    }
    LOG.info(
        "Argo CD controller reconciling Applications in {} with {} workers",
        settings.watchesAllNamespaces()
            ? "all namespaces"
            : settings.namespace()
                + (settings.applicationNamespaces().isEmpty()
                    ? ""
                    : " + " + settings.applicationNamespaces()),
        settings.workers());
  }

  private static Optional<Application> cached(
      List<SharedIndexInformer<Application>> informers, AppKey key) {
    String storeKey = key.namespace() + "/" + key.name();
    for (SharedIndexInformer<Application> informer : informers) {
      Application app = informer.getStore().getByKey(storeKey);
      if (app != null) {
        return Optional.of(app);
      }
    }
    return Optional.empty();
  }

  private static void requeueAll(
      List<SharedIndexInformer<Application>> informers,
      WorkQueue<AppKey> queue,
      RefreshLevels levels) {
    if (queue == null) {
      return;
    }
    for (SharedIndexInformer<Application> informer : informers) {
      for (Application app : informer.getStore().list()) {
        AppKey key = new AppKey(app.getMetadata().getNamespace(), app.getMetadata().getName());
        levels.full(key);
        queue.add(key);
      }
    }
  }

  private List<io.fabric8.kubernetes.client.dsl.Informable<Application>> applicationSources() {
    var apps = client.resources(Application.class);
    if (settings.watchesAllNamespaces()) {
      return List.of(apps.inAnyNamespace());
    }
    List<io.fabric8.kubernetes.client.dsl.Informable<Application>> out = new ArrayList<>();
    out.add(apps.inNamespace(settings.namespace()));
    settings.applicationNamespaces().stream()
        .filter(ns -> !ns.equals(settings.namespace()))
        .distinct()
        .forEach(ns -> out.add(apps.inNamespace(ns)));
    return out;
  }

  private Map<String, String> configMap() {
    try {
      ConfigMap cm =
          client.configMaps().inNamespace(settings.namespace()).withName(CONFIG_MAP).get();
      return cm == null || cm.getData() == null ? Map.of() : cm.getData();
    } catch (KubernetesClientException e) {
      LOG.warn("{}/{} not read: {}", settings.namespace(), CONFIG_MAP, e.getMessage());
      return Map.of();
    }
  }

  /** Ends the current term: {@link #isLeading()} is false at once, then its parts are closed. */
  private void stopReconciling() {
    List<AutoCloseable> started;
    synchronized (lifecycle) {
      term++;
      leading = false;
      started = new ArrayList<>(running);
      running.clear();
    }
    closeAll(started.reversed());
  }

  private static void closeAll(List<AutoCloseable> parts) {
    for (AutoCloseable c : parts) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.debug("close failed: {}", e.toString());
      }
    }
  }

  @Override
  public void close() {
    CompletableFuture<?> elected;
    synchronized (lifecycle) {
      closed = true;
      elected = election;
    }
    stopReconciling();
    if (elected != null) {
      elected.cancel(true);
    }
    metricsServer.ifPresent(MetricsServer::close);
    registry.close();
  }

  /** The message of {@code e} and of its root cause, for one log line. */
  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + root.getMessage();
  }

  /** Thrown inside a start whose term ended meanwhile (what it started is closed). */
  private static final class TermEnded extends RuntimeException {
    TermEnded() {
      super("the leadership term ended", null, false, false);
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "capstan";
    }
  }

  /** Queues Applications on changes a user makes; status-only writes (our own) are ignored. */
  private record ApplicationEvents(
      WorkQueue<AppKey> queue, AppMetrics metrics, ApplicationStore store, RefreshLevels levels)
      implements ResourceEventHandler<Application> {

    @Override
    public void onAdd(Application app) {
      levels.full(key(app));
      queue.add(key(app));
    }

    @Override
    public void onUpdate(Application before, Application after) {
      store.seen(after);
      boolean relevant =
          !Objects.equals(before.getMetadata().getGeneration(), after.getMetadata().getGeneration())
              || !Objects.equals(
                  before.getMetadata().getAnnotations(), after.getMetadata().getAnnotations())
              || !Objects.equals(before.getMetadata().getLabels(), after.getMetadata().getLabels())
              || !Objects.equals(
                  before.getMetadata().getFinalizers(), after.getMetadata().getFinalizers())
              || !Objects.equals(before.operation(), after.operation())
              || after.getMetadata().getDeletionTimestamp() != null;
      if (relevant) {
        levels.full(key(after));
        queue.add(key(after));
      }
    }

    @Override
    public void onDelete(Application app, boolean unknownFinalState) {
      store.forget(key(app));
      queue.forget(key(app));
      metrics.forget(key(app));
    }

    private static AppKey key(Application app) {
      return new AppKey(app.getMetadata().getNamespace(), app.getMetadata().getName());
    }
  }
}
