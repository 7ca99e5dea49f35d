package dev.capstan.engine.health;

import java.util.Objects;
import java.util.Optional;

/**
 * The health of one resource and where it came from.
 *
 * @param identity {@code Kind/namespace/name}
 * @param groupKind the resource's group and kind
 * @param result the health; empty when no check has an opinion on this kind
 * @param source which rule produced it
 */
public record ResourceHealth(
    String identity, GroupKind groupKind, Optional<HealthResult> result, Source source) {

  /** Which rule decided a resource's health. */
  public enum Source {
    /** The object is being deleted: Progressing "Pending deletion". */
    DELETION,
    /** The live object is absent: Missing. */
    ABSENT,
    /** An override supplied in code. */
    OVERRIDE,
    /** A custom Lua script. */
    SCRIPT,
    /** A built-in check. */
    BUILT_IN,
    /** No check covers this kind. */
    NONE
  }

  /** Rejects nulls. */
  public ResourceHealth {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(groupKind, "groupKind");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(source, "source");
  }

  /** The status, if any check had an opinion. */
  public Optional<HealthStatus> status() {
    return result.map(HealthResult::status);
  }
}
