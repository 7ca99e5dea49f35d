package dev.capstan.controller.api.argo;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A requested operation on an Application: the top-level {@code operation} field, which a user or
 * the automated-sync loop sets and the controller clears once it has taken the operation on; the
 * progress is reported in {@code status.operationState}.
 *
 * @param sync the sync to run, or {@code null}
 * @param initiatedBy who asked for the operation, or {@code null}
 * @param info extra information about the operation
 * @param retry how the operation is retried on failure, or {@code null} for the default
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Operation(
    SyncOperation sync,
    InitiatedBy initiatedBy,
    List<NameValue> info,
    SyncPolicy.RetryStrategy retry) {

  public Operation {
    info = List.copyOf(requireNonNullElse(info, List.of()));
  }

  /**
   * Who started an operation.
   *
   * @param username the user, when started by hand
   * @param automated whether the controller started it (automated sync)
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record InitiatedBy(String username, boolean automated) {
    public InitiatedBy {
      username = requireNonNullElse(username, "");
    }
  }

  /**
   * The parameters of one sync.
   *
   * @param revision revision to sync to; the spec's when empty
   * @param revisions per-source revisions of a multi-source Application
   * @param prune whether resources that left Git are deleted
   * @param dryRun whether the sync is only simulated
   * @param syncStrategy apply or hook strategy, or {@code null} for the default (hook)
   * @param resources the resources to sync; all when empty
   * @param source overriding source (rollback), or {@code null}
   * @param sources overriding sources of a multi-source Application
   * @param manifests local manifests overriding the source (development only)
   * @param syncOptions per-sync options, added to the spec's
   * @param autoHealAttemptsCount how many self-heal syncs preceded this one
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SyncOperation(
      String revision,
      List<String> revisions,
      boolean prune,
      boolean dryRun,
      SyncStrategy syncStrategy,
      List<SyncOperationResource> resources,
      ApplicationSource source,
      List<ApplicationSource> sources,
      List<String> manifests,
      List<String> syncOptions,
      long autoHealAttemptsCount) {
    public SyncOperation {
      revision = requireNonNullElse(revision, "");
      revisions = List.copyOf(requireNonNullElse(revisions, List.of()));
      resources = List.copyOf(requireNonNullElse(resources, List.of()));
      sources = List.copyOf(requireNonNullElse(sources, List.of()));
      manifests = List.copyOf(requireNonNullElse(manifests, List.of()));
      syncOptions = List.copyOf(requireNonNullElse(syncOptions, List.of()));
    }
  }

  /**
   * How a sync applies resources: {@code apply} (plain apply) or {@code hook} (with hooks, the
   * default). Each is {@code null} when absent.
   *
   * @param apply apply strategy
   * @param hook hook strategy
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SyncStrategy(Force apply, Force hook) {}

  /**
   * Options of a sync strategy.
   *
   * @param force whether resources that cannot be patched are deleted and recreated
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Force(boolean force) {}

  /**
   * One resource selected for a partial sync.
   *
   * @param group API group
   * @param kind kind
   * @param name name
   * @param namespace namespace; empty for cluster-scoped resources
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SyncOperationResource(String group, String kind, String name, String namespace) {
    public SyncOperationResource {
      group = requireNonNullElse(group, "");
      kind = requireNonNullElse(kind, "");
      name = requireNonNullElse(name, "");
      namespace = requireNonNullElse(namespace, "");
    }
  }
}
