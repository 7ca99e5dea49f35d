package dev.capstan.controller.api.argo;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The policy of an Argo CD {@code AppProject}. Entries of {@code sourceRepos}, {@code destinations}
 * and the group/kind lists are globs; {@code "*"} allows anything.
 *
 * @param description free text
 * @param sourceRepos repository URLs Applications may deploy from
 * @param sourceNamespaces namespaces in which Applications of the project may be created
 * @param destinations clusters and namespaces Applications may deploy to
 * @param clusterResourceWhitelist cluster-scoped kinds that may be deployed; none when empty
 * @param clusterResourceBlacklist cluster-scoped kinds that may not be deployed
 * @param namespaceResourceWhitelist namespaced kinds that may be deployed; all when empty
 * @param namespaceResourceBlacklist namespaced kinds that may not be deployed
 * @param roles project roles with their policies
 * @param orphanedResources orphaned-resource monitoring, or {@code null} when off
 * @param syncWindows time windows that allow or deny syncs
 * @param signatureKeys GnuPG keys commits must be signed with
 * @param permitOnlyProjectScopedClusters whether only clusters scoped to the project may be used
 * @param destinationServiceAccounts service accounts to impersonate per destination
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppProjectSpec(
    String description,
    List<String> sourceRepos,
    List<String> sourceNamespaces,
    List<ApplicationDestination> destinations,
    List<GroupKind> clusterResourceWhitelist,
    List<GroupKind> clusterResourceBlacklist,
    List<GroupKind> namespaceResourceWhitelist,
    List<GroupKind> namespaceResourceBlacklist,
    List<ProjectRole> roles,
    OrphanedResources orphanedResources,
    List<SyncWindow> syncWindows,
    List<SignatureKey> signatureKeys,
    boolean permitOnlyProjectScopedClusters,
    List<DestinationServiceAccount> destinationServiceAccounts) {

  public AppProjectSpec {
    description = requireNonNullElse(description, "");
    sourceRepos = List.copyOf(requireNonNullElse(sourceRepos, List.of()));
    sourceNamespaces = List.copyOf(requireNonNullElse(sourceNamespaces, List.of()));
    destinations = List.copyOf(requireNonNullElse(destinations, List.of()));
    clusterResourceWhitelist = List.copyOf(requireNonNullElse(clusterResourceWhitelist, List.of()));
    clusterResourceBlacklist = List.copyOf(requireNonNullElse(clusterResourceBlacklist, List.of()));
    namespaceResourceWhitelist =
        List.copyOf(requireNonNullElse(namespaceResourceWhitelist, List.of()));
    namespaceResourceBlacklist =
        List.copyOf(requireNonNullElse(namespaceResourceBlacklist, List.of()));
    roles = List.copyOf(requireNonNullElse(roles, List.of()));
    syncWindows = List.copyOf(requireNonNullElse(syncWindows, List.of()));
    signatureKeys = List.copyOf(requireNonNullElse(signatureKeys, List.of()));
    destinationServiceAccounts =
        List.copyOf(requireNonNullElse(destinationServiceAccounts, List.of()));
  }

  /** The spec of Argo CD's {@code default} project: any repository, any destination, any kind. */
  public static AppProjectSpec permissive(String description) {
    return new AppProjectSpec(
        description,
        List.of("*"),
        List.of(),
        List.of(new ApplicationDestination("*", "", "*")),
        List.of(new GroupKind("*", "*")),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        List.of(),
        List.of(),
        false,
        List.of());
  }

  /**
   * An API group and kind; both may be globs.
   *
   * @param group API group; empty for the core group
   * @param kind kind
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record GroupKind(String group, String kind) {
    public GroupKind {
      group = requireNonNullElse(group, "");
      kind = requireNonNullElse(kind, "");
    }
  }

  /**
   * A project role.
   *
   * @param name role name, used as {@code proj:<project>:<name>} in policies
   * @param description free text
   * @param policies Casbin policy lines
   * @param groups SSO groups that hold the role
   * @param jwtTokens tokens issued for the role
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ProjectRole(
      @JsonInclude(JsonInclude.Include.ALWAYS) String name,
      String description,
      List<String> policies,
      List<String> groups,
      List<JwtToken> jwtTokens) {
    public ProjectRole {
      name = requireNonNullElse(name, "");
      description = requireNonNullElse(description, "");
      policies = List.copyOf(requireNonNullElse(policies, List.of()));
      groups = List.copyOf(requireNonNullElse(groups, List.of()));
      jwtTokens = List.copyOf(requireNonNullElse(jwtTokens, List.of()));
    }
  }

  /**
   * A token issued for a project role.
   *
   * @param iat issued-at, seconds since the epoch
   * @param exp expiry, seconds since the epoch; 0 for none
   * @param id token id
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record JwtToken(@JsonInclude(JsonInclude.Include.ALWAYS) long iat, long exp, String id) {
    public JwtToken {
      id = requireNonNullElse(id, "");
    }
  }

  /**
   * Orphaned-resource monitoring.
   *
   * @param warn whether orphaned resources raise a warning condition
   * @param ignore resources never reported as orphaned
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record OrphanedResources(boolean warn, List<OrphanedResourceKey> ignore) {
    public OrphanedResources {
      ignore = List.copyOf(requireNonNullElse(ignore, List.of()));
    }
  }

  /**
   * A resource excluded from orphan monitoring.
   *
   * @param group API group
   * @param kind kind
   * @param name name (glob)
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record OrphanedResourceKey(String group, String kind, String name) {
    public OrphanedResourceKey {
      group = requireNonNullElse(group, "");
      kind = requireNonNullElse(kind, "");
      name = requireNonNullElse(name, "");
    }
  }

  /**
   * A time window that allows or denies syncs.
   *
   * @param kind {@code allow} or {@code deny}
   * @param schedule cron schedule of the window's start
   * @param duration length of the window, e.g. {@code 1h}
   * @param applications Application name globs the window applies to
   * @param namespaces namespace globs the window applies to
   * @param clusters cluster globs the window applies to
   * @param manualSync whether manual syncs are allowed inside a deny window
   * @param timeZone time zone of the schedule
   * @param andOperator whether all selectors must match rather than any
   * @param description free text
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SyncWindow(
      String kind,
      String schedule,
      String duration,
      List<String> applications,
      List<String> namespaces,
      List<String> clusters,
      boolean manualSync,
      String timeZone,
      boolean andOperator,
      String description) {
    public SyncWindow {
      kind = requireNonNullElse(kind, "");
      schedule = requireNonNullElse(schedule, "");
      duration = requireNonNullElse(duration, "");
      applications = List.copyOf(requireNonNullElse(applications, List.of()));
      namespaces = List.copyOf(requireNonNullElse(namespaces, List.of()));
      clusters = List.copyOf(requireNonNullElse(clusters, List.of()));
      timeZone = requireNonNullElse(timeZone, "");
      description = requireNonNullElse(description, "");
    }
  }

  /**
   * A GnuPG key id commits must be signed with.
   *
   * @param keyID the key id
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SignatureKey(String keyID) {
    public SignatureKey {
      keyID = requireNonNullElse(keyID, "");
    }
  }

  /**
   * The service account impersonated when deploying to a destination.
   *
   * @param server API server URL (glob)
   * @param namespace namespace (glob)
   * @param defaultServiceAccount service account, {@code namespace:name} or {@code name}
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record DestinationServiceAccount(
      @JsonInclude(JsonInclude.Include.ALWAYS) String server,
      String namespace,
      @JsonInclude(JsonInclude.Include.ALWAYS) String defaultServiceAccount) {
    public DestinationServiceAccount {
      server = requireNonNullElse(server, "");
      namespace = requireNonNullElse(namespace, "");
      defaultServiceAccount = requireNonNullElse(defaultServiceAccount, "");
    }
  }
}
