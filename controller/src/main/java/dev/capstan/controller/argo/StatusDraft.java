package dev.capstan.controller.argo;

import dev.capstan.controller.api.argo.ApplicationStatus;
import dev.capstan.controller.api.argo.ApplicationStatus.ApplicationCondition;
import dev.capstan.controller.api.argo.ApplicationStatus.HealthStatus;
import dev.capstan.controller.api.argo.ApplicationStatus.ResourceStatus;
import dev.capstan.controller.api.argo.ApplicationStatus.RevisionHistory;
import dev.capstan.controller.api.argo.ApplicationStatus.SyncStatus;
import dev.capstan.controller.api.argo.OperationState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place an Application's status is put together: starts from the previous status (so
 * whatever a step does not know — resources and health after a failed comparison, history — is
 * kept), each step sets its part, {@link #build} stamps {@code reconciledAt}. Conditions are
 * recomputed on every reconcile; a condition that was already there keeps its transition time. Not
 * thread-safe; one per reconcile.
 */
final class StatusDraft {

  static final String INVALID_SPEC = "InvalidSpecError";
  static final String COMPARISON_ERROR = "ComparisonError";
  static final String SYNC_ERROR = "SyncError";
  static final String SHARED_RESOURCE = "SharedResourceWarning";
  static final String DELETION_ERROR = "DeletionError";

  private final ApplicationStatus previous;
  SyncStatus sync;
  HealthStatus health;
  List<ResourceStatus> resources;
  OperationState operationState;
  List<RevisionHistory> history;
  String sourceType;
  List<String> sourceTypes;
  private final Map<String, String> conditions = new LinkedHashMap<>();

  StatusDraft(ApplicationStatus previous) {
    this.previous = previous;
    this.sync = previous.sync();
    this.health = previous.health();
    this.resources = previous.resources();
    this.operationState = previous.operationState();
    this.history = previous.history();
    this.sourceType = previous.sourceType();
    this.sourceTypes = previous.sourceTypes();
  }

  StatusDraft condition(String type, String message) {
    conditions.merge(type, message, (a, b) -> a + "; " + b);
    return this;
  }

  boolean hasCondition(String type) {
    return conditions.containsKey(type);
  }

  ApplicationStatus build(String now, String controllerNamespace) {
    List<ApplicationCondition> out = new ArrayList<>();
    conditions.forEach(
        (type, message) -> {
          String since =
              previous.conditions().stream()
                  .filter(c -> c.type().equals(type) && c.message().equals(message))
                  .map(ApplicationCondition::lastTransitionTime)
                  .findFirst()
                  .orElse(now);
          out.add(new ApplicationCondition(type, message, since));
        });
    HealthStatus h = health;
    if (h != null && previous.health() != null && h.status().equals(previous.health().status())) {
      h = new HealthStatus(h.status(), h.message(), previous.health().lastTransitionTime());
    } else if (h != null) {
      h = new HealthStatus(h.status(), h.message(), now);
    }
    return new ApplicationStatus(
        sync,
        h,
        resources,
        out,
        operationState,
        history,
        now,
        now,
        sourceType,
        sourceTypes,
        previous.summary(),
        controllerNamespace,
        "",
        null);
  }
}
