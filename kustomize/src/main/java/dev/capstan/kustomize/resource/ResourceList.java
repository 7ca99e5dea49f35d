package dev.capstan.kustomize.resource;

import dev.capstan.kustomize.KustomizeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The ordered resources of a build (kustomize's ResMap). Order is the accumulation order; the
 * emitter keeps it under {@code --reorder none} and the legacy sort reorders it otherwise.
 *
 * <p>{@link #add(Resource)} refuses a second resource with the same id, as kustomize does; the
 * namespace {@code default} and the empty namespace are the same for that check. Not thread-safe.
 */
public final class ResourceList implements Iterable<Resource> {
  private final List<Resource> items;

  /** The ids of the items while {@link #additions} runs (null otherwise, or once not trusted). */
  private Map<IdKey, Resource> index;

  /** An id as the conflict check compares it: the empty namespace is {@code default}. */
  private record IdKey(Gvk gvk, String namespace, String name) {
    static IdKey of(ResId id) {
      return new IdKey(id.gvk(), normalNs(id.namespace()), id.name());
    }
  }

  public ResourceList() {
    this.items = new ArrayList<>();
  }

  public ResourceList(List<Resource> resources) {
    this.items = new ArrayList<>(resources);
  }

  /**
   * Runs {@code additions}, which add resources to this list, checking id conflicts against an
   * index of the ids built once instead of on every call. The caller guarantees that no resource
   * already in the list changes its id meanwhile (accumulating a kustomization's {@code resources:}
   * only appends new objects). Any other use of the list during the run drops the index, and the
   * checks go back to reading every id.
   */
  public void additions(Runnable additions) {
    if (index != null) {
      additions.run();
      return;
    }
    Map<IdKey, Resource> built = new HashMap<>(items.size() * 2 + 16);
    for (Resource existing : items) {
      built.putIfAbsent(IdKey.of(existing.id()), existing);
    }
    index = built;
    try {
      additions.run();
    } finally {
      index = null;
    }
  }

  /** Appends a resource; fails when one with the same id is already present. */
  public void add(Resource r) {
    if (index != null) {
      ResId id = r.id();
      if (index.putIfAbsent(IdKey.of(id), r) != null) {
        throw new KustomizeException("may not add resource with an already registered id: " + id);
      }
      items.add(r);
      return;
    }
    String name = r.name();
    ResId id = null;
    for (Resource existing : items) {
      // compare the cheap name first; build ids only for same-named resources
      if (!existing.name().equals(name)) {
        continue;
      }
      if (id == null) {
        id = r.id();
      }
      if (sameId(existing.id(), id)) {
        throw new KustomizeException("may not add resource with an already registered id: " + id);
      }
    }
    items.add(r);
  }

  /** Appends every resource of {@code other}, in order, with the same conflict check as add. */
  public void addAll(ResourceList other) {
    addAll(other.items);
  }

  /**
   * Appends resources in order with the conflict check of {@link #add}, indexing the current ids
   * once for the whole batch (nothing is renamed while a batch is added).
   */
  public void addAll(List<Resource> batch) {
    if (batch.size() < 4 || index != null) {
      for (Resource r : batch) {
        add(r);
      }
      return;
    }
    java.util.Set<IdKey> ids = new java.util.HashSet<>(items.size() * 2 + batch.size() * 2);
    for (Resource existing : items) {
      ids.add(IdKey.of(existing.id()));
    }
    for (Resource r : batch) {
      ResId id = r.id();
      if (!ids.add(IdKey.of(id))) {
        throw new KustomizeException("may not add resource with an already registered id: " + id);
      }
      items.add(r);
    }
  }

  /** Appends without the id conflict check (for generators that merge later). */
  public void addUnchecked(Resource r) {
    index = null;
    items.add(r);
  }

  /** Removes a resource (by identity). */
  public boolean remove(Resource r) {
    index = null; // the caller may change what it gets
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) == r) {
        items.remove(i);
        return true;
      }
    }
    return false;
  }

  /** Replaces {@code old} (by identity) with {@code replacement} at the same position. */
  public void replace(Resource old, Resource replacement) {
    index = null; // the caller may change what it gets
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) == old) {
        items.set(i, replacement);
        return;
      }
    }
    throw new IllegalStateException("not in list: " + old);
  }

  /** Replaces the whole content, keeping this list object (for transformers that rebuild). */
  public void setAll(List<Resource> resources) {
    index = null; // the caller may change what it gets
    List<Resource> copy = new ArrayList<>(resources);
    items.clear();
    items.addAll(copy);
  }

  public Resource get(int i) {
    index = null; // the caller may change what it gets
    return items.get(i);
  }

  public int size() {
    return items.size();
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  /** An unmodifiable live view, in order. */
  public List<Resource> asList() {
    index = null; // the caller may change what it gets
    return Collections.unmodifiableList(items);
  }

  public Stream<Resource> stream() {
    index = null; // the caller may change what it gets
    return items.stream();
  }

  @Override
  public Iterator<Resource> iterator() {
    index = null; // the caller may change what it gets
    return asList().iterator();
  }

  /** The resource whose current id equals {@code id} (namespace "" and "default" equal). */
  public Optional<Resource> find(ResId id) {
    index = null; // the caller may change what it gets
    for (Resource r : items) {
      if (sameId(r.id(), id)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** Resources matching a predicate, in order. */
  public List<Resource> select(Predicate<Resource> p) {
    index = null; // the caller may change what it gets
    List<Resource> out = new ArrayList<>();
    for (Resource r : items) {
      if (p.test(r)) {
        out.add(r);
      }
    }
    return out;
  }

  /** Sorts in place, stably. */
  public void sort(Comparator<Resource> order) {
    index = null; // the caller may change what it gets
    items.sort(order);
  }

  /** A deep copy of every resource. */
  public ResourceList deepCopy() {
    ResourceList copy = new ResourceList();
    for (Resource r : items) {
      copy.items.add(r.copy());
    }
    return copy;
  }

  /** Whether two ids name the same object (the empty namespace equals {@code default}). */
  public static boolean sameId(ResId a, ResId b) {
    return a.gvk().equals(b.gvk())
        && a.name().equals(b.name())
        && normalNs(a.namespace()).equals(normalNs(b.namespace()));
  }

  private static String normalNs(String ns) {
    return ns.isEmpty() ? "default" : ns;
  }

  @Override
  public String toString() {
    return items.toString();
  }
}
