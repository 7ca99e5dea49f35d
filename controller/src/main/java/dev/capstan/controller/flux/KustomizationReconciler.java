package dev.capstan.controller.flux;

import dev.capstan.controller.api.flux.GitRepository;
import dev.capstan.controller.api.flux.GoDuration;
import dev.capstan.controller.api.flux.Kustomization;
import dev.capstan.controller.api.flux.KustomizationSpec;
import dev.capstan.controller.api.flux.KustomizationStatus;
import dev.capstan.controller.runtime.ResourceVersions;
import dev.capstan.engine.cluster.ClusterCache;
import dev.capstan.engine.cluster.ResourceKey;
import dev.capstan.engine.cluster.ResourceTypes;
import dev.capstan.engine.inventory.Inventory;
import dev.capstan.engine.inventory.InventoryEntry;
import dev.capstan.engine.inventory.LabelOwnership;
import dev.capstan.engine.sync.Action;
import dev.capstan.engine.sync.Change;
import dev.capstan.engine.sync.SyncOptions;
import dev.capstan.engine.sync.SyncResult;
import dev.capstan.engine.sync.Syncer;
import dev.capstan.engine.sync.WaveGate;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles one Flux Kustomization, top-down as kustomize-controller: gone → forget; being deleted
 * → garbage-collect the inventory (when {@code prune}) and drop the finalizer; new, with a source
 * still fetching its first artifact → wait without a write ({@link FirstArtifactWait}); suspended →
 * nothing; dependencies Ready at their current generation, else {@code DependencyNotReady}; source
 * artifact, else {@code ArtifactFailed}; build (kustomize, overrides, substitution), else {@code
 * BuildFailed} with the cluster left as it is; apply and prune through the engine's {@link Syncer}
 * with Flux's ownership labels, else {@code ReconciliationFailed}/{@code PruneFailed}; then health
 * ({@code wait} or {@code healthChecks}) with kstatus, else {@code HealthCheckFailed}.
 *
 * <p>The health wait never blocks a worker: a reconcile applies, looks once, and asks to be called
 * again in {@link FluxSettings#healthPoll()} until the timeout (the controller also calls it when a
 * watched object of the wait changes). A newer revision, spec generation or reconcile request, or
 * drift of a managed object, is applied at once and replaces the wait; otherwise a reconcile during
 * the wait only looks at health again, from the watch cache where it is fresh enough. Idempotent: a
 * reconcile of an unchanged revision sends no write to managed objects. One worker per key.
 */
final class KustomizationReconciler {

  private static final Logger LOG = LoggerFactory.getLogger(KustomizationReconciler.class);
  static final String FINALIZER = Kustomization.FINALIZER;

  /**
   * A health wait in progress for one revision, generation and reconcile request: what was applied
   * ({@code inventory}), the newest copy of each of its objects the last look judged ({@code
   * known}: the apply's responses at first), so later looks need no request, and the objects that
   * look still waited for ({@code waitingOn}; empty before the first look).
   */
  private record Pending(
      String revision,
      long generation,
      String requestedAt,
      Instant deadline,
      Instant started,
      Inventory inventory,
      Map<ResourceKey, GenericKubernetesResource> known,
      Set<ResourceKey> waitingOn) {

    boolean covers(String revision, long generation, String requestedAt) {
      return this.revision.equals(revision)
          && this.generation == generation
          && this.requestedAt.equals(requestedAt);
    }

    Pending withLook(String request, Inventory applied, HealthChecker.Outcome look) {
      return new Pending(
          revision, generation, request, deadline, started, applied, look.used(), look.waitingOn());
    }
  }

  /** How long a health wait goes on before its Progressing state is written. */
  static final Duration QUIET_HEALTH_WAIT = Duration.ofSeconds(1);

