package dev.capstan.controller.api.flux;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.capstan.controller.api.Condition;
import java.util.List;
import java.util.Optional;

/**
 * The observed state of a Flux {@code GitRepository}.
 *
 * @param observedGeneration the last generation reconciled; -1 before the first reconciliation
 * @param conditions {@code Ready}, {@code Reconciling}, {@code Stalled}, {@code FetchFailed}...
 * @param artifact the artifact of the last successful reconciliation, or {@code null}
 * @param includedArtifacts artifacts of the included repositories
 * @param observedIgnore the ignore patterns used for the artifact, or {@code null}
 * @param observedRecurseSubmodules the submodule setting used for the artifact
 * @param observedInclude the includes used for the artifact
 * @param observedSparseCheckout the sparse checkout used for the artifact
 * @param sourceVerificationMode the verification mode last used
 * @param lastHandledReconcileAt the {@code reconcile.fluxcd.io/requestedAt} value last handled
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GitRepositoryStatus(
    long observedGeneration,
    List<Condition> conditions,
    Artifact artifact,
    List<Artifact> includedArtifacts,
    @JsonInclude(JsonInclude.Include.NON_NULL) String observedIgnore,
    boolean observedRecurseSubmodules,
    List<GitRepositorySpec.Include> observedInclude,
    List<String> observedSparseCheckout,
    String sourceVerificationMode,
    String lastHandledReconcileAt) {

  public GitRepositoryStatus {
    conditions = List.copyOf(requireNonNullElse(conditions, List.of()));
    includedArtifacts = List.copyOf(requireNonNullElse(includedArtifacts, List.of()));
    observedInclude = List.copyOf(requireNonNullElse(observedInclude, List.of()));
    observedSparseCheckout = List.copyOf(requireNonNullElse(observedSparseCheckout, List.of()));
    sourceVerificationMode = requireNonNullElse(sourceVerificationMode, "");
    lastHandledReconcileAt = requireNonNullElse(lastHandledReconcileAt, "");
  }

  /** The condition of the given type, if present. */
  public Optional<Condition> condition(String type) {
    return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
  }
}
