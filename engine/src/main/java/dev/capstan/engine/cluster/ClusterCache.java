package dev.capstan.engine.cluster;

import dev.capstan.kustomize.resource.Gvk;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A watch-backed cache of live objects, one watch per group/version/kind, shared by every
 * application of a controller.
 *
 * <p>Watches start lazily: {@link #watch(Gvk)} starts one the first time a kind is asked for and
 * returns at once on later calls; it returns when the initial list is in the cache. Listeners hear
 * about every change of every watched kind, so a controller can map a changed object back to the
 * application that manages it and correct drift within about a second.
 *
 * <p>Implementations are thread-safe. Objects handed out are the cache's own: treat them as
 * read-only.
 */
public interface ClusterCache extends AutoCloseable {

  /**
   * Makes sure the kind is watched; idempotent.
   *
   * @throws UnknownKindException when the server does not serve the kind
   * @throws ClusterAccessException when the watch could not be started
   */
  void watch(Gvk gvk);

  /** {@link #watch(Gvk)} for each kind. */
  default void watchAll(Collection<Gvk> kinds) {
    kinds.forEach(this::watch);
  }

  /**
   * Stops watching a kind and forgets its objects (when no owner manages it any more); a later
   * {@link #watch(Gvk)} starts afresh. Unknown kinds are ignored.
   */
  void unwatch(Gvk gvk);

  /** The kinds watched now. */
  Set<Gvk> watched();

  /**
   * True when some version of this group/kind is watched, so its initial list is in the cache and
   * {@link #get} of a key of it that finds nothing means the object does not exist (as far as the
   * watch has seen).
   */
  default boolean holds(String group, String kind) {
    return watched().stream().anyMatch(g -> g.group().equals(group) && g.kind().equals(kind));
  }

  /** The cached object with this key, looked up in every watched version of its group/kind. */
  Optional<GenericKubernetesResource> get(ResourceKey key);

  /**
   * The cached objects of every watched kind whose mark names {@code owner}, from an index kept as
   * the watches deliver; empty (not an empty list) when this cache keeps no such index, and the
   * caller has to look through {@link #list} itself.
   */
  default Optional<List<GenericKubernetesResource>> ownedBy(String owner) {
    return Optional.empty();
  }

  /** Every cached object of a watched kind; empty when the kind is not watched. */
  List<GenericKubernetesResource> list(Gvk gvk);

  /**
   * Registers a listener for changes of every watched kind, including kinds watched later.
   *
   * @return a handle whose {@code close()} unregisters the listener
   */
  Registration addListener(ChangeListener listener);

  /** Stops every watch; the cache is empty and unusable afterwards. */
  @Override
  void close();

  /** Undoes a registration; closing twice is harmless. */
  @FunctionalInterface
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
