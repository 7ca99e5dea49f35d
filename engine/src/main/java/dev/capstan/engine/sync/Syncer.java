package dev.capstan.engine.sync;

import dev.capstan.engine.cluster.ApiResource;
import dev.capstan.engine.cluster.ClusterCache;
import dev.capstan.engine.cluster.ClusterException;
import dev.capstan.engine.cluster.ResourceKey;
import dev.capstan.engine.cluster.ResourceOperationException;
import dev.capstan.engine.cluster.ResourceTypes;
import dev.capstan.engine.diff.DiffResult;
import dev.capstan.engine.diff.Differ;
import dev.capstan.engine.diff.LiveSource;
import dev.capstan.engine.diff.ResourceDiff;
import dev.capstan.engine.diff.ServerSideDryRun;
import dev.capstan.engine.inventory.Claim;
import dev.capstan.engine.inventory.Inventory;
import dev.capstan.engine.inventory.InventoryEntry;
import dev.capstan.engine.inventory.Ownership;
import dev.capstan.kustomize.resource.Gvk;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync facade: makes the cluster match a desired set of objects for one owner. See the package
 * documentation for the order of steps and the safety rules.
 *
 * <p>Idempotent: a second sync of the same desired set reports every object {@link
 * Action#UNCHANGED} and sends no write. Thread-safe, but two concurrent syncs of the same owner
 * race like two {@code kubectl apply}s would; the controller runs one sync per owner at a time.
 */
public final class Syncer {

  private static final Logger LOG = LoggerFactory.getLogger(Syncer.class);

  /** Where a sync looks for the objects it may prune. */
  public enum PruneCandidates {
    /** Objects the previous inventory lists (Flux: an object never applied is never deleted). */
    INVENTORY,
    /** Those, and the cache's watched objects carrying the owner's mark (Argo CD). */
    INVENTORY_AND_MARKED
  }

  private final ResourceTypes types;
  private final Optional<ClusterCache> cache;
  private final PruneCandidates pruneCandidates;
  private final LiveReader reader;
  private final LiveSource previewSource;
  private final ObjectApplier applier;
  private final CrdEstablishment crds;
  private final Pruner pruner;
  private final WaveGate gate;

  /**
   * A syncer talking to the cluster through {@code client}.
   *
   * @param cache when present, live objects of the kinds it watches are read from it, and its
   *     watched objects carrying the owner's mark are prune candidates too, besides the previous
   *     inventory
   */
  public Syncer(KubernetesClient client, ResourceTypes types, Optional<ClusterCache> cache) {
    this(client, types, cache, WaveGate.none());
  }

  /**
   * A syncer that asks {@code gate} between waves whether the next wave may start (e.g. {@link
   * HealthWaveGate} to wait for health, as Argo CD does).
   */
  public Syncer(
      KubernetesClient client, ResourceTypes types, Optional<ClusterCache> cache, WaveGate gate) {
    this(client, types, cache, gate, PruneCandidates.INVENTORY_AND_MARKED);
  }

  /**
   * A syncer whose prune candidates are {@code pruneCandidates}; the cache, when present, still
   * serves reads.
   */
  public Syncer(
      KubernetesClient client,
      ResourceTypes types,
      Optional<ClusterCache> cache,
      WaveGate gate,
      PruneCandidates pruneCandidates) {
    this.gate = gate;
    this.types = types;
    this.cache = cache;
    this.pruneCandidates = pruneCandidates;
    this.reader = new LiveReader(client);
    // A dry run (a comparison) reads live objects from the cache where it holds their kind: a
    // controller comparing often then sends only the dry-run applies. It never asks the API server
    // about an object the cache has not seen. A real sync reads from the cache too (liveFrom).
    this.previewSource = liveFrom(Inventory.empty());
    this.applier = new ObjectApplier(client, new ServerSideDryRun(client), reader);
    this.crds = new CrdEstablishment(client);
    this.pruner = new Pruner(client);
  }

  /**
   * Syncs {@code desired} for {@code ownership}.
   *
   * @param previous the inventory the last sync returned ({@link Inventory#empty()} the first time)
   * @throws IllegalArgumentException when a desired object has no apiVersion, kind or name
   */
  public SyncResult sync(
      Ownership ownership,
      List<GenericKubernetesResource> desired,
      Inventory previous,
      SyncOptions options) {
    List<Change> changes = new ArrayList<>();
    List<ResourceDiff> diffs = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Map<ResourceKey, GenericKubernetesResource> observed = new LinkedHashMap<>();
    LiveSource live = options.dryRun() ? previewSource : liveFrom(previous);

    createNamespace(options).ifPresent(changes::add);
    DesiredSetPreparer.Prepared prepared =
        DesiredSetPreparer.prepare(desired, ownership, options, types);
    changes.addAll(prepared.failures());
    Map<ResourceKey, DesiredObject> byKey = new LinkedHashMap<>();
    prepared.objects().forEach(o -> byKey.put(o.key(), o));

    List<Wave> waves =
        ApplyPlanner.plan(prepared.objects().stream().map(DesiredObject::object).toList());
    boolean failed = changes.stream().anyMatch(c -> c.action() == Action.FAILED);
    for (Wave wave : waves) {
      if (failed && !options.dryRun()) {
        // a dry run goes on: it applies nothing, and the diff of every object is wanted
        skipWave(wave, changes, "not applied: an earlier wave failed");
        continue;
      }
      List<String> appliedCrds = new ArrayList<>();
      for (GenericKubernetesResource o : wave.definitions()) {
        DesiredObject d = byKey.get(ResourceKey.of(o));
        Change c = record(applyOne(d, ownership, options, live), diffs, observed);
        changes.add(c);
        if (ApplyPlanner.isCrd(d.key())
            && c.action() != Action.FAILED
            && c.action() != Action.SKIPPED) {
          appliedCrds.add(d.key().name());
        }
      }
      if (!options.dryRun()) {
        for (String crd : appliedCrds) {
          if (!crds.await(crd, options.waitTimeout())) {
            changes.add(
                new Change(
                    new ResourceKey("apiextensions.k8s.io", "CustomResourceDefinition", "", crd),
                    Action.FAILED,
                    "not Established within " + options.waitTimeout().toSeconds() + "s"));
          }
        }
        if (!appliedCrds.isEmpty()) {
          types.invalidate();
          awaitServed(wave.rest(), appliedCrds, options.waitTimeout());
        }
      }
      List<DesiredObject> rest =
          wave.rest().stream().map(o -> byKey.get(ResourceKey.of(o))).toList();
      for (ObjectApplier.Applied a : applyAll(rest, ownership, options, live)) {
        changes.add(record(a, diffs, observed));
      }
      failed = changes.stream().anyMatch(c -> c.action() == Action.FAILED);
      if (!failed && !options.dryRun() && wave != waves.get(waves.size() - 1)) {
        Optional<WaveGate.NotReady> notReady = gate.await(wave);
        if (notReady.isPresent()) {
          changes.add(
              new Change(
                  notReady.get().key(),
                  Action.FAILED,
                  "wave " + wave.number() + " not ready: " + notReady.get().reason()));
          failed = true;
        }
      }
    }

    Set<ResourceKey> desiredKeys = byKey.keySet();
    List<GenericKubernetesResource> candidates =
        pruneCandidates(desiredKeys, previous, ownership, options.dryRun());
    List<PruneDecision> decisions = PrunePlanner.plan(desiredKeys, candidates, ownership, options);
    Set<ResourceKey> gone = new HashSet<>();
    for (PruneDecision decision : decisions) {
      diffs.add(Differ.extra(decision.live(), options.diffOptions()));
      PruneDecision effective =
          failed && decision.delete()
              ? PruneDecision.keep(
                  decision.key(), decision.live(), "not pruned: the sync had failures")
              : decision;
      Change c;
      try {
        c = pruner.prune(effective, typeOf(decision.live()), options);
      } catch (ClusterException e) {
        c =
            new Change(
                decision.key(),
                Action.FAILED,
                decision.key() + " prune failed (discovery): " + e.getMessage());
      }
      changes.add(c);
      if (c.action() == Action.DELETED && !options.dryRun()) {
        gone.add(c.key());
      }
    }
    changes.stream()
        .filter(c -> c.action() == Action.SKIPPED && c.message().startsWith("shared resource"))
        .forEach(c -> warnings.add(c.toString()));

    SyncResult result =
        new SyncResult(
            new ChangeSet(changes),
            new DiffResult(diffs),
            nextInventory(prepared.objects(), decisions, gone),
            warnings,
            options.dryRun() ? Map.of() : observed);
    LOG.debug("sync of {} finished:\n{}", ownership.owner(), result.changes());
    return result;
  }

  /**
   * Waits until discovery serves the kinds of {@code objects} whose group belongs to one of the
   * {@code crds} just established: the API server publishes a new group in discovery a moment after
   * the CRD is Established, and a custom resource applied in between would fail as "not served".
   * Bounded by {@code timeout}; a kind still missing then fails as before.
   */
  private void awaitServed(
      List<GenericKubernetesResource> objects, List<String> crds, java.time.Duration timeout) {
    Set<String> groups =
        crds.stream().map(n -> n.substring(n.indexOf('.') + 1)).collect(Collectors.toSet());
    java.time.Instant deadline = java.time.Instant.now().plus(timeout);
    for (GenericKubernetesResource o : objects) {
      Gvk gvk = Gvk.of(o.getApiVersion(), o.getKind());
      if (!groups.contains(gvk.group())) {
        continue;
      }
      while (types.find(gvk).isEmpty() && java.time.Instant.now().isBefore(deadline)) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** The comparison only: a dry-run sync's diff. */
  public DiffResult diff(
      Ownership ownership,
      List<GenericKubernetesResource> desired,
      Inventory previous,
      SyncOptions options) {
    return sync(ownership, desired, previous, options.withDryRun(true)).diff();
  }

  /**
   * Where a sync reads the live copy of a desired object. From the cache where it watches the kind:
   * a cached copy may be a little old, but the {@link Differ}'s dry run carries the server's
   * resourceVersion and a mismatch makes it read the object again; an object the cache has not seen
   * is taken as absent and applied without a read, unless the previous inventory lists it (then the
   * cache may not have seen this owner's own last apply yet, and the API server is asked). The
   * price: an object someone else created within the watch's delay is applied over without the
   * shared-resource check, the same race a read-then-apply has over a shorter time. Kinds the cache
   * does not watch are read from the API server.
   */
  private LiveSource liveFrom(Inventory previous) {
    return (key, type) -> {
      if (cache.isEmpty() || !cache.get().holds(key.group(), key.kind())) {
        return reader.get(key, type);
      }
      Optional<GenericKubernetesResource> cached = cache.get().get(key);
      return cached.isPresent() || !previous.contains(key) ? cached : reader.get(key, type);
    };
  }

  /**
   * Applies {@code objects} with up to {@code options.applyConcurrency()} at a time (each on a
   * virtual thread); the outcomes in the order of {@code objects}.
   */
  private List<ObjectApplier.Applied> applyAll(
      List<DesiredObject> objects, Ownership ownership, SyncOptions options, LiveSource live) {
    if (options.applyConcurrency() == 1 || objects.size() < 2) {
      return objects.stream().map(d -> applyOne(d, ownership, options, live)).toList();
    }
    Semaphore permits = new Semaphore(options.applyConcurrency());
    List<ObjectApplier.Applied> outcomes = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<ObjectApplier.Applied>> running = new ArrayList<>();
      for (DesiredObject d : objects) {
        running.add(
            threads.submit(
                () -> {
                  permits.acquire();
                  try {
                    return applyOne(d, ownership, options, live);
                  } finally {
                    permits.release();
                  }
                }));
      }
      for (int i = 0; i < objects.size(); i++) {
        outcomes.add(outcome(running.get(i), objects.get(i).key(), threads));
      }
    }
    return outcomes;
  }

  /** The outcome of one concurrent apply; a failure that is not per-object is rethrown. */
  private static ObjectApplier.Applied outcome(
      Future<ObjectApplier.Applied> future, ResourceKey key, ExecutorService threads) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      threads.shutdownNow();
      return new ObjectApplier.Applied(
          new Change(key, Action.FAILED, key + " apply interrupted"), Optional.empty());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof InterruptedException) {
        return new ObjectApplier.Applied(
            new Change(key, Action.FAILED, key + " apply interrupted"), Optional.empty());
      }
      throw new IllegalStateException(key + " apply failed", e.getCause());
    }
  }

  /** Adds an outcome's comparison and observed object to the sync's; its change. */
  private static Change record(
      ObjectApplier.Applied applied,
      List<ResourceDiff> diffs,
      Map<ResourceKey, GenericKubernetesResource> observed) {
    applied.diff().ifPresent(diffs::add);
    applied.observed().ifPresent(o -> observed.put(applied.change().key(), o));
    return applied.change();
  }

  private ObjectApplier.Applied applyOne(
      DesiredObject d, Ownership ownership, SyncOptions options, LiveSource live) {
    Optional<ApiResource> type =
        d.type().or(() -> types.find(Gvk.of(d.object().getApiVersion(), d.object().getKind())));
    if (type.isPresent()) {
      return applier.apply(d, type.get(), ownership, options, live);
    } else if (options.dryRun()) {
      return ObjectApplier.wouldCreate(d, options);
    }
    return new ObjectApplier.Applied(
        new Change(
            d.key(),
            Action.FAILED,
            "kind "
                + d.object().getApiVersion()
                + "/"
                + d.object().getKind()
                + " is not served by the cluster"),
        Optional.empty());
  }

  private Optional<Change> createNamespace(SyncOptions options) {
    if (!options.createNamespace() || options.targetNamespace().isEmpty()) {
      return Optional.empty();
    }
    ApiResource nsType = types.require(new Gvk("", "v1", "Namespace"));
    ResourceKey key = new ResourceKey("", "Namespace", "", options.targetNamespace());
    try {
      if (reader.get(key, nsType).isPresent()) {
        return Optional.empty();
      }
      if (options.dryRun()) {
        return Optional.of(new Change(key, Action.CREATED, "dry run (CreateNamespace)"));
      }
      GenericKubernetesResource ns =
          new GenericKubernetesResourceBuilder()
              .withApiVersion("v1")
              .withKind("Namespace")
              .withNewMetadata()
              .withName(options.targetNamespace())
              .endMetadata()
              .build();
      applier.serverSideApply(ns, nsType, options);
      return Optional.of(new Change(key, Action.CREATED, "CreateNamespace"));
    } catch (ResourceOperationException e) {
      return Optional.of(new Change(key, Action.FAILED, e.getMessage()));
    }
  }

  private static void skipWave(Wave wave, List<Change> changes, String why) {
    for (GenericKubernetesResource o : wave.definitions()) {
      changes.add(new Change(ResourceKey.of(o), Action.SKIPPED, why));
    }
    for (GenericKubernetesResource o : wave.rest()) {
      changes.add(new Change(ResourceKey.of(o), Action.SKIPPED, why));
    }
  }

  /** Live objects that left the desired set: from the previous inventory and the cache. */
  private List<GenericKubernetesResource> pruneCandidates(
      Set<ResourceKey> desired, Inventory previous, Ownership ownership, boolean dryRun) {
    Map<ResourceKey, GenericKubernetesResource> found = new LinkedHashMap<>();
    for (InventoryEntry entry : previous.entries()) {
      if (desired.contains(entry.key())) {
        continue;
      }
      Optional<ApiResource> type =
          types.find(new Gvk(entry.key().group(), entry.version(), entry.key().kind()));
      if (type.isEmpty()) {
        continue; // the kind is gone (CRD deleted), and with it every object of it
      }
      try {
        (dryRun ? previewSource.read(entry.key(), type.get()) : reader.get(entry.key(), type.get()))
            .ifPresent(live -> found.put(entry.key(), live));
      } catch (ResourceOperationException e) {
        LOG.debug("prune candidate {} unreadable, kept: {}", entry.key(), e.getMessage());
      }
    }
    cache
        .filter(c -> pruneCandidates == PruneCandidates.INVENTORY_AND_MARKED)
        .ifPresent(
            c -> {
              // The cache's owner index when it keeps one; otherwise every watched object is looked
              // at.
              List<GenericKubernetesResource> marked =
                  ownership
                      .indexKey()
                      .flatMap(c::ownedBy)
                      .orElseGet(
                          () -> c.watched().stream().flatMap(gvk -> c.list(gvk).stream()).toList());
              for (GenericKubernetesResource live : marked) {
                ResourceKey key = ResourceKey.of(live);
                if (!desired.contains(key)
                    && !found.containsKey(key)
                    && ownership.claimOf(live) instanceof Claim.Ours) {
                  found.put(key, live);
                }
              }
            });
    return List.copyOf(found.values());
  }

  private ApiResource typeOf(GenericKubernetesResource live) {
    return types.require(Gvk.of(live.getApiVersion(), live.getKind()));
  }

  private static Inventory nextInventory(
      List<DesiredObject> desired, List<PruneDecision> decisions, Set<ResourceKey> gone) {
    List<GenericKubernetesResource> kept =
        decisions.stream()
            .filter(d -> !gone.contains(d.key()))
            .map(PruneDecision::live)
            .collect(Collectors.toList());
    List<GenericKubernetesResource> all =
        new ArrayList<>(desired.stream().map(DesiredObject::object).toList());
    all.addAll(kept);
    return Inventory.of(all);
  }
}