  private final KubernetesClient client;
  private final ResourceTypes types;
  private final ClusterCache cache;
  private final ArtifactStore artifacts;
  private final KustomizationBuild build;
  private final HealthChecker health;
  private final FluxEvents events;
  private final FluxSettings settings;
  private final Clock clock;
  private final Map<ObjectKey, Pending> pending = new ConcurrentHashMap<>();
  private final Set<ObjectKey> drifted = ConcurrentHashMap.newKeySet();
  private final Map<ObjectKey, String> versions = new ConcurrentHashMap<>();

  /** The object this controller last read or wrote, until the informer holds it or a newer one. */
  private final Map<ObjectKey, Kustomization> latest = new ConcurrentHashMap<>();

  private volatile Function<ObjectKey, Optional<Kustomization>> informedKustomizations =
      k -> Optional.empty();
  private volatile Function<ObjectKey, Optional<GitRepository>> informedRepositories =
      k -> Optional.empty();

  KustomizationReconciler(
      KubernetesClient client,
      ResourceTypes types,
      ClusterCache cache,
      ArtifactStore artifacts,
      KustomizationBuild build,
      HealthChecker health,
      FluxEvents events,
      FluxSettings settings,
      Clock clock) {
    this.client = client;
    this.types = types;
    this.cache = cache;
    this.artifacts = artifacts;
    this.build = build;
    this.health = health;
    this.events = events;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * A managed object of {@code key} was changed by someone else or deleted: its next reconcile
   * applies again, even while a health wait for the same revision is pending.
   */
  void driftSeen(ObjectKey key) {
    drifted.add(key);
  }

  /** Whether {@code key} applied its revision and waits for its objects to become healthy. */
  boolean waitingForHealth(ObjectKey key) {
    return pending.containsKey(key);
  }

  /**
   * Whether {@code key} waits for health, its last look still waited for {@code object}, and that
   * object has now reached an end of the wait ({@code Current} or {@code Failed}): a look now may
   * finish the wait. Changes of objects that were already healthy, and changes on the way (a
   * Deployment's progress), are no reason to look again before the next poll.
   */
  boolean mayFinishWait(ObjectKey key, ResourceKey object, GenericKubernetesResource changed) {
    Pending p = pending.get(key);
    return p != null && p.waitingOn().contains(object) && health.settled(changed);
  }

  /**
   * Lets reconciles read Kustomizations and GitRepositories from the controller's informers. A
   * Kustomization is taken from {@code kustomizations} unless it is older than the version this
   * reconciler last read or wrote itself (so never older than its own status write); a
   * GitRepository whenever the informer holds it (its artifact's arrival wakes the Kustomizations
   * that use it). Otherwise they are read from the API server.
   */
  void readThrough(
      Function<ObjectKey, Optional<Kustomization>> kustomizations,
      Function<ObjectKey, Optional<GitRepository>> repositories) {
    this.informedKustomizations = kustomizations;
    this.informedRepositories = repositories;
  }

  private Kustomization read(ObjectKey key) {
    String version = versions.get(key);
    Optional<Kustomization> informed = informedKustomizations.apply(key);
    if (informed.isPresent()
        && (version == null
            || ResourceVersions.atLeast(
                informed.get().getMetadata().getResourceVersion(), version))) {
      latest.remove(key);
      return informed.get();
    }
    // The informer has not caught up with this controller's own last write yet: that object, as
    // the write returned it.
    Kustomization mine = latest.get(key);
    if (informed.isPresent()
        && mine != null
        && version.equals(mine.getMetadata().getResourceVersion())) {
      return mine;
    }
    Kustomization ks =
        client
            .resources(Kustomization.class)
            .inNamespace(key.namespace())
            .withName(key.name())
            .get();
    seen(ks);
    return ks;
  }

  private void seen(Kustomization ks) {
    if (ks != null && ks.getMetadata().getResourceVersion() != null) {
      versions.put(ObjectKey.of(ks), ks.getMetadata().getResourceVersion());
      latest.put(ObjectKey.of(ks), ks);
    }
  }

  /** Reconciles {@code key}; returns when to look again. */
  Optional<Duration> reconcile(ObjectKey key) {
    Kustomization ks = read(key);
    if (ks == null || ks.getSpec() == null) {
      pending.remove(key);
      drifted.remove(key);
      versions.remove(key);
      latest.remove(key);
      return Optional.empty();
    }
    if (ks.getMetadata().getDeletionTimestamp() != null) {
      return finalizeDeletion(ks);
    }
    KustomizationSpec spec = ks.getSpec();
    Optional<Duration> quiet =
        FirstArtifactWait.remaining(
            ks,
            sourceKey(ks).flatMap(informedRepositories),
            Instant.now(clock),
            settings.dependencyRequeue());
    if (quiet.isPresent()) {
      return quiet;
    }
    if (!ks.getMetadata().getFinalizers().contains(FINALIZER)) {
      ks = addFinalizer(ks);
      seen(ks);
    }
    if (spec.suspend()) {
      pending.remove(key);
      return Optional.empty();
    }
    Attempt a = new Attempt(ks, clock, this::seen);
    Duration interval;
    Duration retry;
    Duration timeout;
    try {
      interval = GoDuration.parse(spec.interval());
      retry = spec.retryInterval().isEmpty() ? interval : GoDuration.parse(spec.retryInterval());
      timeout = spec.timeout().isEmpty() ? interval : GoDuration.parse(spec.timeout());
    } catch (IllegalArgumentException e) {
      a.conditions
          .setTrue(ConditionSet.STALLED, "InvalidSpec", e.getMessage())
          .setFalse(ConditionSet.READY, "InvalidSpec", e.getMessage());
      a.write(client);
      return Optional.empty();
    }

    Optional<String> notReady = dependencyNotReady(ks);
    if (notReady.isPresent()) {
      String msg = "dependency '" + notReady.get() + "' is not ready";
      a.conditions.setFalse(ConditionSet.READY, "DependencyNotReady", msg);
      a.write(client);
      a.warnOnce(events, "DependencyNotReady", msg);
      return Optional.of(settings.dependencyRequeue());
    }

    Optional<Source> source = source(ks, a);
    if (source.isEmpty()) {
      a.write(client);
      return Optional.of(retry);
    }
    String revision = source.get().revision();
    a.lastAttempted = revision;

    // Waiting for the health of what this revision applied, with no drift, spec change or reconcile
    // request since: only look at health again (Flux itself does not re-apply during the wait).
    boolean drift = drifted.remove(key);
    String requestedAt =
        GitRepositoryReconciler.annotation(ks, GitRepositoryReconciler.REQUESTED_AT).orElse("");
    Pending waiting = pending.get(key);
    if (!drift && waiting != null && waiting.covers(revision, a.generation, requestedAt)) {
      try (ClusterTarget target = ClusterTarget.of(ks, client, types, cache)) {
        a.inventory = waiting.inventory();
        return healthAndFinish(
            ks,
            a,
            target,
            waiting.inventory(),
            Optional.empty(),
            revision,
            interval,
            retry,
            timeout);
      } catch (ClusterTarget.TargetException e) {
        return failed(a, "ReconciliationFailed", e.getMessage(), retry);
      }
    }

    Map<String, String> vars;
    try {
      vars = Substitutions.variables(client, ks);
    } catch (Substitutions.VariablesException e) {
      return failed(a, "BuildFailed", e.getMessage(), retry);
    }
    KustomizationBuild.Result built = build.build(source.get().root(), spec, vars);
    if (!built.succeeded()) {
      return failed(a, "BuildFailed", built.error(), retry);
    }

    SyncResult result;
    ClusterTarget target;
    try {
      target = ClusterTarget.of(ks, client, types, cache);
    } catch (ClusterTarget.TargetException e) {
      return failed(a, "ReconciliationFailed", e.getMessage(), retry);
    }
    try (target) {
      result = apply(ks, built.objects(), target, a.inventory);
      if (spec.force()) {
        result = recreateImmutable(ks, built.objects(), target, result);
      }
      a.inventory = result.inventory();
      SyncResult synced = result;
      target.cache().ifPresent(c -> watch(c, synced));
      if (!result.changes().hasFailures() && result.changes().changedAnything()) {
        events.normal(ks, "Progressing", changeLines(result));
      }
      if (result.changes().hasFailures()) {
        List<Change> failures = result.changes().with(Action.FAILED);
        boolean pruneOnly = failures.stream().allMatch(c -> c.message().contains("prune failed"));
        String msg = failures.stream().map(Change::toString).collect(Collectors.joining("\n"));
        return failed(a, pruneOnly ? "PruneFailed" : "ReconciliationFailed", msg, retry);
      }
      return healthAndFinish(
          ks,
          a,
          target,
          result.inventory(),
          Optional.of(result.observed()),
          revision,
          interval,
          retry,
          timeout);
    }
  }

  private SyncResult apply(
      Kustomization ks,
      List<GenericKubernetesResource> objects,
      ClusterTarget target,
      Inventory previous) {
    // Prune candidates are the inventory only (as Flux): an object that carries our labels but
    // was never applied by us is not deleted. The watch cache serves the live reads (an object it
    // has not seen is created without a read first) and drift detection, not pruning.
    Syncer syncer =
        new Syncer(
            target.client(),
            target.types(),
            target.cache(),
            WaveGate.none(),
            Syncer.PruneCandidates.INVENTORY);
    SyncOptions options =
        SyncOptions.defaults()
            .withPrune(ks.getSpec().prune())
            .withTargetNamespace(ks.getSpec().targetNamespace())
            .withApplyConcurrency(settings.applyConcurrency());
    return syncer.sync(ownership(ks), objects, previous, options);
  }

  /**
   * Flux's {@code force}: objects whose apply failed on an immutable field are deleted and applied
   * again.
   */
  private SyncResult recreateImmutable(
      Kustomization ks,
      List<GenericKubernetesResource> objects,
      ClusterTarget target,
      SyncResult result) {
    List<Change> immutable =
        result.changes().with(Action.FAILED).stream()
            .filter(
                c ->
                    c.message().contains("immutable")
                        || c.message().contains("Forbidden: updates to"))
            .toList();
    if (immutable.isEmpty()) {
      return result;
    }
    for (Change c : immutable) {
      GenericKubernetesResource desired =
          objects.stream()
              .filter(
                  o ->
                      ResourceKey.of(o).equals(c.key())
                          || ResourceKey.of(o).withNamespace(c.key().namespace()).equals(c.key()))
              .findFirst()
              .orElse(null);
      if (desired == null) {
        continue;
      }
      var op =
          target.client().genericKubernetesResources(desired.getApiVersion(), desired.getKind());
      var res =
          c.key().namespace().isEmpty()
              ? op.withName(c.key().name())
              : op.inNamespace(c.key().namespace()).withName(c.key().name());
      res.withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.FOREGROUND)
          .delete();
      res.waitUntilCondition(java.util.Objects::isNull, 30, java.util.concurrent.TimeUnit.SECONDS);
      events.normal(
          ks, "Progressing", c.key() + " recreated (immutable field changed, force: true)");
    }
    return apply(ks, objects, target, result.inventory());
  }

