package dev.capstan.engine.cluster;

import dev.capstan.kustomize.resource.Gvk;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ResourceTypes} backed by the API server's discovery endpoints ({@code /api/v1}, {@code
 * /apis/<group>/<version>}), one group/version at a time.
 *
 * <p>Answers are cached per group/version. A kind missing from the cached answer triggers a refresh
 * of that group/version, at most once per {@code missRefreshInterval}, so a kind served by a CRD
 * established a moment ago is found without a full rediscovery, and lookups of a kind that really
 * does not exist do not hammer the server. {@link #invalidate()} drops everything (the cluster
 * cache calls it when a CRD appears, changes or goes).
 *
 * <p>Thread-safe. Concurrent lookups that need the same group/version share one request: the first
 * Kustomizations of a controller start all ask for {@code /api/v1} at once.
 */
public final class DiscoveryResourceTypes implements ResourceTypes {

  /** How often a miss may re-ask the server for one group/version by default. */
  public static final Duration DEFAULT_MISS_REFRESH_INTERVAL = Duration.ofMillis(500);

  private record Entry(Map<String, ApiResource> byKind, Instant fetchedAt) {}

  private final KubernetesClient client;
  private final Duration missRefreshInterval;
  private final Clock clock;
  private final Map<String, Entry> byGroupVersion = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Entry>> inFlight = new ConcurrentHashMap<>();

  /** Discovery through {@code client} with the default miss refresh interval. */
  public DiscoveryResourceTypes(KubernetesClient client) {
    this(client, DEFAULT_MISS_REFRESH_INTERVAL, Clock.systemUTC());
  }

  /**
   * Discovery through {@code client}; a miss re-asks at most once per {@code missRefreshInterval}.
   */
  public DiscoveryResourceTypes(
      KubernetesClient client, Duration missRefreshInterval, Clock clock) {
    this.client = client;
    this.missRefreshInterval = missRefreshInterval;
    this.clock = clock;
  }

  @Override
  public Optional<ApiResource> find(Gvk gvk) {
    String gv = gvk.apiVersion();
    Entry entry = byGroupVersion.get(gv);
    if (entry != null) {
      ApiResource hit = entry.byKind().get(gvk.kind());
      if (hit != null) {
        return Optional.of(hit);
      }
      if (clock.instant().isBefore(entry.fetchedAt().plus(missRefreshInterval))) {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(refresh(gv, gvk).byKind().get(gvk.kind()));
  }

  /**
   * Asks the server for one group/version, or waits for the request another thread has made for it
   * already; the answer replaces the cached one.
   */
  private Entry refresh(String gv, Gvk gvk) {
    CompletableFuture<Entry> mine = new CompletableFuture<>();
    CompletableFuture<Entry> running = inFlight.putIfAbsent(gv, mine);
    if (running != null) {
      try {
        return running.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    try {
      Entry fresh = fetch(gvk.group(), gvk.version());
      byGroupVersion.put(gv, fresh);
      mine.complete(fresh);
      return fresh;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e); // the waiters fail with it instead of waiting for ever
      throw e;
    } finally {
      inFlight.remove(gv, mine);
    }
  }

  @Override
  public void invalidate() {
    byGroupVersion.clear();
  }

  private Entry fetch(String group, String version) {
    String gv = group.isEmpty() ? version : group + "/" + version;
    APIResourceList list;
    try {
      list = client.getApiResources(gv);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        list = null;
      } else {
        throw ClusterAccessException.of("discovery of " + gv, e.getCode(), e);
      }
    }
    Map<String, ApiResource> byKind = new HashMap<>();
    if (list != null && list.getResources() != null) {
      for (APIResource r : list.getResources()) {
        if (r.getName() == null || r.getName().contains("/")) {
          continue; // subresources such as deployments/scale share the kind of their parent
        }
        Gvk gvk = new Gvk(group, version, r.getKind());
        List<String> verbs = r.getVerbs() == null ? List.of() : r.getVerbs();
        byKind.putIfAbsent(
            r.getKind(),
            new ApiResource(gvk, r.getName(), Boolean.TRUE.equals(r.getNamespaced()), verbs));
      }
    }
    return new Entry(Map.copyOf(byKind), clock.instant());
  }
}
