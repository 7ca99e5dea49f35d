package dev.capstan.controller.api.flux;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.capstan.controller.api.Condition;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The observed state of a Flux {@code Kustomization}.
 *
 * @param observedGeneration the last generation reconciled; -1 before the first reconciliation
 * @param conditions {@code Ready}, {@code Reconciling}, {@code Stalled}, {@code Healthy}
 * @param lastAppliedRevision source revision last applied successfully
 * @param lastAppliedOriginRevision origin revision of the last applied artifact
 * @param lastAttemptedRevision source revision of the last attempt
 * @param lastHandledReconcileAt the {@code reconcile.fluxcd.io/requestedAt} value last handled
 * @param inventory objects applied by the last successful reconciliation, or {@code null}
 * @param history snapshots of recent reconciliations
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
@JsonIgnoreProperties(ignoreUnknown = true)
public record KustomizationStatus(
    long observedGeneration,
    List<Condition> conditions,
    String lastAppliedRevision,
    String lastAppliedOriginRevision,
    String lastAttemptedRevision,
    String lastHandledReconcileAt,
    ResourceInventory inventory,
    List<Snapshot> history) {

  public KustomizationStatus {
    conditions = List.copyOf(requireNonNullElse(conditions, List.of()));
    lastAppliedRevision = requireNonNullElse(lastAppliedRevision, "");
    lastAppliedOriginRevision = requireNonNullElse(lastAppliedOriginRevision, "");
    lastAttemptedRevision = requireNonNullElse(lastAttemptedRevision, "");
    lastHandledReconcileAt = requireNonNullElse(lastHandledReconcileAt, "");
    history = List.copyOf(requireNonNullElse(history, List.of()));
  }

  /** The condition of the given type, if present. */
  public Optional<Condition> condition(String type) {
    return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
  }

  /**
   * The objects a Kustomization applied, used to prune those that later leave the source.
   *
   * @param entries one entry per object
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ResourceInventory(List<InventoryEntry> entries) {
    public ResourceInventory {
      entries = List.copyOf(requireNonNullElse(entries, List.of()));
    }
  }

  /**
   * One applied object.
   *
   * @param id identity in Flux's form {@code <namespace>_<name>_<group>_<kind>} (namespace empty
   *     for cluster-scoped objects)
   * @param v API version of the object
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record InventoryEntry(String id, String v) {
    public InventoryEntry {
      id = requireNonNullElse(id, "");
      v = requireNonNullElse(v, "");
    }

    /** Builds the entry of an object; {@code namespace} and {@code group} may be empty. */
    public static InventoryEntry of(
        String namespace, String name, String group, String kind, String version) {
      return new InventoryEntry(namespace + "_" + name + "_" + group + "_" + kind, version);
    }
  }

  /**
   * A summary of recent reconciliations of one desired state.
   *
   * @param digest digest of the desired state
   * @param firstReconciled RFC 3339 time of the first reconciliation
   * @param lastReconciled RFC 3339 time of the last reconciliation
   * @param lastReconciledDuration duration of the last reconciliation
   * @param lastReconciledStatus outcome of the last reconciliation
   * @param totalReconciliations number of reconciliations
   * @param metadata extra metadata
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Snapshot(
      @JsonInclude(JsonInclude.Include.ALWAYS) String digest,
      @JsonInclude(JsonInclude.Include.ALWAYS) String firstReconciled,
      @JsonInclude(JsonInclude.Include.ALWAYS) String lastReconciled,
      @JsonInclude(JsonInclude.Include.ALWAYS) String lastReconciledDuration,
      @JsonInclude(JsonInclude.Include.ALWAYS) String lastReconciledStatus,
      long totalReconciliations,
      Map<String, String> metadata) {
    public Snapshot {
      digest = requireNonNullElse(digest, "");
      firstReconciled = requireNonNullElse(firstReconciled, "");
      lastReconciled = requireNonNullElse(lastReconciled, "");
      lastReconciledDuration = requireNonNullElse(lastReconciledDuration, "");
      lastReconciledStatus = requireNonNullElse(lastReconciledStatus, "");
      metadata =
          Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNullElse(metadata, Map.of())));
    }
  }
}