  private void watch(ClusterCache c, SyncResult result) {
    try {
      c.watchAll(result.inventory().kinds());
    } catch (RuntimeException e) {
      LOG.warn("could not watch the kinds of {}: {}", result.inventory().kinds(), e.getMessage());
    }
  }

  private Optional<Duration> healthAndFinish(
      Kustomization ks,
      Attempt a,
      ClusterTarget target,
      Inventory applied,
      Optional<Map<ResourceKey, GenericKubernetesResource>> justApplied,
      String revision,
      Duration interval,
      Duration retry,
      Duration timeout) {
    ObjectKey key = ObjectKey.of(ks);
    List<HealthChecker.Target> checks = healthTargets(ks, applied);
    if (checks.isEmpty()) {
      pending.remove(key);
      a.conditions.remove(ConditionSet.HEALTHY);
      return succeeded(a, revision, interval);
    }
    Instant now = Instant.now(clock);
    String requestedAt =
        GitRepositoryReconciler.annotation(ks, GitRepositoryReconciler.REQUESTED_AT).orElse("");
    Pending p = pending.get(key);
    if (p == null || !p.revision().equals(revision) || p.generation() != a.generation) {
      p =
          new Pending(
              revision,
              a.generation,
              requestedAt,
              now.plus(timeout),
              now,
              applied,
              Map.of(),
              Set.of());
    }
    // On the local cluster with the controller's own identity, the objects are judged from the
    // apply's responses and the watch cache (never from a copy older than the apply); elsewhere,
    // and for objects with no such copy, they are read live.
    HealthChecker.Outcome outcome =
        target.cache().isPresent() && !target.owned()
            ? health.checkKnown(
                target.client(), target.cache().get(), checks, justApplied.orElse(p.known()))
            : health.check(target.client(), checks);
    p = p.withLook(requestedAt, applied, outcome);
    pending.put(key, p);
    if (outcome.healthy()) {
      pending.remove(key);
      Duration took = Duration.between(p.started(), now);
      a.conditions.setTrue(
          ConditionSet.HEALTHY, "Succeeded", "Health check passed in " + seconds(took));
      return succeeded(a, revision, interval);
    }
    if (outcome.failed() || now.isAfter(p.deadline())) {
      pending.remove(key);
      String msg =
          outcome.failed()
              ? "health check failed: " + outcome.message()
              : "health check failed after "
                  + seconds(timeout)
                  + ": timeout waiting for: ["
                  + outcome.message()
                  + "]";
      a.conditions.setFalse(ConditionSet.HEALTHY, "HealthCheckFailed", msg);
      return failed(a, "HealthCheckFailed", msg, retry);
    }
    Duration waited = Duration.between(p.started(), now);
    if (waited.compareTo(QUIET_HEALTH_WAIT) < 0) {
      // A wait over within a second ends in one status write (Ready) instead of two: the
      // Progressing state is written once the wait has lasted that long. The watch wakes this
      // Kustomization as soon as an object it waits for changes.
      return Optional.of(QUIET_HEALTH_WAIT.minus(waited));
    }
    String msg =
        "Running health checks for revision " + revision + " with a timeout of " + seconds(timeout);
    a.conditions
        .setTrue(ConditionSet.RECONCILING, "Progressing", msg)
        .setUnknown(ConditionSet.READY, "Progressing", "Reconciliation in progress")
        .setUnknown(ConditionSet.HEALTHY, "Progressing", msg);
    a.write(client);
    return Optional.of(settings.healthPoll());
  }

