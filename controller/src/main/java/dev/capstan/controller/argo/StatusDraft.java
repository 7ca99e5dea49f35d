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

  /**
   * True when {@code built} says nothing {@code previous} does not, apart from the time stamps, and
   * {@code previous} was written less than {@code interval} ago: writing it would only move {@code
   * reconciledAt}. A reconcile caused by the echo of the controller's own apply then costs no
   * write; a reconcile of the poll, at least {@code interval} later, always writes.
   */
  static boolean recentlyWritten(
      ApplicationStatus previous, ApplicationStatus built, java.time.Duration interval) {
    if (previous.reconciledAt().isEmpty() || !withoutTimes(previous).equals(withoutTimes(built))) {
      return false;
    }
    try {
      java.time.Instant last = java.time.Instant.parse(previous.reconciledAt());
      java.time.Instant now = java.time.Instant.parse(built.reconciledAt());
      return now.isBefore(last.plus(interval));
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  private static ApplicationStatus withoutTimes(ApplicationStatus s) {
    return new ApplicationStatus(
        s.sync(),
        s.health(),
        s.resources(),
        s.conditions(),
        s.operationState(),
        s.history(),
        "",
        "",
        s.sourceType(),
        s.sourceTypes(),
        s.summary(),
        s.controllerNamespace(),
        s.resourceHealthSource(),
        s.sourceHydrator());
  }
}
