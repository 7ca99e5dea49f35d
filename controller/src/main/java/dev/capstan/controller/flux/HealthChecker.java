package dev.capstan.controller.flux;

import dev.capstan.engine.cluster.ClusterCache;
import dev.capstan.engine.cluster.ResourceKey;
import dev.capstan.engine.health.LiveObject;
import dev.capstan.engine.health.kstatus.KStatus;
import dev.capstan.engine.health.kstatus.KStatusComputer;
import dev.capstan.engine.health.kstatus.KStatusResult;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One look at the kstatus of a set of objects (Flux's {@code wait} and {@code healthChecks}): all
 * {@code Current} is healthy; any {@code Failed} fails at once; anything else is still in progress.
 *
 * <p>{@link #check} reads every object live through the target cluster's client. {@link
 * #checkKnown} starts from copies the caller already has (what the apply returned, what an earlier
 * look used) and the controller's watch cache: the cache's copy is taken when its {@code
 * metadata.generation} is at least the known copy's, else the known copy; an object with no known
 * copy is read live. So no copy older than the last apply is ever taken for healthy, and a wait
 * whose objects are all known costs no request. Thread-safe.
 */
final class HealthChecker {

  /** An object to check. */
  record Target(String apiVersion, ResourceKey key) {
    @Override
    public String toString() {
      return key.kind()
          + "/"
          + (key.namespace().isEmpty() ? "" : key.namespace() + "/")
          + key.name();
    }
  }

  /**
   * The outcome of one look.
   *
   * @param used the copy of each object the look judged (objects not found are absent), for the
   *     next {@link #checkKnown}
   * @param waitingOn the objects that are neither {@code Current} nor {@code Failed}
   */
  record Outcome(
      boolean healthy,
      boolean failed,
      String message,
      Map<ResourceKey, GenericKubernetesResource> used,
      Set<ResourceKey> waitingOn) {}

  private final KStatusComputer kstatus;

  HealthChecker(KStatusComputer kstatus) {
    this.kstatus = kstatus;
  }

  /** Reads every target live. */
  Outcome check(KubernetesClient client, List<Target> targets) {
    return look(client, targets, t -> Optional.empty());
  }

  /**
   * Judges each target from {@code known} or {@code cache}, whichever is newer by generation (the
   * cache on a tie); reads the targets without a known copy live through {@code client}.
   */
  Outcome checkKnown(
      KubernetesClient client,
      ClusterCache cache,
      List<Target> targets,
      Map<ResourceKey, GenericKubernetesResource> known) {
    return look(
        client,
        targets,
        t -> {
          GenericKubernetesResource k = known.get(t.key());
          if (k == null) {
            return Optional.empty();
          }
          return Optional.of(
              cache.get(t.key()).filter(c -> generation(c) >= generation(k)).orElse(k));
        });
  }

  /**
   * Whether {@code object} has reached an end of a wait for it: {@code Current} or {@code Failed}.
   * The controller's watch asks this of every change of an object a Kustomization waits for, and
   * looks at that Kustomization's health again first thing when the answer is yes.
   */
  boolean settled(GenericKubernetesResource object) {
    KStatus status = kstatus.compute(view(object)).status();
    return status == KStatus.CURRENT || status == KStatus.FAILED;
  }

  /**
   * The object as the tree kstatus reads, without converting all of it: its body as it is (shared,
   * not copied: the objects judged here, from the watch cache and apply responses, are never
   * changed) and the metadata kstatus looks at. A conversion of the whole object would also carry
   * {@code managedFields}, often half of it.
   */
  private static LiveObject view(GenericKubernetesResource object) {
    Map<String, Object> tree = new HashMap<>(object.getAdditionalProperties());
    tree.put("apiVersion", object.getApiVersion());
    tree.put("kind", object.getKind());
    ObjectMeta meta = object.getMetadata();
    if (meta != null) {
      Map<String, Object> m = new HashMap<>();
      m.put("name", meta.getName());
      m.put("namespace", meta.getNamespace());
      m.put("generation", meta.getGeneration());
      m.put("creationTimestamp", meta.getCreationTimestamp());
      m.put("deletionTimestamp", meta.getDeletionTimestamp());
      m.values().removeIf(java.util.Objects::isNull);
      tree.put("metadata", m);
    }
    return LiveObject.of(tree);
  }

  private Outcome look(
      KubernetesClient client,
      List<Target> targets,
      Function<Target, Optional<GenericKubernetesResource>> known) {
    List<String> waiting = new ArrayList<>();
    Set<ResourceKey> waitingOn = new HashSet<>();
    List<String> failed = new ArrayList<>();
    Map<ResourceKey, GenericKubernetesResource> used = new HashMap<>();
    for (Target t : targets) {
      KStatusResult r;
      try {
        Optional<GenericKubernetesResource> hit = known.apply(t);
        GenericKubernetesResource live = hit.isPresent() ? hit.get() : read(client, t);
        if (live == null) {
          r = KStatusComputer.notFound();
        } else {
          used.put(t.key(), live);
          r = kstatus.compute(view(live));
        }
      } catch (KubernetesClientException e) {
        waiting.add(t + " status: 'Unknown' (" + e.getCode() + ")");
        waitingOn.add(t.key());
        continue;
      }
      if (r.status() == KStatus.CURRENT) {
        continue;
      }
      String line =
          t
              + " status: '"
              + r.status().wireName()
              + "'"
              + (r.message().isEmpty() ? "" : ": " + r.message());
      if (r.status() == KStatus.FAILED) {
        failed.add(line);
      } else {
        waiting.add(line);
        waitingOn.add(t.key());
      }
    }
    if (!failed.isEmpty()) {
      return new Outcome(false, true, String.join(", ", failed), used, Set.copyOf(waitingOn));
    }
    if (!waiting.isEmpty()) {
      return new Outcome(false, false, String.join(", ", waiting), used, Set.copyOf(waitingOn));
    }
    return new Outcome(true, false, "", used, Set.of());
  }

  private static GenericKubernetesResource read(KubernetesClient client, Target t) {
    var op = client.genericKubernetesResources(t.apiVersion(), t.key().kind());
    return t.key().namespace().isEmpty()
        ? op.withName(t.key().name()).get()
        : op.inNamespace(t.key().namespace()).withName(t.key().name()).get();
  }

  private static long generation(GenericKubernetesResource o) {
    Long g = o.getMetadata() == null ? null : o.getMetadata().getGeneration();
    return g == null ? 0L : g;
  }
}