  private Optional<Duration> succeeded(Attempt a, String revision, Duration interval) {
    String msg = "Applied revision: " + revision;
    boolean news =
        !revision.equals(a.old.lastAppliedRevision())
            || !a.old.condition(ConditionSet.READY).map(c -> c.isTrue()).orElse(false);
    a.lastApplied = revision;
    a.conditions
        .remove(ConditionSet.RECONCILING)
        .remove(ConditionSet.STALLED)
        .setTrue(ConditionSet.READY, "ReconciliationSucceeded", msg);
    a.write(client);
    if (news) {
      events.normal(a.ks, "ReconciliationSucceeded", msg);
    }
    return Optional.of(interval);
  }

  private Optional<Duration> failed(Attempt a, String reason, String message, Duration retry) {
    a.conditions.remove(ConditionSet.RECONCILING).setFalse(ConditionSet.READY, reason, message);
    a.write(client);
    a.warnOnce(events, reason, message);
    return Optional.of(retry);
  }

  /**
   * Adds Flux's finalizer by a JSON patch that appends it to the list (or creates the list), sent
   * for the copy just read: no second read, and no copy of the object to compute a patch from. A
   * finalizer another controller adds at the same time is kept. fabric8 copies the object it is
   * handed only to learn its name, so it is handed one with nothing but the name.
   */
  private Kustomization addFinalizer(Kustomization ks) {
    String patch =
        ks.getMetadata().getFinalizers().isEmpty()
            ? "[{\"op\":\"add\",\"path\":\"/metadata/finalizers\",\"value\":[\""
                + FINALIZER
                + "\"]}]"
            : "[{\"op\":\"add\",\"path\":\"/metadata/finalizers/-\",\"value\":\""
                + FINALIZER
                + "\"}]";
    Kustomization target = new Kustomization();
    target.setMetadata(
        new ObjectMetaBuilder()
            .withName(ks.getMetadata().getName())
            .withNamespace(ks.getMetadata().getNamespace())
            .build());
    return client
        .resources(Kustomization.class)
        .inNamespace(ks.getMetadata().getNamespace())
        .resource(target)
        .patch(PatchContext.of(PatchType.JSON), patch);
  }

