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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one sync operation (requested or automated) through the engine and reports it in Argo CD's
 * terms: an {@link OperationState} with a per-resource {@code syncResult}, a history entry when it
 * succeeded for real, Events and metrics. Thread-safe.
 */
final class OperationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(OperationRunner.class);

  /** How long a sync runs before its {@code Running} state is written. */
  static final Duration RUNNING_WRITE_DELAY = Duration.ofSeconds(1);

  /**
   * What a sync did.
   *
   * @param state the operation state: finished, or {@code Running} when the sync was interrupted
   * @param result the engine's result
   * @param succeeded true when nothing failed
   * @param interrupted true when the API server stopped answering during the sync: the state stays
   *     {@code Running} and the operation is resumed once the server answers again
   */
  record Run(OperationState state, SyncResult result, boolean succeeded, boolean interrupted) {}

  /**
   * An operation found {@code Running} when it was not: the controller stopped during it, or the
   * API server stopped answering.
   *
   * @param startedAt when the operation started first
   * @param note why it was interrupted
   */
  record Resumption(String startedAt, String note) {}

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

  /**
   * Runs {@code operation}. {@code progress} gets the {@code Running} state when the sync starts
   * and whenever it waits for a wave to become healthy (with the resources applied so far); it must
   * not throw.
   */
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
      long retryCount,
      Optional<Resumption> resumed,
      Consumer<OperationState> progress) {
    String started = resumed.map(Resumption::startedAt).filter(s -> !s.isEmpty()).orElse(now());
    String revision = String.join(",", revisions);
    String resumedNote =
        resumed.map(r -> " (resumed after an interruption: " + r.note() + ")").orElse("");
    boolean automated = operation.initiatedBy() != null && operation.initiatedBy().automated();
    if (resumed.isPresent()) {
      events.warning(
          app,
          "OperationResumed",
          "Resuming sync to '" + revision + "' after an interruption: " + resumed.get().note());
    } else {
      events.normal(
          app,
          "OperationStarted",
          (automated ? "Initiated automated sync to '" : "Initiated sync to '") + revision + "'");
    }
    OperationState running =
        new OperationState(
            operation,
            OperationState.RUNNING,
            "one or more tasks are running" + resumedNote,
            syncResult(List.of(), revisions, sources),
            started,
            "",
            retryCount);
    // Written at once for a resumed operation (its message changes), else only once the sync has
    // run for a moment: most syncs are over before, and their result is the one status write.
    DelayedWrite runningWrite =
        options.dryRun()
            ? DelayedWrite.none()
            : DelayedWrite.after(
                resumed.isPresent() ? Duration.ZERO : RUNNING_WRITE_DELAY,
                () -> progress.accept(running));
    Map<ResourceKey, ResourceResult> applied = new LinkedHashMap<>();
    Map<String, String> versions = versions(desired);
    String[] lastMessage = {""};
    ReportingWaveGate.Listener listener =
        (wave, reason) -> {
          List<GenericKubernetesResource> objects = new ArrayList<>(wave.definitions());
          objects.addAll(wave.rest());
          for (GenericKubernetesResource o : objects) {
            ResourceKey k = ResourceKey.of(o);
            applied.putIfAbsent(
                k,
                resourceResult(
                    k, versions, "Synced", "applied in wave " + wave.number(), "Succeeded"));
          }
          String message =
              "wave "
                  + wave.number()
                  + " applied; waiting for it to become healthy: "
                  + reason
                  + resumedNote;
          if (!message.equals(lastMessage[0])) {
            lastMessage[0] = message;
            runningWrite.cancel();
            progress.accept(
                new OperationState(
                    operation,
                    OperationState.RUNNING,
                    message,
                    syncResult(List.copyOf(applied.values()), revisions, sources),
                    started,
                    "",
                    retryCount));
          }
        };
    SyncResult result;
    try {
      result =
          ReportingWaveGate.reporting(
              listener, () -> syncer.sync(ownership, desired, inventory, options));
    } finally {
      runningWrite.cancel();
    }
    List<Change> failures = result.changes().with(Action.FAILED);
    boolean ok = failures.isEmpty();
    boolean stopped = Thread.currentThread().isInterrupted();
    boolean interrupted =
        !ok
            && (stopped
                || failures.stream()
                    .allMatch(c -> ReportingWaveGate.apiServerUnavailable(c.message())));
    String reason =
        String.join(
            "; ", failures.stream().map(c -> c.key() + ": " + c.message()).limit(5).toList());
    if (interrupted) {
      String message =
          (stopped
                  ? "interrupted: the controller stopped reconciling ("
                  : "interrupted: the API server did not answer (")
              + reason
              + "); nothing was pruned, and the sync is resumed when the API server answers again";
      OperationState state =
          new OperationState(
              operation,
              OperationState.RUNNING,
              message,
              syncResult(resourceResults(result, versions), revisions, sources),
              started,
              "",
              retryCount);
      events.warning(app, "OperationInterrupted", "Sync operation to " + revision + " " + message);
      LOG.warn("{} sync to {} {}", key, revision, message);
      return new Run(state, result, false, true);
    }
    String message =
        ok
            ? "successfully synced (all tasks run)"
            : "one or more objects failed to apply, reason: " + reason;
    OperationState state =
        new OperationState(
            operation,
            ok ? OperationState.SUCCEEDED : OperationState.FAILED,
            message,
            syncResult(resourceResults(result, versions), revisions, sources),
            started,
            now(),
            retryCount);
    metrics.synced(key, app.getSpec().project(), state.phase());
    metrics.applied(result.changes().changes());
    // As Argo CD: no Event per changed object (an Application of hundreds of objects would record
    // hundreds per sync); the changes are in the operation state, its history and the log line.
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
    return new Run(state, result, ok, false);
  }

  private static OperationState.SyncResult syncResult(
      List<ResourceResult> resources, List<String> revisions, List<ApplicationSource> sources) {
    return new OperationState.SyncResult(
        resources,
        revisions.size() == 1 ? revisions.getFirst() : "",
        revisions.size() > 1 ? revisions : List.of(),
        sources.size() == 1 ? sources.getFirst() : null,
        sources.size() > 1 ? sources : List.of(),
        null);
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

  private static Map<String, String> versions(List<GenericKubernetesResource> desired) {
    Map<String, String> versions = new HashMap<>();
    for (GenericKubernetesResource o : desired) {
      ResourceKey k = ResourceKey.of(o);
      versions.put(
          k.group() + "/" + k.kind() + "/" + k.name(), ResourceStatuses.version(o.getApiVersion()));
    }
    return versions;
  }

  private static ResourceResult resourceResult(
      ResourceKey k, Map<String, String> versions, String status, String message, String phase) {
    return new ResourceResult(
        k.group(),
        versions.getOrDefault(k.group() + "/" + k.kind() + "/" + k.name(), ""),
        k.kind(),
        k.namespace(),
        k.name(),
        status,
        message,
        "",
        phase,
        "Sync",
        List.of());
  }

  private static List<ResourceResult> resourceResults(
      SyncResult result, Map<String, String> versions) {
    List<ResourceResult> out = new ArrayList<>();
    for (Change c : result.changes().changes()) {
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
          resourceResult(
              c.key(),
              versions,
              status,
              message,
              c.action() == Action.FAILED ? "Failed" : "Succeeded"));
    }
    return out;
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
