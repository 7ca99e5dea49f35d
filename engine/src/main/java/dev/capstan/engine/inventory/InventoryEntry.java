package dev.capstan.engine.inventory;

import dev.capstan.engine.cluster.ResourceKey;
import java.util.Objects;
import java.util.Optional;

/**
 * One object in an {@link Inventory}: its key and the API version it was applied with.
 *
 * <p>{@link #id()} is Flux's inventory id {@code <namespace>_<name>_<group>_<kind>} (the format of
 * the cli-utils object metadata Flux stores in {@code status.inventory.entries[].id}); a colon in a
 * name, allowed for RBAC objects, is written as {@code __}.
 *
 * @param key the object's identity
 * @param version the API version it was applied with ({@code v1}, not {@code apps/v1}: the group is
 *     in the key), may be empty when unknown
 */
public record InventoryEntry(ResourceKey key, String version)
    implements Comparable<InventoryEntry> {

  public InventoryEntry {
    Objects.requireNonNull(key, "key");
    version = version == null ? "" : version;
  }

  /** Flux's id of this entry. */
  public String id() {
    return key.namespace()
        + "_"
        + key.name().replace(":", "__")
        + "_"
        + key.group()
        + "_"
        + key.kind();
  }

  /** The {@code apiVersion} this entry was applied with, e.g. {@code apps/v1}. */
  public String apiVersion() {
    return key.group().isEmpty() ? version : key.group() + "/" + version;
  }

  /**
   * Parses a Flux inventory id with its version; empty when malformed. Namespaces, groups and kinds
   * cannot contain underscores, so the first field is the namespace, the last two the group and
   * kind, and everything between is the name (with {@code __} turned back into {@code :}).
   */
  public static Optional<InventoryEntry> parse(String id, String version) {
    if (id == null) {
      return Optional.empty();
    }
    String[] f = id.split("_", -1);
    if (f.length < 4) {
      return Optional.empty();
    }
    String namespace = f[0];
    String kind = f[f.length - 1];
    String group = f[f.length - 2];
    String name =
        String.join("_", java.util.Arrays.copyOfRange(f, 1, f.length - 2)).replace("__", ":");
    if (kind.isEmpty() || name.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new InventoryEntry(new ResourceKey(group, kind, namespace, name), version));
  }

  @Override
  public int compareTo(InventoryEntry other) {
    return key.compareTo(other.key);
  }

  @Override
  public String toString() {
    return id() + " " + version;
  }
}
