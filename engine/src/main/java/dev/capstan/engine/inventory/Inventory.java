package dev.capstan.engine.inventory;

import dev.capstan.engine.cluster.ResourceKey;
import dev.capstan.kustomize.resource.Gvk;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The set of objects an owner applied, as a dialect persists it between syncs (Flux: {@code
 * status.inventory}; Argo CD: {@code status.resources}). Entries are unique by key and kept sorted,
 * so two inventories of the same objects are equal.
 *
 * @param entries the entries, sorted by key
 */
public record Inventory(List<InventoryEntry> entries) {

  public Inventory {
    Map<ResourceKey, InventoryEntry> unique = new LinkedHashMap<>();
    entries.stream().sorted().forEach(e -> unique.putIfAbsent(e.key(), e));
    entries = List.copyOf(unique.values());
  }

  /** The empty inventory (a first sync). */
  public static Inventory empty() {
    return new Inventory(List.of());
  }

  /** The inventory of these objects, each with the version of its {@code apiVersion}. */
  public static Inventory of(Collection<? extends HasMetadata> objects) {
    return new Inventory(
        objects.stream()
            .map(
                o ->
                    new InventoryEntry(
                        ResourceKey.of(o), Gvk.of(o.getApiVersion(), o.getKind()).version()))
            .toList());
  }

  /** The keys of all entries, sorted. */
  public Set<ResourceKey> keys() {
    return entries.stream().map(InventoryEntry::key).collect(Collectors.toCollection(TreeSet::new));
  }

  /** True when an entry has this key. */
  public boolean contains(ResourceKey key) {
    return entries.stream().anyMatch(e -> e.key().equals(key));
  }

  /** The entries whose key is not in {@code other}: what left between two syncs. */
  public List<InventoryEntry> minus(Inventory other) {
    Set<ResourceKey> keep = other.keys();
    return entries.stream().filter(e -> !keep.contains(e.key())).toList();
  }

  /** The group/version/kinds of all entries, for watching them. */
  public Set<Gvk> kinds() {
    return entries.stream()
        .map(e -> new Gvk(e.key().group(), e.version(), e.key().kind()))
        .collect(
            Collectors.toCollection(
                () -> new TreeSet<>(java.util.Comparator.comparing(Gvk::toString))));
  }

  /** True when there are no entries. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }
}
