package dev.capstan.controller.argo;

import dev.capstan.controller.api.argo.AppProject;
import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.api.argo.ApplicationDestination;
import dev.capstan.controller.api.argo.ApplicationSource;
import dev.capstan.controller.api.argo.ApplicationSpec;
import dev.capstan.controller.api.argo.ApplicationStatus;
import dev.capstan.controller.api.argo.ApplicationStatus.ComparedTo;
import dev.capstan.controller.api.argo.ApplicationStatus.ResourceStatus;
import dev.capstan.controller.api.argo.ApplicationStatus.SyncStatus;
import dev.capstan.controller.api.argo.Operation;
import dev.capstan.controller.api.argo.OperationState;
import dev.capstan.controller.api.argo.SyncPolicy;
import dev.capstan.engine.cluster.ClusterException;
import dev.capstan.engine.inventory.Inventory;
import dev.capstan.engine.inventory.Ownership;
import dev.capstan.engine.inventory.TrackingIdOwnership;
import dev.capstan.engine.render.GitRemoteBases;
import dev.capstan.engine.render.RenderResult;
import dev.capstan.engine.render.RenderSource;
import dev.capstan.engine.render.Renderer;
import dev.capstan.engine.source.GitSourceException;
import dev.capstan.engine.sync.SyncOptions;
import dev.capstan.engine.sync.SyncResult;
import dev.capstan.engine.sync.Syncer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles one Argo CD Application: load → deletion (cascade through the resources finalizer) →
 * spec and project checks → fetch and render Git → compare (a dry-run sync) → sync when a sync was
 * requested ({@code operation}) or automated sync applies → health → status.
 *
 * <p>Idempotent: reconciling an Application whose cluster state already matches Git writes only its
 * status. Safe on bad input: when Git cannot be read or rendered, the status says so in a {@code
 * ComparisonError} condition and nothing is applied or pruned; the last good resources and health
 * stay in the status. One reconcile per Application at a time (the work queue guarantees it);
 * different Applications may be reconciled concurrently.
 *
 * <p>Returns when to look again: the poll interval with jitter, or a retry backoff.
 */
public final class ApplicationReconciler {

  /** Argo CD's cascade-deletion finalizer (and its propagation variants). */
  public static final String FINALIZER = "resources-finalizer.argocd.argoproj.io";

  static final List<String> FINALIZERS =
      List.of(FINALIZER, FINALIZER + "/background", FINALIZER + "/foreground");

  /** Argo CD's refresh request annotation ({@code normal} or {@code hard}). */
  public static final String REFRESH = "argocd.argoproj.io/refresh";

  private static final Logger LOG = LoggerFactory.getLogger(ApplicationReconciler.class);
  private static final Duration TRANSIENT_RETRY = Duration.ofSeconds(15);

  /** How soon to look again while the API server does not answer. */
  private static final Duration OUTAGE_RETRY = Duration.ofSeconds(2);

  private final ControllerSettings settings;
  private final ApplicationStore store;
  private final SourceFetcher fetcher;
  private final Renderer renderer;
  private final Syncer syncer;
  private final HealthView health;
  private final OperationRunner runner;
  private final AppEvents events;
  private final AppMetrics metrics;
  private final Clock clock;
  private final Supplier<ArgoConfig> config;

  /** Why an Application's last operation was interrupted, until it is resumed. */
  private final Map<AppKey, String> interruptions;

  private final Supplier<String> stopNote;

  private final RefreshLevels levels;

  /** When each Application was last compared with Git (health-only refreshes in between). */
  private final Map<AppKey, Instant> compared = new java.util.concurrent.ConcurrentHashMap<>();

  /** AppProjects of the controller's namespace by name. */
  private final java.util.function.Function<String, Optional<AppProject>> projects;

