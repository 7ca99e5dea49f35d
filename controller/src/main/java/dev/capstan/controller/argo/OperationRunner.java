package dev.capstan.controller.argo;

import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.api.argo.ApplicationSource;
import dev.capstan.controller.api.argo.ApplicationStatus.RevisionHistory;
import dev.capstan.controller.api.argo.Operation;
import dev.capstan.controller.api.argo.OperationState;
import dev.capstan.controller.api.argo.OperationState.ResourceResult;
import dev.capstan.engine.cluster.ResourceKey;
import dev.capstan.engine.inventory.Inventory;
import dev.capstan.engine.inventory.Ownership;
import dev.capstan.engine.sync.Action;
import dev.capstan.engine.sync.Change;
import dev.capstan.engine.sync.SyncOptions;
import dev.capstan.engine.sync.SyncResult;
import dev.capstan.engine.sync.Syncer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one sync operation (requested or automated) through the engine and reports it in Argo CD's
 * terms: an {@link OperationState} with a per-resource {@code syncResult}, a history entry when it
 * succeeded for real, Events and metrics. Thread-safe.
 */
final class OperationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(OperationRunner.class);

  /**
   * What a sync did.
   *
   * @param state the finished operation state
   * @param result the engine's result
   * @param succeeded true when nothing failed
   */
  record Run(OperationState state, SyncResult result, boolean succeeded) {}

  private final Syncer syncer;
  private final AppEvents events;
  private final AppMetrics metrics;
  private final Clock clock;

  OperationRunner(Syncer syncer, AppEvents events, AppMetrics metrics, Clock clock) {
    this.syncer = syncer;
    this.events = events;
    this.metrics = metrics;
    this.clock = clock;
  }

  Run run(
      AppKey key,
      Application app,
      Ownership ownership,
      Operation operation,
      List<GenericKubernetesResource> desired,
      Inventory inventory,
      SyncOptions options,
      List<String> revisions,
      List<ApplicationSource> sources,
      long retryCount) {
    String started = now();
    String revision = String.join(",", revisions);
    boolean automated = operation.initiatedBy() != null && operation.initiatedBy().automated();
    events.normal(
        app,
        "OperationStarted",
        (automated ? "Initiated automated sync to '" : "Initiated sync to '") + revision + "'");
    SyncResult result = syncer.sync(ownership, desired, inventory, options);
    List<Change> failures = result.changes().with(Action.FAILED);
    boolean ok = failures.isEmpty();
    String message =
        ok
            ? "successfully synced (all tasks run)"
            : "one or more objects failed to apply, reason: "
                + String.join(
                    "; ",
                    failures.stream().map(c -> c.key() + ": " + c.message()).limit(5).toList());
    OperationState state =
        new OperationState(
            operation,
            ok ? OperationState.SUCCEEDED : OperationState.FAILED,
            message,
            new OperationState.SyncResult(
                resourceResults(result, desired),
                revisions.size() == 1 ? revisions.getFirst() : "",
                revisions.size() > 1 ? revisions : List.of(),
                sources.size() == 1 ? sources.getFirst() : null,
                sources.size() > 1 ? sources : List.of(),
                null),
            started,
            now(),
            retryCount);
    metrics.synced(key, app.getSpec().project(), state.phase());
    metrics.applied(result.changes().changes());
    for (Change c : result.changes().changes()) {
      if (c.action().changes() && !options.dryRun()) {
        events.normal(app, "ResourceUpdated", "Updated " + c.key() + ": " + c.action());
      }
    }
    if (ok) {
      events.normal(app, "OperationCompleted", "Sync operation to " + revision + " succeeded");
    } else {
      events.warning(
          app, "OperationCompleted", "Sync operation to " + revision + " failed: " + message);
    }
    LOG.info(
        "{} sync to {} {}: {}",
        key,
        revision,
        state.phase(),
        result.changes().changes().stream().filter(c -> c.action() != Action.UNCHANGED).toList());
    return new Run(state, result, ok);
  }

  /** The history with a new entry for {@code state} appended, trimmed to {@code limit}. */
  static List<RevisionHistory> appendHistory(
      List<RevisionHistory> history,
      OperationState state,
      List<ApplicationSource> sources,
      long limit) {
    List<RevisionHistory> out = new ArrayList<>(history);
    long id = history.stream().mapToLong(RevisionHistory::id).max().orElse(-1) + 1;
    OperationState.SyncResult r = state.syncResult();
    out.add(
        new RevisionHistory(
            id,
            r.revision(),
            r.revisions(),
            state.finishedAt(),
            state.startedAt(),
            sources.size() == 1 ? sources.getFirst() : null,
            sources.size() > 1 ? sources : List.of(),
            state.operation() == null ? null : state.operation().initiatedBy()));
    while (out.size() > Math.max(limit, 1)) {
      out.removeFirst();
    }
    return out;
  }

  private static List<ResourceResult> resourceResults(
      SyncResult result, List<GenericKubernetesResource> desired) {
    Map<String, String> versions = new HashMap<>();
    for (GenericKubernetesResource o : desired) {
      ResourceKey k = ResourceKey.of(o);
      versions.put(
          k.group() + "/" + k.kind() + "/" + k.name(), ResourceStatuses.version(o.getApiVersion()));
    }
    List<ResourceResult> out = new ArrayList<>();
    for (Change c : result.changes().changes()) {
      ResourceKey k = c.key();
      String status =
          switch (c.action()) {
            case CREATED, CONFIGURED, UNCHANGED -> "Synced";
            case DELETED -> "Pruned";
            case FAILED -> "SyncFailed";
            case SKIPPED ->
                c.message().toLowerCase().contains("prun") ? "PruneSkipped" : "SyncSkipped";
          };
      String message =
          c.message().isEmpty()
              ? c.action().toString().toLowerCase()
              : c.action().toString().toLowerCase() + ": " + c.message();
      out.add(
          new ResourceResult(
              k.group(),
              versions.getOrDefault(k.group() + "/" + k.kind() + "/" + k.name(), ""),
              k.kind(),
              k.namespace(),
              k.name(),
              status,
              message,
              "",
              c.action() == Action.FAILED ? "Failed" : "Succeeded",
              "Sync",
              List.of()));
    }
    return out;
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
