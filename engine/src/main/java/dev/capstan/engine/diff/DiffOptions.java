package dev.capstan.engine.diff;

import java.util.List;
import java.util.Objects;

/**
 * How to compare desired and live objects. Immutable; start from {@link #defaults()}.
 *
 * @param fieldManager the server-side apply field manager the dry run applies as; it must be the
 *     one the sync applies with, or the prediction would not match what a sync does
 * @param ignoreDifferences rules hiding fields from comparison
 */
public record DiffOptions(String fieldManager, List<IgnoreDifference> ignoreDifferences) {

  /** Capstan's field manager, a public contract: objects applied by Capstan carry it. */
  public static final String FIELD_MANAGER = "capstan";

  public DiffOptions {
    Objects.requireNonNull(fieldManager, "fieldManager");
    ignoreDifferences = List.copyOf(ignoreDifferences);
  }

  /** Field manager {@value #FIELD_MANAGER}, no ignore rules. */
  public static DiffOptions defaults() {
    return new DiffOptions(FIELD_MANAGER, List.of());
  }

  /** These options with another field manager. */
  public DiffOptions withFieldManager(String manager) {
    return new DiffOptions(manager, ignoreDifferences);
  }

  /** These options with these ignore rules (replacing any before). */
  public DiffOptions withIgnoreDifferences(List<IgnoreDifference> rules) {
    return new DiffOptions(fieldManager, rules);
  }
}