  private Optional<Duration> finalizeDeletion(Kustomization ks) {
    ObjectKey key = ObjectKey.of(ks);
    pending.remove(key);
    if (!ks.getMetadata().getFinalizers().contains(FINALIZER)) {
      return Optional.empty();
    }
    KustomizationSpec spec = ks.getSpec();
    Inventory inventory = inventoryOf(ks.getStatus());
    String policy = spec.effectiveDeletionPolicy();
    boolean delete =
        !spec.suspend()
            && !inventory.isEmpty()
            && (policy.equals("Delete")
                || (policy.equals(KustomizationSpec.DELETION_POLICY_MIRROR_PRUNE) && spec.prune()));
    if (delete) {
      try (ClusterTarget target = ClusterTarget.of(ks, client, types, cache)) {
        SyncResult r =
            new Syncer(target.client(), target.types(), Optional.empty())
                .sync(
                    ownership(ks),
                    List.of(),
                    inventory,
                    SyncOptions.defaults().withPrune(true).withAllowEmpty(true));
        if (r.changes().hasFailures()) {
          events.warning(
              ks,
              "PruneFailed",
              r.changes().with(Action.FAILED).stream()
                  .map(Change::toString)
                  .collect(Collectors.joining("\n")));
          return Optional.of(Duration.ofSeconds(10));
        }
        events.normal(
            ks,
            "Progressing",
            "garbage collected " + r.changes().with(Action.DELETED).size() + " objects");
      } catch (ClusterTarget.TargetException e) {
        events.warning(ks, "PruneFailed", e.getMessage());
      }
    }
    client
        .resources(Kustomization.class)
        .inNamespace(key.namespace())
        .withName(key.name())
        .edit(
            k -> {
              k.getMetadata().getFinalizers().remove(FINALIZER);
              return k;
            });
    return Optional.empty();
  }

