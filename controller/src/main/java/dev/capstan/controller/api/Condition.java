package dev.capstan.controller.api;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One condition in the shape of Kubernetes' {@code metav1.Condition}, as Flux's {@code
 * status.conditions} use it: {@code Ready}, {@code Reconciling}, {@code Stalled}, {@code Healthy}.
 *
 * @param type condition type in PascalCase, e.g. {@code Ready}
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param observedGeneration the {@code metadata.generation} the condition was computed for
 * @param lastTransitionTime RFC 3339 time of the last change of {@code status}
 * @param reason PascalCase reason, e.g. {@code ReconciliationSucceeded}
 * @param message human-readable detail; may be empty
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Condition(
    @JsonInclude(JsonInclude.Include.ALWAYS) String type,
    @JsonInclude(JsonInclude.Include.ALWAYS) String status,
    long observedGeneration,
    @JsonInclude(JsonInclude.Include.ALWAYS) String lastTransitionTime,
    @JsonInclude(JsonInclude.Include.ALWAYS) String reason,
    @JsonInclude(JsonInclude.Include.ALWAYS) String message) {

  /** Status value of a condition that holds. */
  public static final String TRUE = "True";

  /** Status value of a condition that does not hold. */
  public static final String FALSE = "False";

  /** Status value of a condition that could not be determined. */
  public static final String UNKNOWN = "Unknown";

  public Condition {
    type = requireNonNullElse(type, "");
    status = requireNonNullElse(status, "");
    lastTransitionTime = requireNonNullElse(lastTransitionTime, "");
    reason = requireNonNullElse(reason, "");
    message = requireNonNullElse(message, "");
  }

  /** Whether this condition's status is {@code True}. */
  @JsonIgnore
  public boolean isTrue() {
    return TRUE.equals(status);
  }

  /** Whether this condition's status is {@code False}. */
  @JsonIgnore
  public boolean isFalse() {
    return FALSE.equals(status);
  }
}
