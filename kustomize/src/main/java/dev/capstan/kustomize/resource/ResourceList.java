package dev.capstan.kustomize.resource;

import dev.capstan.kustomize.KustomizeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
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

  public ResourceList() {
    this.items = new ArrayList<>();
  }

  public ResourceList(List<Resource> resources) {
    this.items = new ArrayList<>(resources);
  }

  /** Appends a resource; fails when one with the same id is already present. */
  public void add(Resource r) {
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
    if (batch.size() < 4) {
      for (Resource r : batch) {
        add(r);
      }
      return;
    }
    java.util.Set<String> ids = new java.util.HashSet<>(items.size() * 2 + batch.size() * 2);
    for (Resource existing : items) {
      ids.add(key(existing.id()));
    }
    for (Resource r : batch) {
      ResId id = r.id();
      if (!ids.add(key(id))) {
        throw new KustomizeException("may not add resource with an already registered id: " + id);
      }
      items.add(r);
    }
  }

  private static String key(ResId id) {
    return id.gvk() + "|" + normalNs(id.namespace()) + "|" + id.name();
  }

  /** Appends without the id conflict check (for generators that merge later). */
  public void addUnchecked(Resource r) {
    items.add(r);
  }

  /** Removes a resource (by identity). */
  public boolean remove(Resource r) {
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
    List<Resource> copy = new ArrayList<>(resources);
    items.clear();
    items.addAll(copy);
  }

  public Resource get(int index) {
    return items.get(index);
  }

  public int size() {
    return items.size();
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  /** An unmodifiable live view, in order. */
  public List<Resource> asList() {
    return Collections.unmodifiableList(items);
  }

  public Stream<Resource> stream() {
    return items.stream();
  }

  @Override
  public Iterator<Resource> iterator() {
    return asList().iterator();
  }

  /** The resource whose current id equals {@code id} (namespace "" and "default" equal). */
  public Optional<Resource> find(ResId id) {
    for (Resource r : items) {
      if (sameId(r.id(), id)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** Resources matching a predicate, in order. */
  public List<Resource> select(Predicate<Resource> p) {
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