  private record Source(Path root, String revision) {}

  private Optional<Source> source(Kustomization ks, Attempt a) {
    var ref = ks.getSpec().sourceRef();
    String ns =
        ref == null || ref.namespace().isEmpty()
            ? ks.getMetadata().getNamespace()
            : ref.namespace();
    String name = ref == null ? "" : ref.name();
    String kind = ref == null ? "" : ref.kind();
    if (!kind.equals(GitRepository.KIND)) {
      String msg = "source kind '" + kind + "' is not supported (only GitRepository)";
      a.conditions
          .setTrue(ConditionSet.STALLED, "ArtifactFailed", msg)
          .setFalse(ConditionSet.READY, "ArtifactFailed", msg);
      return Optional.empty();
    }
    // The informer's copy, with or without an artifact: a GitRepository whose artifact arrives
    // later wakes this Kustomization then. Read from the API server only when the informer does not
    // hold it (yet).
    GitRepository repo = repository(new ObjectKey(ns, name));
    if (repo == null) {
      String msg = "Source 'GitRepository/" + ns + "/" + name + "' not found";
      a.conditions.setFalse(ConditionSet.READY, "ArtifactFailed", msg);
      return Optional.empty();
    }
    var artifact = repo.getStatus() == null ? null : repo.getStatus().artifact();
    Optional<Path> dir = artifact == null ? Optional.empty() : artifacts.resolve(artifact.url());
    if (dir.isEmpty()) {
      String msg = "Source artifact not found in GitRepository/" + ns + "/" + name + ", retrying";
      a.conditions.setFalse(ConditionSet.READY, "ArtifactFailed", msg);
      return Optional.empty();
    }
    return Optional.of(new Source(dir.get(), artifact.revision()));
  }

