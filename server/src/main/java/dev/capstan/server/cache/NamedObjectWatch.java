package dev.capstan.server.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One named object (a settings ConfigMap or Secret), kept current by an informer. Readers get the
 * latest copy without an API call; {@link #offer} lets a writer publish the object it just wrote so
 * that its next read sees it before the watch event arrives. Thread-safe.
 *
 * @param <T> the object's type
 */
public final class NamedObjectWatch<T extends HasMetadata> implements AutoCloseable {
  private final AtomicReference<T> current = new AtomicReference<>();
  private final List<Consumer<Optional<T>>> listeners = new CopyOnWriteArrayList<>();
  private final SharedIndexInformer<T> informer;

  public NamedObjectWatch(Resource<T> resource) {
    this.informer =
        resource.inform(
            new ResourceEventHandler<>() {
              @Override
              public void onAdd(T obj) {
                offer(obj);
              }

              @Override
              public void onUpdate(T oldObj, T newObj) {
                offer(newObj);
              }

              @Override
              public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                current.set(null);
                listeners.forEach(l -> l.accept(Optional.empty()));
              }
            });
  }

  /** The object as last seen; empty when it does not exist. */
  public Optional<T> get() {
    return Optional.ofNullable(current.get());
  }

  /** Publishes a newer copy (by resourceVersion) of the object. */
  public void offer(T obj) {
    T updated =
        current.accumulateAndGet(obj, (old, neu) -> old == null || newer(neu, old) ? neu : old);
    if (updated == obj) {
      listeners.forEach(l -> l.accept(Optional.of(obj)));
    }
  }

  /** Calls {@code listener} on every change (from the informer's thread). */
  public void onChange(Consumer<Optional<T>> listener) {
    listeners.add(listener);
  }

  private static boolean newer(HasMetadata a, HasMetadata b) {
    try {
      return Long.parseLong(a.getMetadata().getResourceVersion())
          >= Long.parseLong(b.getMetadata().getResourceVersion());
    } catch (RuntimeException e) {
      return true;
    }
  }

  @Override
  public void close() {
    informer.close();
  }
}
