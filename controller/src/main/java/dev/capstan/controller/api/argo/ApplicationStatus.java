package dev.capstan.controller.api.argo;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The observed state of an Argo CD {@code Application}, in Argo CD's field names so that tools
 * reading Argo CD's status (its CLI, UI, dashboards) read Capstan's.
 *
 * @param sync comparison of the live state with Git, or {@code null} before the first one
 * @param health aggregated health, or {@code null} before the first assessment
 * @param resources one entry per resource the Application manages
 * @param conditions warnings and errors, e.g. {@code ComparisonError}, {@code SyncError}
 * @param operationState the current or last operation, or {@code null}
 * @param history the last deployments, oldest first
 * @param reconciledAt RFC 3339 time of the last comparison
 * @param observedAt RFC 3339 time the resource tree was last observed (deprecated in Argo CD)
 * @param sourceType {@code Kustomize}, {@code Directory}, {@code Helm} or {@code Plugin}
 * @param sourceTypes the source types of a multi-source Application
 * @param summary images and external URLs found in the resources, or {@code null}
 * @param controllerNamespace namespace of the controller that reconciles the Application
 * @param resourceHealthSource where resource health is kept; empty means inline in {@code
 *     resources}
 * @param sourceHydrator source hydration status; stored, not implemented
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationStatus(
    SyncStatus sync,
    HealthStatus health,
    List<ResourceStatus> resources,
    List<ApplicationCondition> conditions,
    OperationState operationState,
    List<RevisionHistory> history,
    String reconciledAt,
    String observedAt,
    String sourceType,
    List<String> sourceTypes,
    Summary summary,
    String controllerNamespace,
    String resourceHealthSource,
    Map<String, Object> sourceHydrator) {

  public ApplicationStatus {
    resources = List.copyOf(requireNonNullElse(resources, List.of()));
    conditions = List.copyOf(requireNonNullElse(conditions, List.of()));
    history = List.copyOf(requireNonNullElse(history, List.of()));
    reconciledAt = requireNonNullElse(reconciledAt, "");
    observedAt = requireNonNullElse(observedAt, "");
    sourceType = requireNonNullElse(sourceType, "");
    sourceTypes = List.copyOf(requireNonNullElse(sourceTypes, List.of()));
    controllerNamespace = requireNonNullElse(controllerNamespace, "");
    resourceHealthSource = requireNonNullElse(resourceHealthSource, "");
    sourceHydrator =
        Collections.unmodifiableSortedMap(
            new TreeMap<>(requireNonNullElse(sourceHydrator, Map.of())));
  }

  /** An empty status, before the first reconciliation. */
  public static ApplicationStatus empty() {
    return new ApplicationStatus(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * The comparison of the live state with Git ({@code status.sync}).
   *
   * @param status {@code Synced}, {@code OutOfSync} or {@code Unknown}
   * @param revision the resolved revision compared (commit SHA)
   * @param revisions per-source revisions of a multi-source Application
   * @param comparedTo the spec the comparison was made against, or {@code null}
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SyncStatus(
      @JsonInclude(JsonInclude.Include.ALWAYS) String status,
      String revision,
      List<String> revisions,
      ComparedTo comparedTo) {

    /** Live state matches Git. */
    public static final String SYNCED = "Synced";

    /** Live state differs from Git. */
    public static final String OUT_OF_SYNC = "OutOfSync";

    /** The comparison could not be made. */
    public static final String UNKNOWN = "Unknown";

    public SyncStatus {
      status = requireNonNullElse(status, "");
      revision = requireNonNullElse(revision, "");
      revisions = List.copyOf(requireNonNullElse(revisions, List.of()));
    }
  }

  /**
   * The spec a comparison was made against.
   *
   * @param source the single source, or {@code null}
   * @param sources the sources of a multi-source Application
   * @param destination the destination
   * @param ignoreDifferences the ignore rules in force
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ComparedTo(
      ApplicationSource source,
      List<ApplicationSource> sources,
      @JsonInclude(JsonInclude.Include.ALWAYS) ApplicationDestination destination,
      List<ResourceIgnoreDifferences> ignoreDifferences) {
    public ComparedTo {
      sources = List.copyOf(requireNonNullElse(sources, List.of()));
      destination = requireNonNullElse(destination, new ApplicationDestination("", "", ""));
      ignoreDifferences = List.copyOf(requireNonNullElse(ignoreDifferences, List.of()));
    }
  }

  /**
   * Health of the Application or of one resource.
   *
   * @param status {@code Healthy}, {@code Progressing}, {@code Degraded}, {@code Suspended}, {@code
   *     Missing} or {@code Unknown}
   * @param message detail, e.g. why a Deployment is progressing
   * @param lastTransitionTime RFC 3339 time the status last changed
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record HealthStatus(String status, String message, String lastTransitionTime) {
    public HealthStatus {
      status = requireNonNullElse(status, "");
      message = requireNonNullElse(message, "");
      lastTransitionTime = requireNonNullElse(lastTransitionTime, "");
    }
  }

  /**
   * One resource managed by the Application.
   *
   * @param group API group
   * @param version API version
   * @param kind kind
   * @param namespace namespace; empty for cluster-scoped resources
   * @param name name
   * @param status {@code Synced}, {@code OutOfSync} or {@code Unknown}
   * @param health health, or {@code null} for resources without one
   * @param hook whether the resource is a hook
   * @param requiresPruning whether the resource left Git and waits to be pruned
   * @param requiresDeletionConfirmation whether its deletion waits for confirmation
   * @param syncWave the sync wave of the resource
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ResourceStatus(
      String group,
      String version,
      String kind,
      String namespace,
      String name,
      String status,
      HealthStatus health,
      boolean hook,
      boolean requiresPruning,
      boolean requiresDeletionConfirmation,
      long syncWave) {
    public ResourceStatus {
      group = requireNonNullElse(group, "");
      version = requireNonNullElse(version, "");
      kind = requireNonNullElse(kind, "");
      namespace = requireNonNullElse(namespace, "");
      name = requireNonNullElse(name, "");
      status = requireNonNullElse(status, "");
    }
  }

  /**
   * A warning or error about the Application ({@code status.conditions[]}).
   *
   * @param type e.g. {@code ComparisonError}, {@code SyncError}, {@code InvalidSpecError}, {@code
   *     SharedResourceWarning}
   * @param message what is wrong
   * @param lastTransitionTime RFC 3339 time the condition appeared
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ApplicationCondition(
      @JsonInclude(JsonInclude.Include.ALWAYS) String type,
      @JsonInclude(JsonInclude.Include.ALWAYS) String message,
      String lastTransitionTime) {
    public ApplicationCondition {
      type = requireNonNullElse(type, "");
      message = requireNonNullElse(message, "");
      lastTransitionTime = requireNonNullElse(lastTransitionTime, "");
    }
  }

  /**
   * One past deployment ({@code status.history[]}).
   *
   * @param id sequence number, increasing
   * @param revision the revision deployed
   * @param revisions per-source revisions of a multi-source Application
   * @param deployedAt RFC 3339 time the deployment finished
   * @param deployStartedAt RFC 3339 time the deployment started
   * @param source the source deployed, or {@code null}
   * @param sources the sources deployed
   * @param initiatedBy who started the deployment, or {@code null}
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RevisionHistory(
      @JsonInclude(JsonInclude.Include.ALWAYS) long id,
      String revision,
      List<String> revisions,
      @JsonInclude(JsonInclude.Include.ALWAYS) String deployedAt,
      String deployStartedAt,
      ApplicationSource source,
      List<ApplicationSource> sources,
      Operation.InitiatedBy initiatedBy) {
    public RevisionHistory {
      revision = requireNonNullElse(revision, "");
      revisions = List.copyOf(requireNonNullElse(revisions, List.of()));
      deployedAt = requireNonNullElse(deployedAt, "");
      deployStartedAt = requireNonNullElse(deployStartedAt, "");
      sources = List.copyOf(requireNonNullElse(sources, List.of()));
    }
  }

  /**
   * Images and external URLs found in the Application's resources.
   *
   * @param externalURLs URLs of Ingresses and LoadBalancer Services
   * @param images container images
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Summary(List<String> externalURLs, List<String> images) {
    public Summary {
      externalURLs = List.copyOf(requireNonNullElse(externalURLs, List.of()));
      images = List.copyOf(requireNonNullElse(images, List.of()));
    }
  }
}