  /** GitRepository {@code key}, as {@link #informedOrRead} finds it. */
  private GitRepository repository(ObjectKey key) {
    return informedOrRead(informedRepositories, GitRepository.class, key);
  }

  /**
   * Object {@code key} as {@code informed} holds it, or from the API server while the informer does
   * not hold it (yet); null when it does not exist.
   */
  private <T extends HasMetadata> T informedOrRead(
      Function<ObjectKey, Optional<T>> informed, Class<T> type, ObjectKey key) {
    return informed
        .apply(key)
        .orElseGet(
            () -> client.resources(type).inNamespace(key.namespace()).withName(key.name()).get());
  }

  private Optional<String> dependencyNotReady(Kustomization ks) {
    for (ObjectKey d : dependencyKeys(ks)) {
      // The informers' copies: a dependency turning Ready wakes this Kustomization from the
      // informer's update, so its store already holds that version; and the source revision is
      // compared with the copy source() will apply.
      Kustomization dep = informedOrRead(informedKustomizations, Kustomization.class, d);
      if (!isReady(dep)) {
        return Optional.of(d.toString());
      }
      // as Flux: a dependency on the same source must have applied that source's current revision
      if (sourceKey(dep).equals(sourceKey(ks))) {
        Optional<String> current =
            sourceKey(ks)
                .map(this::repository)
                .map(GitRepository::getStatus)
                .map(st -> st.artifact())
                .map(a -> a.revision());
        if (current.isPresent() && !current.get().equals(dep.getStatus().lastAppliedRevision())) {
          return Optional.of(d.toString());
        }
      }
    }
    return Optional.empty();
  }

  /** The Kustomizations {@code k} names in {@code dependsOn}, in its namespace unless named. */
  static List<ObjectKey> dependencyKeys(Kustomization k) {
    if (k.getSpec() == null) {
      return List.of();
    }
    return k.getSpec().dependsOn().stream()
        .map(
            d ->
                new ObjectKey(
                    d.namespace().isEmpty() ? k.getMetadata().getNamespace() : d.namespace(),
                    d.name()))
        .toList();
  }

  /** The GitRepository {@code k} takes its artifact from, if its source is one. */
  static Optional<ObjectKey> sourceKey(Kustomization k) {
    var ref = k.getSpec() == null ? null : k.getSpec().sourceRef();
    if (ref == null || !ref.kind().equals(GitRepository.KIND)) {
      return Optional.empty();
    }
    return Optional.of(
        new ObjectKey(
            ref.namespace().isEmpty() ? k.getMetadata().getNamespace() : ref.namespace(),
            ref.name()));
  }

  /** Ready=True at the object's current generation (Flux's dependency rule). */
  static boolean isReady(Kustomization k) {
    if (k == null || k.getStatus() == null) {
      return false;
    }
    long gen = Optional.ofNullable(k.getMetadata().getGeneration()).orElse(0L);
    return k.getStatus().observedGeneration() == gen
        && k.getStatus().condition(ConditionSet.READY).map(c -> c.isTrue()).orElse(false);
  }

  private static List<HealthChecker.Target> healthTargets(Kustomization ks, Inventory inventory) {
    List<HealthChecker.Target> out = new ArrayList<>();
    if (ks.getSpec().waitForReady()) {
      for (InventoryEntry e : inventory.entries()) {
        out.add(new HealthChecker.Target(e.apiVersion(), e.key()));
      }
      return out;
    }
    for (KustomizationSpec.NamespacedKindReference r : ks.getSpec().healthChecks()) {
      String apiVersion = r.apiVersion();
      String group =
          apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
      out.add(
          new HealthChecker.Target(
              apiVersion, new ResourceKey(group, r.kind(), r.namespace(), r.name())));
    }
    return out;
  }

