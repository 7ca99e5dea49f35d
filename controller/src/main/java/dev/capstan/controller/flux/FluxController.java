package dev.capstan.controller.flux;

import dev.capstan.controller.api.Condition;
import dev.capstan.controller.api.flux.GitRepository;
import dev.capstan.controller.api.flux.Kustomization;
import dev.capstan.controller.runtime.WorkQueue;
import dev.capstan.engine.cluster.ClusterCache;
import dev.capstan.engine.cluster.DiscoveryResourceTypes;
import dev.capstan.engine.cluster.InformerClusterCache;
import dev.capstan.engine.cluster.ResourceTypes;
import dev.capstan.engine.health.kstatus.KStatusComputer;
import dev.capstan.engine.inventory.OwnerChangeRouter;
import dev.capstan.engine.render.Renderer;
import dev.capstan.engine.source.GitSource;
import dev.capstan.engine.source.GitSourceOptions;
import dev.capstan.engine.sync.SyncOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Flux dialect's controller: informers on GitRepositories and Kustomizations (all namespaces or
 * one), a work queue per kind, and the shared engine underneath. Wake-ups: a spec, annotation or
 * deletion change of an object; a GitRepository's new artifact wakes the Kustomizations that use
 * it; a Kustomization becoming Ready wakes those that depend on it; a meaningful change of a
 * managed object in the cluster cache wakes its Kustomization (drift is corrected within about a
 * second); and each object's own interval.
 *
 * <p>Start with {@link #start}; {@link #close} stops everything. Leader election, if wanted, is the
 * caller's (the {@code capstan controller} command), so both dialects share one Lease.
 */
public final class FluxController implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FluxController.class);
  private static final String BY_SOURCE = "capstan-source";
  private static final String BY_DEPENDENCY = "capstan-dependency";

  private final KubernetesClient client;
  private final FluxSettings settings;
  private final FluxMetrics metrics;
  private final List<AutoCloseable> running = new ArrayList<>();
  private WorkQueue<ObjectKey> sources;
  private WorkQueue<ObjectKey> kustomizations;
  private SharedIndexInformer<Kustomization> kustomizationInformer;

  private FluxController(
      KubernetesClient client,
      FluxSettings settings,
      io.micrometer.core.instrument.MeterRegistry registry) {
    this.client = client;
    this.settings = settings;
    this.metrics = new FluxMetrics(registry);
    // Watch events then arrive as these classes. Unregistered, fabric8 reads each event's object as
    // a generic resource and converts that into the class: twice the JSON work per event.
    client.getKubernetesSerialization().registerKubernetesResource(GitRepository.class);
    client.getKubernetesSerialization().registerKubernetesResource(Kustomization.class);
  }

  /** Starts reconciling at once, without metrics. */
  public static FluxController start(KubernetesClient client, FluxSettings settings) {
    return start(client, settings, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
  }

  /** Starts reconciling at once; Flux's {@code gotk_*} metrics go to {@code registry}. */
  public static FluxController start(
      KubernetesClient client,
      FluxSettings settings,
      io.micrometer.core.instrument.MeterRegistry registry) {
    FluxController c = new FluxController(client, settings, registry);
    c.startReconciling();
    return c;
  }

  private java.util.function.Function<ObjectKey, Optional<java.time.Duration>> timed(
      String kind, java.util.function.Function<ObjectKey, Optional<java.time.Duration>> handler) {
    return key -> {
      long start = System.nanoTime();
      try {
        return handler.apply(key);
      } finally {
        metrics.reconciled(kind, key, java.time.Duration.ofNanos(System.nanoTime() - start));
      }
    };
  }

  private void startReconciling() {
    Clock clock = Clock.systemUTC();
    ResourceTypes types = new DiscoveryResourceTypes(client);
    ClusterCache cache = new InformerClusterCache(client, types);
    running.add(cache);
    FluxEvents events = new FluxEvents(client, clock);
    running.add(events); // closed after the queues: what they recorded is sent first
    ArtifactStore artifacts = new ArtifactStore(settings.cacheDirectory());
    // one Git source per spec.timeout, each with its own cache directory (a cache directory has one
    // owner)
    java.util.Map<java.time.Duration, GitSource> gitSources =
        new java.util.concurrent.ConcurrentHashMap<>();
    java.util.function.Function<java.time.Duration, GitSource> git =
        timeout ->
            gitSources.computeIfAbsent(
                timeout,
                t ->
                    new GitSource(
                        GitSourceOptions.defaults(
                                settings.cacheDirectory().resolve("git-" + t.toMillis() + "ms"))
                            .withTimeout(t)));
    GitRepositoryReconciler repos =
        new GitRepositoryReconciler(client, git, artifacts, events, clock);
    KustomizationReconciler ks =
        new KustomizationReconciler(
            client,
            types,
            cache,
            artifacts,
            new KustomizationBuild(new Renderer()),
            new HealthChecker(new KStatusComputer(clock)),
            events,
            settings,
            clock);
    // A restarted controller has no local artifacts: the first artifact this process stores for a
    // GitRepository wakes the Kustomizations using it, even when status shows an unchanged
    // revision.
    java.util.Map<ObjectKey, String> announced = new java.util.concurrent.ConcurrentHashMap<>();
    sources =
        new WorkQueue<>(
            "flux-source",
            settings.workers(),
            timed(
                GitRepository.KIND,
                key -> {
                  Optional<java.time.Duration> next = repos.reconcile(key);
                  GitRepository repo =
                      client
                          .resources(GitRepository.class)
                          .inNamespace(key.namespace())
                          .withName(key.name())
                          .get();
                  var artifact =
                      repo == null || repo.getStatus() == null ? null : repo.getStatus().artifact();
                  if (artifact != null && artifacts.resolve(artifact.url()).isPresent()) {
                    String stored = artifact.revision() + " " + artifact.digest();
                    if (!stored.equals(announced.put(key, stored))
                        && kustomizationInformer != null) {
                      usersOf(key).forEach(kustomizations::add);
                    }
                  }
                  return next;
                }));
    // A Kustomization waiting for health goes ahead of the queue, by its watch wake-up and by its
    // poll: its look is short and usually ends the wait, and behind a long queue of first applies
    // (a thousand new Kustomizations) it would only come once all of those are done.
    kustomizations =
        new WorkQueue<>(
            "flux-kustomization",
            settings.workers(),
            timed("Kustomization", ks::reconcile),
            ks::waitingForHealth);
    running.add(sources);
    running.add(kustomizations);
    OwnerChangeRouter router =
        OwnerChangeRouter.byFluxLabels(
            (owner, key) -> {
              ObjectKey k = ObjectKey.parse(owner);
              if (!inScope(k)) {
                return; // another controller's Kustomization (this one watches one namespace)
              }
              LOG.debug("{} changed: reconciling Kustomization {}", key, owner);
              ks.driftSeen(k);
              kustomizations.add(k);
            });
    DriftFilter drift = new DriftFilter(SyncOptions.defaults().fieldManager());
    running.add(
        cache.addListener(
            change -> {
              if (change.meaningful() && drift.isDrift(change)) {
                router.onChange(change);
                return;
              }
              // An object a Kustomization still waits for that turns Current (a Deployment
              // Available) or Failed lets it look at health again now; changes on the way there (a
              // Deployment's progress) wait for the next health poll.
              router
                  .ownerOf()
                  .apply(change.object())
                  .map(ObjectKey::parse)
                  .filter(this::inScope)
                  .filter(k -> ks.mayFinishWait(k, change.key(), change.object()))
                  .ifPresent(kustomizations::add);
            }));

    var ksOp =
        settings.namespace().isEmpty()
            ? client.resources(Kustomization.class).inAnyNamespace()
            : client.resources(Kustomization.class).inNamespace(settings.namespace());
    // indexed by the source and the dependencies each Kustomization names, so a new artifact or a
    // Kustomization turning Ready finds the Kustomizations to wake without a scan of all of them
    kustomizationInformer = ksOp.runnableInformer(0);
    kustomizationInformer.addIndexers(
        java.util.Map.of(
            BY_SOURCE,
            k ->
                KustomizationReconciler.sourceKey(k)
                    .map(r -> List.of(r.toString()))
                    .orElse(List.of()),
            BY_DEPENDENCY,
            k ->
                KustomizationReconciler.dependencyKeys(k).stream()
                    .map(ObjectKey::toString)
                    .toList()));
    kustomizationInformer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Kustomization k) {
            observe(k);
            kustomizations.add(ObjectKey.of(k));
          }

          @Override
          public void onUpdate(Kustomization before, Kustomization after) {
            observe(after);
            if (specOrMetaChanged(before, after)) {
              kustomizations.add(ObjectKey.of(after));
            }
            if (!KustomizationReconciler.isReady(before)
                && KustomizationReconciler.isReady(after)) {
              dependentsOf(ObjectKey.of(after)).forEach(kustomizations::add);
            }
          }

          @Override
          public void onDelete(Kustomization k, boolean unknown) {
            metrics.deleted("Kustomization", ObjectKey.of(k));
            kustomizations.forget(ObjectKey.of(k));
            kustomizations.add(ObjectKey.of(k));
          }
        });
    running.add(kustomizationInformer::close);
    kustomizationInformer.run(); // returns once the initial list is in the store

    var gitOp =
        settings.namespace().isEmpty()
            ? client.resources(GitRepository.class).inAnyNamespace()
            : client.resources(GitRepository.class).inNamespace(settings.namespace());
    SharedIndexInformer<GitRepository> gitInformer =
        gitOp.inform(
            new ResourceEventHandler<>() {
              @Override
              public void onAdd(GitRepository r) {
                observe(r);
                sources.add(ObjectKey.of(r));
              }

              @Override
              public void onUpdate(GitRepository before, GitRepository after) {
                observe(after);
                if (specOrMetaChanged(before, after)) {
                  sources.add(ObjectKey.of(after));
                }
                if (artifactMoved(before, after) || firstFetchFailed(before, after)) {
                  usersOf(ObjectKey.of(after)).forEach(kustomizations::add);
                }
              }

              @Override
              public void onDelete(GitRepository r, boolean unknown) {
                metrics.deleted(GitRepository.KIND, ObjectKey.of(r));
                sources.forget(ObjectKey.of(r));
              }
            },
            0);
    running.add(gitInformer::close);
    ks.readThrough(
        k ->
            Optional.ofNullable(
                kustomizationInformer.getStore().getByKey(k.namespace() + "/" + k.name())),
        k -> Optional.ofNullable(gitInformer.getStore().getByKey(k.namespace() + "/" + k.name())));
    LOG.info(
        "Flux controller reconciling GitRepositories and Kustomizations in {}",
        settings.namespace().isEmpty() ? "all namespaces" : settings.namespace());
  }

  /** True for a Kustomization this controller reconciles (all namespaces, or its one). */
  private boolean inScope(ObjectKey k) {
    return settings.namespace().isEmpty() || settings.namespace().equals(k.namespace());
  }

  private void observe(Kustomization k) {
    metrics.observed(
        "Kustomization",
        k,
        k.getStatus() == null ? List.of() : k.getStatus().conditions(),
        k.getSpec() != null && k.getSpec().suspend());
  }

  private void observe(GitRepository r) {
    metrics.observed(
        GitRepository.KIND,
        r,
        r.getStatus() == null ? List.of() : r.getStatus().conditions(),
        r.getSpec() != null && r.getSpec().suspend());
  }

  /**
   * Whether the artifact a GitRepository's status names is another one now: a new revision or
   * digest, or the same content stored at another URL (a restarted controller with a new cache
   * directory stores it anew). Kustomizations read the informer's copy, so each of these must wake
   * them; one whose look came before the informer caught up would otherwise wait for its retry.
   */
  static boolean artifactMoved(GitRepository before, GitRepository after) {
    return !Objects.equals(artifactIdentity(before), artifactIdentity(after));
  }

  /**
   * Whether a GitRepository without an artifact has just failed (its Ready condition turned False,
   * or failed for another reason): the Kustomizations waiting quietly for its first artifact
   * ({@link FirstArtifactWait}) report it now. A source that has an artifact wakes nobody by
   * failing; its Kustomizations keep applying the last one.
   */
  static boolean firstFetchFailed(GitRepository before, GitRepository after) {
    Optional<List<String>> now = readiness(after);
    return after.getStatus() != null
        && after.getStatus().artifact() == null
        && now.map(r -> r.get(0).equals(Condition.FALSE)).orElse(false)
        && !now.equals(readiness(before));
  }

  private static Optional<List<String>> readiness(GitRepository r) {
    return Optional.ofNullable(r.getStatus())
        .flatMap(s -> s.condition(ConditionSet.READY))
        .map(c -> List.of(c.status(), c.reason()));
  }

  private static Optional<List<String>> artifactIdentity(GitRepository r) {
    return Optional.ofNullable(r.getStatus())
        .map(s -> s.artifact())
        .map(a -> List.of(a.revision(), a.digest(), a.url()));
  }

  private static boolean specOrMetaChanged(
      io.fabric8.kubernetes.api.model.HasMetadata before,
      io.fabric8.kubernetes.api.model.HasMetadata after) {
    return !Objects.equals(
            before.getMetadata().getGeneration(), after.getMetadata().getGeneration())
        || !Objects.equals(
            before.getMetadata().getAnnotations(), after.getMetadata().getAnnotations())
        || !Objects.equals(
            before.getMetadata().getDeletionTimestamp(),
            after.getMetadata().getDeletionTimestamp());
  }

  /** The Kustomizations whose source is GitRepository {@code repo}. */
  private List<ObjectKey> usersOf(ObjectKey repo) {
    return kustomizationInformer.getIndexer().byIndex(BY_SOURCE, repo.toString()).stream()
        .map(ObjectKey::of)
        .toList();
  }

  /** The Kustomizations that name {@code dep} in {@code dependsOn}. */
  private List<ObjectKey> dependentsOf(ObjectKey dep) {
    return kustomizationInformer.getIndexer().byIndex(BY_DEPENDENCY, dep.toString()).stream()
        .map(ObjectKey::of)
        .toList();
  }

  @Override
  public void close() {
    for (int i = running.size() - 1; i >= 0; i--) {
      try {
        running.get(i).close();
      } catch (Exception e) {
        LOG.debug("closing {} failed: {}", running.get(i), e.toString());
      }
    }
    running.clear();
  }
}
