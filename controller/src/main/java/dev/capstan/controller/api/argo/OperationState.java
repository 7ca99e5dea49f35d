package dev.capstan.controller.api.argo;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Progress and outcome of the current or last operation ({@code status.operationState}).
 *
 * @param operation the operation being run
 * @param phase {@code Running}, {@code Terminating}, {@code Failed}, {@code Error} or {@code
 *     Succeeded}
 * @param message human-readable progress or failure
 * @param syncResult what the sync did, or {@code null} while nothing was applied
 * @param startedAt RFC 3339 start time
 * @param finishedAt RFC 3339 end time; empty while running
 * @param retryCount how many times the operation was retried
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OperationState(
    Operation operation,
    @JsonInclude(JsonInclude.Include.ALWAYS) String phase,
    String message,
    SyncResult syncResult,
    @JsonInclude(JsonInclude.Include.ALWAYS) String startedAt,
    String finishedAt,
    long retryCount) {

  /** Phase of an operation still running. */
  public static final String RUNNING = "Running";

  /** Phase of an operation being stopped. */
  public static final String TERMINATING = "Terminating";

  /** Phase of an operation that failed on the resources. */
  public static final String FAILED = "Failed";

  /** Phase of an operation that could not run. */
  public static final String ERROR = "Error";

  /** Phase of an operation that succeeded. */
  public static final String SUCCEEDED = "Succeeded";

  public OperationState {
    phase = requireNonNullElse(phase, "");
    message = requireNonNullElse(message, "");
    startedAt = requireNonNullElse(startedAt, "");
    finishedAt = requireNonNullElse(finishedAt, "");
  }

  /**
   * What a sync did.
   *
   * @param resources one result per resource touched
   * @param revision the revision synced
   * @param revisions per-source revisions of a multi-source Application
   * @param source the source synced, or {@code null}
   * @param sources the sources synced
   * @param managedNamespaceMetadata namespace metadata applied, or {@code null}
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SyncResult(
      List<ResourceResult> resources,
      @JsonInclude(JsonInclude.Include.ALWAYS) String revision,
      List<String> revisions,
      ApplicationSource source,
      List<ApplicationSource> sources,
      SyncPolicy.ManagedNamespaceMetadata managedNamespaceMetadata) {
    public SyncResult {
      resources = List.copyOf(requireNonNullElse(resources, List.of()));
      revision = requireNonNullElse(revision, "");
      revisions = List.copyOf(requireNonNullElse(revisions, List.of()));
      sources = List.copyOf(requireNonNullElse(sources, List.of()));
    }
  }

  /**
   * The result of syncing one resource.
   *
   * @param group API group
   * @param version API version
   * @param kind kind
   * @param namespace namespace; empty for cluster-scoped resources
   * @param name name
   * @param status {@code Synced}, {@code SyncFailed}, {@code Pruned}, {@code PruneSkipped}
   * @param message detail, e.g. the apply error
   * @param hookType hook type when the resource is a hook
   * @param hookPhase phase of the hook
   * @param syncPhase {@code PreSync}, {@code Sync}, {@code PostSync} or {@code SyncFail}
   * @param images container images of the resource
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ResourceResult(
      @JsonInclude(JsonInclude.Include.ALWAYS) String group,
      @JsonInclude(JsonInclude.Include.ALWAYS) String version,
      @JsonInclude(JsonInclude.Include.ALWAYS) String kind,
      @JsonInclude(JsonInclude.Include.ALWAYS) String namespace,
      @JsonInclude(JsonInclude.Include.ALWAYS) String name,
      String status,
      String message,
      String hookType,
      String hookPhase,
      String syncPhase,
      List<String> images) {
    public ResourceResult {
      group = requireNonNullElse(group, "");
      version = requireNonNullElse(version, "");
      kind = requireNonNullElse(kind, "");
      namespace = requireNonNullElse(namespace, "");
      name = requireNonNullElse(name, "");
      status = requireNonNullElse(status, "");
      message = requireNonNullElse(message, "");
      hookType = requireNonNullElse(hookType, "");
      hookPhase = requireNonNullElse(hookPhase, "");
      syncPhase = requireNonNullElse(syncPhase, "");
      images = List.copyOf(requireNonNullElse(images, List.of()));
    }
  }
}