  ApplicationReconciler(
      java.util.function.Function<String, Optional<AppProject>> projects,
      ControllerSettings settings,
      ApplicationStore store,
      SourceFetcher fetcher,
      Renderer renderer,
      Syncer syncer,
      HealthView health,
      AppEvents events,
      AppMetrics metrics,
      Clock clock,
      Supplier<ArgoConfig> config,
      Map<AppKey, String> interruptions,
      Supplier<String> stopNote,
      RefreshLevels levels) {
    this.levels = levels;
    this.projects = projects;
    this.config = config;
    this.interruptions = interruptions;
    this.stopNote = stopNote;
    this.settings = settings;
    this.store = store;
    this.fetcher = fetcher;
    this.renderer = renderer;
    this.syncer = syncer;
    this.health = health;
    this.events = events;
    this.metrics = metrics;
    this.clock = clock;
    this.runner = new OperationRunner(syncer, events, metrics, clock);
  }

  /** Reconciles the Application {@code key}; see the class documentation. */
  public Optional<Duration> reconcile(AppKey key) {
    long start = System.nanoTime();
    try {
      return reconcileOnce(key);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 0 && e.getCode() < 500) {
        throw e;
      }
      // The API server is down or restarting: one line, no stack trace, look again soon. A sync
      // that was running keeps its Running state and is resumed then.
      LOG.warn(
          "{}: the API server did not answer ({}); retrying in {} s",
          key,
          firstLine(e.getMessage()),
          OUTAGE_RETRY.toSeconds());
      return Optional.of(OUTAGE_RETRY);
    } finally {
      metrics.reconciled(Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private Optional<Duration> reconcileOnce(AppKey key) {
    boolean healthOnly = levels.takeHealthOnly(key);
    Optional<Application> loaded = store.get(key);
    if (loaded.isEmpty()) {
      metrics.forget(key);
      compared.remove(key);
      return Optional.empty();
    }
    Application app = loaded.get();
    ApplicationStatus previous =
        app.getStatus() == null ? ApplicationStatus.empty() : app.getStatus();
    if (healthOnly) {
      Optional<Optional<Duration>> refreshed = refreshHealth(key, app, previous);
      if (refreshed.isPresent()) {
        return refreshed.get();
      }
    }
    compared.put(key, clock.instant());
    Ownership ownership = new TrackingIdOwnership(key.instanceName(settings.namespace()));
    if (app.getMetadata().getDeletionTimestamp() != null) {
      return finalizeDeletion(key, app, previous, ownership);
    }

    StatusDraft draft = new StatusDraft(previous);
    Optional<String> invalid = validate(key, app.getSpec());
    if (invalid.isPresent()) {
      draft.sync = unknownSync(app.getSpec(), List.of());
      draft.condition(StatusDraft.INVALID_SPEC, invalid.get());
      app.operation().ifPresent(op -> draft.operationState = errored(op, invalid.get()));
      Optional<Duration> next = finish(key, app, previous, draft, poll());
      app.operation().ifPresent(op -> store.removeOperation(key, op));
      return next;
    }

    ApplicationSpec spec = app.getSpec();
    List<dev.capstan.engine.diff.IgnoreDifference> systemIgnores = config.get().ignores();
    SyncPolicy policy =
        spec.syncPolicy() == null ? new SyncPolicy(null, null, null, null) : spec.syncPolicy();
    boolean autoPrune = policy.automatedSyncEnabled() && policy.automated().prune();
    Inventory inventory = ResourceStatuses.inventory(previous.resources());
    SyncOptions previewOptions =
        SpecTranslator.syncOptions(spec, List.of(), autoPrune, systemIgnores).withDryRun(true);

    Rendered rendered;
    Comparison comparison;
    try {
      rendered = render(key, spec.effectiveSources(), List.of());
      comparison = compare(ownership, rendered, inventory, previewOptions);
    } catch (ComparisonFailure e) {
      draft.sync =
          unknownSync(spec, previous.sync() == null ? List.of() : previous.sync().revisions());
      draft.condition(StatusDraft.COMPARISON_ERROR, e.getMessage());
      app.operation().ifPresent(op -> draft.operationState = errored(op, e.getMessage()));
      if (previous.conditions().stream()
          .noneMatch(
              c ->
                  c.type().equals(StatusDraft.COMPARISON_ERROR)
                      && c.message().equals(e.getMessage()))) {
        events.warning(app, "ComparisonError", e.getMessage());
      }
      Optional<Duration> next =
          finish(
              key,
              app,
              previous,
              draft,
              !e.transientFailure
                  ? poll()
                  : Optional.of(
                      ReportingWaveGate.apiServerUnavailable(e.getMessage())
                          ? OUTAGE_RETRY
                          : TRANSIENT_RETRY));
      app.operation().ifPresent(op -> store.removeOperation(key, op));
      return next;
    }

    Optional<Duration> next = poll();
    Optional<OperationRunner.Run> run = Optional.empty();
    Optional<Operation> requested = app.operation().filter(op -> op.sync() != null);
    if (requested.isPresent()) {
      run = runRequested(key, app, ownership, requested.get(), rendered, inventory, draft);
      if (run.isPresent() && run.get().interrupted()) {
        // Kept: the operation runs again when the API server answers.
        Optional<Duration> result = finish(key, app, previous, draft, Optional.of(OUTAGE_RETRY));
        return result;
      }
    } else if (policy.automatedSyncEnabled() && (!comparison.synced() || interrupted(previous))) {
      Optional<OperationRunner.Resumption> resumption = resumption(key, previous);
      AutoSync.Decision decision =
          resumption.isPresent()
              ? new AutoSync.Decision.Sync(
                  previous.operationState().retryCount(),
                  previous.operationState().operation() == null
                          || previous.operationState().operation().sync() == null
                      ? 0
                      : previous.operationState().operation().sync().autoHealAttemptsCount())
              : AutoSync.decide(policy, comparison, previous.operationState(), clock);
      switch (decision) {
        case AutoSync.Decision.Sync s -> {
          Operation op =
              AutoSync.operation(comparison.revisions(), autoPrune, policy, s.healAttempts());
          run =
              Optional.of(
                  runner.run(
                      key,
                      app,
                      ownership,
                      op,
                      rendered.objects(),
                      inventory,
                      SpecTranslator.syncOptions(spec, List.of(), autoPrune, systemIgnores),
                      comparison.revisions(),
                      spec.effectiveSources(),
                      s.retryCount(),
                      resumption,
                      progress(key, previous)));
          draft.operationState = run.get().state();
          if (run.get().interrupted()) {
            next = Optional.of(OUTAGE_RETRY);
          } else if (run.get().succeeded()) {
            draft.history =
                OperationRunner.appendHistory(
                    previous.history(),
                    run.get().state(),
                    spec.effectiveSources(),
                    spec.effectiveRevisionHistoryLimit());
          } else {
            next = AutoSync.retryDelay(policy, s.retryCount()).or(() -> poll());
          }
        }
        case AutoSync.Decision.Skip s -> {
          if (s.condition()) {
            draft.condition(StatusDraft.SYNC_ERROR, s.reason());
          }
          LOG.debug("{}: {}", key, s.reason());
        }
        case AutoSync.Decision.Wait w -> next = Optional.of(w.delay());
      }
    } else if (interrupted(previous)) {
      // Nobody resumes it (automated sync is off now, and no sync is requested).
      OperationState last = previous.operationState();
      draft.operationState =
          new OperationState(
              last.operation(),
              OperationState.ERROR,
              "The operation was interrupted ("
                  + interruptionNote(key)
                  + ") and is not resumed: automated sync is off; sync again",
              last.syncResult(),
              last.startedAt(),
              now(),
              last.retryCount());
      interruptions.remove(key);
    }
    if (run.isPresent() && run.get().interrupted()) {
      interruptions.put(key, firstLine(run.get().state().message()));
      // The API server did not answer during the sync: the status keeps the rows it had; the
      // operation stays Running and is resumed when the server answers again.
      Optional<Duration> result = finish(key, app, previous, draft, next);
      return result;
    }
    if (run.isPresent()) {
      interruptions.remove(key);
      // The status reflects the cluster after the sync: from the sync's own result when it applied
      // exactly what was compared, otherwise by comparing again.
      comparison =
          requested.map(op -> syncsComparedState(op.sync())).orElse(true)
              ? comparison.afterSync(run.get().result())
              : compare(ownership, rendered, run.get().result().inventory(), previewOptions);
    }

    List<ResourceStatus> rows = comparison.resources();
    HealthView.Assessed assessed =
        health.assess(
            rows,
            rendered.objects(),
            run.map(r -> r.result().observed()).orElse(java.util.Map.of()));
    draft.resources = assessed.rows();
    draft.health = assessed.status();
    draft.sync =
        new SyncStatus(
            comparison.synced() ? SyncStatus.SYNCED : SyncStatus.OUT_OF_SYNC,
            comparison.revisions().size() == 1 ? comparison.revisions().getFirst() : "",
            comparison.revisions().size() > 1 ? comparison.revisions() : List.of(),
            comparedTo(spec));
    draft.sourceType = rendered.types().isEmpty() ? "" : rendered.types().getFirst().toString();
    draft.sourceTypes =
        spec.hasMultipleSources()
            ? rendered.types().stream().map(Object::toString).toList()
            : List.of();
    comparison.sharedWarnings().forEach(w -> draft.condition(StatusDraft.SHARED_RESOURCE, w));
    if (draft.operationState != null
        && (OperationState.FAILED.equals(draft.operationState.phase())
            || OperationState.ERROR.equals(draft.operationState.phase()))
        && draft.operationState.syncResult() != null
        && String.join(",", comparison.revisions()).equals(syncedRevision(draft.operationState))) {
      draft.condition(StatusDraft.SYNC_ERROR, draft.operationState.message());
    }
    Optional<Duration> result = finish(key, app, previous, draft, next);
    requested.ifPresent(op -> store.removeOperation(key, op));
    return result;
  }

  /**
   * True when a requested sync applies the state just compared: the Application's own sources at
   * their target revisions, every resource, for real.
   */
  private static boolean syncsComparedState(Operation.SyncOperation sync) {
    return sync.revisions().isEmpty()
        && sync.revision().isEmpty()
        && sync.source() == null
        && sync.sources().isEmpty()
        && sync.resources().isEmpty()
        && !sync.dryRun();
  }

  /**
   * Assesses the health of the resources the last comparison found, from the cluster cache, and
   * writes the status when it changed; empty when a full reconcile is due instead (no comparison
   * yet, an operation or deletion pending, a refresh asked for, the poll's time come).
   */
  private Optional<Optional<Duration>> refreshHealth(
      AppKey key, Application app, ApplicationStatus previous) {
    Instant last = compared.get(key);
    Duration interval = config.get().reconciliation();
    Instant now = clock.instant();
    boolean due = last == null || !now.isBefore(last.plus(interval));
    boolean refreshRequested = refreshRequested(app);
    if (due
        || refreshRequested
        || previous.sync() == null
        || previous.resources().isEmpty()
        || app.operation().isPresent()
        || app.getMetadata().getDeletionTimestamp() != null
        || interrupted(previous)) {
      return Optional.empty();
    }
    Optional<Duration> untilPoll = Optional.of(Duration.between(now, last.plus(interval)));
    HealthView.Assessed assessed = health.assess(previous.resources(), List.of());
    if (assessed.rows().equals(previous.resources())
        && previous.health() != null
        && assessed.status().status().equals(previous.health().status())) {
      return Optional.of(untilPoll);
    }
    StatusDraft draft = new StatusDraft(previous);
    draft.resources = assessed.rows();
    draft.health = assessed.status();
    previous.conditions().forEach(c -> draft.condition(c.type(), c.message()));
    LOG.debug("{}: health refreshed: {}", key, assessed.status().status());
    return Optional.of(finish(key, app, previous, draft, untilPoll));
  }

  private Optional<OperationRunner.Run> runRequested(
      AppKey key,
      Application app,
      Ownership ownership,
      Operation op,
      Rendered current,
      Inventory inventory,
      StatusDraft draft) {
    Operation.SyncOperation sync = op.sync();
    ApplicationSpec spec = app.getSpec();
    List<ApplicationSource> sources =
        !sync.sources().isEmpty()
            ? sync.sources()
            : sync.source() != null ? List.of(sync.source()) : spec.effectiveSources();
    List<String> revisions =
        !sync.revisions().isEmpty()
            ? sync.revisions()
            : sync.revision().isEmpty() ? List.of() : List.of(sync.revision());
    Rendered rendered = current;
    if (!revisions.isEmpty() || sync.source() != null || !sync.sources().isEmpty()) {
      try {
        rendered = render(key, sources, revisions);
      } catch (ComparisonFailure e) {
        draft.operationState = errored(op, e.getMessage());
        events.warning(app, "OperationCompleted", "Sync operation failed: " + e.getMessage());
        return Optional.empty();
      }
    }
    List<GenericKubernetesResource> desired =
        ResourceFilter.select(rendered.objects(), sync.resources());
    SyncOptions options =
        SpecTranslator.syncOptions(
                spec,
                sync.syncOptions(),
                sync.prune() && sync.resources().isEmpty(),
                config.get().ignores())
            .withDryRun(sync.dryRun());
    OperationRunner.Run run =
        runner.run(
            key,
            app,
            ownership,
            op,
            desired,
            inventory,
            options,
            rendered.revisions(),
            sources,
            0,
            resumption(key, app.getStatus() == null ? ApplicationStatus.empty() : app.getStatus()),
            progress(key, app.getStatus() == null ? ApplicationStatus.empty() : app.getStatus()));
    draft.operationState = run.state();
    if (run.interrupted()) {
      interruptions.put(key, firstLine(run.state().message()));
      return Optional.of(run);
    }
    if (run.succeeded() && !sync.dryRun()) {
      draft.history =
          OperationRunner.appendHistory(
              draft.history, run.state(), sources, spec.effectiveRevisionHistoryLimit());
    }
    return Optional.of(run);
  }

  private Optional<Duration> finalizeDeletion(
      AppKey key, Application app, ApplicationStatus previous, Ownership ownership) {
    List<String> finalizers =
        app.getMetadata().getFinalizers() == null ? List.of() : app.getMetadata().getFinalizers();
    if (finalizers.stream().noneMatch(FINALIZERS::contains)) {
      return Optional.empty();
    }
    SyncResult result =
        syncer.sync(
            ownership,
            List.of(),
            ResourceStatuses.inventory(previous.resources()),
            SyncOptions.defaults().withPrune(true).withAllowEmpty(true));
    if (result.changes().hasFailures()) {
      StatusDraft draft = new StatusDraft(previous);
      String message =
          "cascade deletion failed: "
              + result.changes().with(dev.capstan.engine.sync.Action.FAILED);
      draft.condition(StatusDraft.DELETION_ERROR, message);
      events.warning(app, "DeletionError", message);
      store.writeStatus(key, draft.build(now(), settings.namespace()));
      return Optional.of(TRANSIENT_RETRY);
    }
    LOG.info(
        "{} deleted with its resources: {}",
        key,
        result.changes().with(dev.capstan.engine.sync.Action.DELETED));
    events.normal(
        app,
        "ResourceDeleted",
        "Deleted application resources: "
            + result.changes().with(dev.capstan.engine.sync.Action.DELETED).size());
    store.removeFinalizers(key, finalizers, FINALIZERS);
    metrics.forget(key);
    return Optional.empty();
  }

  private Optional<String> validate(AppKey key, ApplicationSpec spec) {
    if (spec == null || spec.effectiveSources().isEmpty()) {
      return Optional.of("spec.source or spec.sources is required");
    }
    ApplicationDestination d = spec.destination();
    boolean inCluster =
        (d.server().isEmpty() || d.server().equals(ApplicationDestination.IN_CLUSTER))
            && (d.name().isEmpty() || d.name().equals("in-cluster"));
    if (d.server().isEmpty() && d.name().isEmpty()) {
      return Optional.of("Destination server missing from app spec");
    }
    if (!inCluster) {
      return Optional.of(
          "cluster "
              + (d.server().isEmpty() ? d.name() : d.server())
              + " is not supported: Capstan deploys to the cluster it runs in ("
              + ApplicationDestination.IN_CLUSTER
              + ")");
    }
    String projectName = spec.project().isEmpty() ? "default" : spec.project();
    Optional<AppProject> project = projects.apply(projectName);
    return ProjectCheck.violation(
        projectName, project, key.namespace(), settings.namespace(), spec);
  }

  private Rendered render(AppKey key, List<ApplicationSource> sources, List<String> revisions) {
    try (SourceFetcher.Fetched fetched = fetcher.fetch(key.namespace(), sources, revisions);
        GitRemoteBases remoteBases = fetcher.remoteBases(key.namespace())) {
      List<RenderSource> inputs = new ArrayList<>();
      for (int i = 0; i < sources.size(); i++) {
        if (!SpecTranslator.isRefOnly(sources.get(i))) {
          inputs.add(
              SpecTranslator.renderSource(
                  sources.get(i), fetched.snapshots().get(i).orElseThrow().root()));
        }
      }
      RenderResult result = renderer.render(inputs, remoteBases);
      if (!result.succeeded()) {
        throw new ComparisonFailure("Failed to load target state: " + result.errorMessage(), false);
      }
      return new Rendered(fetched.revisions(), result.types(), result.objects());
    } catch (GitSourceException e) {
      throw new ComparisonFailure(
          "Failed to load target state: " + e.getMessage(), e.isTransient());
    } catch (IllegalArgumentException e) {
      throw new ComparisonFailure("Failed to load target state: " + e.getMessage(), false);
    }
  }

  private Comparison compare(
      Ownership ownership, Rendered rendered, Inventory inventory, SyncOptions options) {
    try {
      SyncResult preview =
          syncer.sync(ownership, rendered.objects(), inventory, options.withDryRun(true));
      List<ResourceStatus> rows = ResourceStatuses.of(preview, rendered.objects());
      return new Comparison(
          rendered.revisions(),
          rendered.types(),
          rendered.objects(),
          preview,
          rows,
          ResourceStatuses.synced(rows));
    } catch (ClusterException e) {
      throw new ComparisonFailure(
          "Failed to compare desired state to live state: " + e.getMessage(), e.isTransient());
    } catch (IllegalArgumentException e) {
      throw new ComparisonFailure(
          "Failed to compare desired state to live state: " + e.getMessage(), false);
    }
  }

  private Optional<Duration> finish(
      AppKey key,
      Application app,
      ApplicationStatus previous,
      StatusDraft draft,
      Optional<Duration> next) {
    ApplicationStatus status = draft.build(now(), settings.namespace());
    boolean refreshRequested = refreshRequested(app);
    if (refreshRequested
        || !StatusDraft.recentlyWritten(previous, status, config.get().reconciliation())) {
      store.writeStatus(key, status);
    }
    announceTransitions(app, previous, status);
    metrics.info(key, app, status);
    if (refreshRequested) {
      store.removeAnnotation(key, REFRESH);
    }
    return next;
  }

  private void announceTransitions(
      Application app, ApplicationStatus before, ApplicationStatus after) {
    String syncBefore = before.sync() == null ? "" : before.sync().status();
    String syncAfter = after.sync() == null ? "" : after.sync().status();
    if (!syncBefore.equals(syncAfter)) {
      events.normal(
          app,
          "ResourceUpdated",
          "Updated sync status: "
              + (syncBefore.isEmpty() ? "Unknown" : syncBefore)
              + " -> "
              + syncAfter);
    }
    String healthBefore = before.health() == null ? "" : before.health().status();
    String healthAfter = after.health() == null ? "" : after.health().status();
    if (!healthBefore.equals(healthAfter) && !healthAfter.isEmpty()) {
      events.normal(
          app,
          "ResourceUpdated",
          "Updated health status: "
              + (healthBefore.isEmpty() ? "Unknown" : healthBefore)
              + " -> "
              + healthAfter);
    }
  }

  /** True when the Application carries the refresh annotation. */
  public static boolean refreshRequested(Application app) {
    return app.getMetadata().getAnnotations() != null
        && app.getMetadata().getAnnotations().containsKey(REFRESH);
  }

  private static boolean interrupted(ApplicationStatus previous) {
    return previous.operationState() != null
        && OperationState.RUNNING.equals(previous.operationState().phase());
  }

  /**
   * The operation to resume: one found Running when this controller runs none for the Application
   * (one reconcile per Application at a time), so it was interrupted.
   */
  private Optional<OperationRunner.Resumption> resumption(AppKey key, ApplicationStatus previous) {
    if (!interrupted(previous)) {
      return Optional.empty();
    }
    return Optional.of(
        new OperationRunner.Resumption(
            previous.operationState().startedAt(), interruptionNote(key)));
  }

  private String interruptionNote(AppKey key) {
    String note = interruptions.get(key);
    return note != null ? note : stopNote.get();
  }

  /** Writes the Running state of an operation; a failed write is only logged. */
  private java.util.function.Consumer<OperationState> progress(
      AppKey key, ApplicationStatus previous) {
    boolean[] hasStatus = {previous.sync() != null || previous.operationState() != null};
    return state -> {
      try {
        store.writeOperationState(key, state, hasStatus[0]);
        hasStatus[0] = true;
      } catch (KubernetesClientException e) {
        LOG.debug("{}: progress not written: {}", key, firstLine(e.getMessage()));
      }
    };
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no message";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private OperationState errored(Operation op, String message) {
    String now = now();
    return new OperationState(op, OperationState.ERROR, message, null, now, now, 0);
  }

  private static String syncedRevision(OperationState state) {
    OperationState.SyncResult r = state.syncResult();
    return r.revisions().isEmpty() ? r.revision() : String.join(",", r.revisions());
  }

  private static SyncStatus unknownSync(ApplicationSpec spec, List<String> revisions) {
    return new SyncStatus(
        SyncStatus.UNKNOWN, "", revisions, spec == null ? null : comparedTo(spec));
  }

  private static ComparedTo comparedTo(ApplicationSpec spec) {
    return new ComparedTo(
        spec.hasMultipleSources() ? null : spec.source(),
        spec.sources(),
        spec.destination(),
        spec.ignoreDifferences());
  }

  private Optional<Duration> poll() {
    ArgoConfig current = config.get();
    long jitter = current.jitter().toMillis();
    return Optional.of(
        current
            .reconciliation()
            .plusMillis(jitter <= 0 ? 0 : ThreadLocalRandom.current().nextLong(jitter + 1)));
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** The rendered desired state at resolved revisions. */
  record Rendered(
      List<String> revisions,
      List<dev.capstan.engine.render.SourceType> types,
      List<GenericKubernetesResource> objects) {}

  /** Git or the comparison failed; the status says why, nothing is synced. */
  static final class ComparisonFailure extends RuntimeException {
    final boolean transientFailure;

    ComparisonFailure(String message, boolean transientFailure) {
      super(message);
      this.transientFailure = transientFailure;
    }
  }
}