  static LabelOwnership ownership(Kustomization ks) {
    return LabelOwnership.fluxKustomization(
        ks.getMetadata().getNamespace(), ks.getMetadata().getName());
  }

  static Inventory inventoryOf(KustomizationStatus status) {
    if (status == null || status.inventory() == null) {
      return Inventory.empty();
    }
    List<InventoryEntry> entries = new ArrayList<>();
    for (var e : status.inventory().entries()) {
      InventoryEntry.parse(e.id(), e.v()).ifPresent(entries::add);
    }
    return new Inventory(entries);
  }

  private static String changeLines(SyncResult result) {
    return result.changes().changes().stream()
        .filter(c -> c.action().changes())
        .map(Change::toString)
        .collect(Collectors.joining("\n"));
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    if (ms % 1000 == 0) {
      return (ms / 1000) + "s";
    }
    long tenths = Math.round(ms / 100.0); // as "%.1f" rounds, without a Formatter per message
    return (tenths / 10) + "." + (tenths % 10) + "s";
  }

  /** The status being built in one reconcile, written once at the end. */
  private static final class Attempt {
    final Kustomization ks;
    final KustomizationStatus old;
    final long generation;
    final ConditionSet conditions;
    Inventory inventory;
    String lastAttempted;
    String lastApplied;

    final Consumer<Kustomization> written;

    Attempt(Kustomization ks, Clock clock, Consumer<Kustomization> written) {
      this.written = written;
      this.ks = ks;
      this.old =
          Optional.ofNullable(ks.getStatus())
              .orElse(new KustomizationStatus(0, List.of(), "", "", "", "", null, List.of()));
      this.generation = Optional.ofNullable(ks.getMetadata().getGeneration()).orElse(0L);
      this.conditions = new ConditionSet(old.conditions(), generation, clock);
      this.inventory = inventoryOf(old);
      this.lastAttempted = old.lastAttemptedRevision();
      this.lastApplied = old.lastAppliedRevision();
    }

    void warnOnce(FluxEvents events, String reason, String message) {
      boolean same =
          old.condition(ConditionSet.READY)
              .map(c -> c.reason().equals(reason) && c.message().equals(message))
              .orElse(false);
      if (!same) {
        events.warning(ks, reason, message);
      }
    }

    void write(KubernetesClient client) {
      List<KustomizationStatus.InventoryEntry> entries =
          inventory.entries().stream()
              .map(e -> new KustomizationStatus.InventoryEntry(e.id(), e.version()))
              .toList();
      String handled =
          GitRepositoryReconciler.annotation(ks, GitRepositoryReconciler.REQUESTED_AT)
              .orElse(old.lastHandledReconcileAt());
      KustomizationStatus next =
          new KustomizationStatus(
              generation,
              conditions.list(),
              lastApplied,
              old.lastAppliedOriginRevision(),
              lastAttempted,
              handled,
              // an empty inventory is left out: a JSON patch drops the empty list the schema
              // requires
              entries.isEmpty() ? null : new KustomizationStatus.ResourceInventory(entries),
              old.history());
      if (next.equals(old)) {
        return;
      }
      // One request: the status of the version read at the start of this reconcile. Only when the
      // object changed since (a reconcile request, a spec edit) is it read again and patched.
      Kustomization update = new Kustomization();
      update.setMetadata(new ObjectMetaBuilder(ks.getMetadata()).build());
      update.setSpec(ks.getSpec());
      update.setStatus(next);
      try {
        written.accept(
            client
                .resources(Kustomization.class)
                .inNamespace(ks.getMetadata().getNamespace())
                .resource(update)
                .updateStatus());
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
      }
      written.accept(
          client
              .resources(Kustomization.class)
              .inNamespace(ks.getMetadata().getNamespace())
              .withName(ks.getMetadata().getName())
              .editStatus(
                  k -> {
                    k.setStatus(next);
                    return k;
                  }));
    }
  }

  static Map<String, String> copy(Map<String, String> m) {
    return new LinkedHashMap<>(m);
  }
}
