package dev.capstan.engine.health;

import java.util.Objects;
import java.util.Optional;

/**
 * One resource an application manages: what Git wants (target) and what the cluster has (live).
 * Either side may be absent: no live object means the resource is missing; no target means it is
 * extraneous.
 *
 * @param groupKind group and kind
 * @param namespace namespace, empty for cluster-scoped resources
 * @param name name
 * @param target the desired object, if Git has it
 * @param live the live object, if the cluster has it
 */
public record ManagedResource(
    GroupKind groupKind,
    String namespace,
    String name,
    Optional<LiveObject> target,
    Optional<LiveObject> live) {

  /** Rejects nulls. */
  public ManagedResource {
    Objects.requireNonNull(groupKind, "groupKind");
    namespace = namespace == null ? "" : namespace;
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(live, "live");
  }

  /** A resource present both in Git and in the cluster, keyed from the live object. */
  public static ManagedResource of(LiveObject target, LiveObject live) {
    return new ManagedResource(
        live.groupKind(), live.namespace(), live.name(), Optional.of(target), Optional.of(live));
  }

  /** A resource Git wants but the cluster lacks. */
  public static ManagedResource missing(LiveObject target) {
    return new ManagedResource(
        target.groupKind(),
        target.namespace(),
        target.name(),
        Optional.of(target),
        Optional.empty());
  }

  /** A live resource, with or without a target. */
  public static ManagedResource live(LiveObject live) {
    return new ManagedResource(
        live.groupKind(), live.namespace(), live.name(), Optional.empty(), Optional.of(live));
  }

  /** {@code Kind/namespace/name}, or {@code Kind/name} when cluster-scoped. */
  public String identity() {
    return namespace.isEmpty()
        ? groupKind.kind() + "/" + name
        : groupKind.kind() + "/" + namespace + "/" + name;
  }
}
