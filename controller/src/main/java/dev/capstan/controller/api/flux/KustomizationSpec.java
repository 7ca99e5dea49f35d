package dev.capstan.controller.api.flux;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The desired state of a Flux {@code Kustomization}. Durations are strings in Go's format; see
 * {@link GoDuration}.
 *
 * @param sourceRef the source whose artifact holds the manifests
 * @param path directory in the artifact; its root when empty
 * @param interval how often the Kustomization is reconciled
 * @param retryInterval delay before retrying a failure; {@code interval} when empty
 * @param timeout timeout of build, apply and health checks; {@code interval} when empty
 * @param prune whether objects that left the source are deleted
 * @param waitForReady Flux's {@code wait}: whether every applied object must become ready (then
 *     {@code healthChecks} are ignored); renamed because {@code wait} is taken by {@link Object}
 * @param force whether objects with changed immutable fields are recreated
 * @param suspend whether reconciliation is suspended
 * @param healthChecks objects whose readiness gates this Kustomization's
 * @param healthCheckExprs CEL health rules for custom kinds (stored, not evaluated)
 * @param dependsOn Kustomizations that must be ready first
 * @param targetNamespace namespace set on every namespaced object
 * @param namePrefix prefix added to every object name
 * @param nameSuffix suffix added to every object name
 * @param patches strategic-merge or JSON 6902 patches, inline
 * @param images image overrides
 * @param components kustomize components, relative to {@code path}
 * @param ignoreMissingComponents whether missing components are skipped
 * @param commonMetadata labels and annotations set on every object, or {@code null}
 * @param postBuild variable substitution after the build, or {@code null}
 * @param serviceAccountName service account impersonated when applying
 * @param kubeConfig kubeconfig of a remote cluster (stored, not supported), or {@code null}
 * @param decryption SOPS decryption (stored, not implemented), or {@code null}
 * @param deletionPolicy {@code MirrorPrune} (default), {@code Delete}, {@code WaitForTermination}
 *     or {@code Orphan}
 * @param driftIgnoreRules fields ignored when detecting drift
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
@JsonIgnoreProperties(ignoreUnknown = true)
public record KustomizationSpec(
    SourceReference sourceRef,
    String path,
    @JsonInclude(JsonInclude.Include.ALWAYS) String interval,
    String retryInterval,
    String timeout,
    @JsonInclude(JsonInclude.Include.ALWAYS) boolean prune,
    @JsonProperty("wait") boolean waitForReady,
    boolean force,
    boolean suspend,
    List<NamespacedKindReference> healthChecks,
    List<CustomHealthCheck> healthCheckExprs,
    List<DependencyReference> dependsOn,
    String targetNamespace,
    String namePrefix,
    String nameSuffix,
    List<Patch> patches,
    List<Image> images,
    List<String> components,
    boolean ignoreMissingComponents,
    CommonMetadata commonMetadata,
    PostBuild postBuild,
    String serviceAccountName,
    KubeConfigReference kubeConfig,
    Decryption decryption,
    String deletionPolicy,
    List<DriftIgnoreRule> driftIgnoreRules) {

  /** The deletion policy that follows {@code prune}. */
  public static final String DELETION_POLICY_MIRROR_PRUNE = "MirrorPrune";

  public KustomizationSpec {
    path = requireNonNullElse(path, "");
    interval = requireNonNullElse(interval, "");
    retryInterval = requireNonNullElse(retryInterval, "");
    timeout = requireNonNullElse(timeout, "");
    healthChecks = List.copyOf(requireNonNullElse(healthChecks, List.of()));
    healthCheckExprs = List.copyOf(requireNonNullElse(healthCheckExprs, List.of()));
    dependsOn = List.copyOf(requireNonNullElse(dependsOn, List.of()));
    targetNamespace = requireNonNullElse(targetNamespace, "");
    namePrefix = requireNonNullElse(namePrefix, "");
    nameSuffix = requireNonNullElse(nameSuffix, "");
    patches = List.copyOf(requireNonNullElse(patches, List.of()));
    images = List.copyOf(requireNonNullElse(images, List.of()));
    components = List.copyOf(requireNonNullElse(components, List.of()));
    serviceAccountName = requireNonNullElse(serviceAccountName, "");
    deletionPolicy = requireNonNullElse(deletionPolicy, "");
    driftIgnoreRules = List.copyOf(requireNonNullElse(driftIgnoreRules, List.of()));
  }

  /** The deletion policy with Flux's default applied. */
  public String effectiveDeletionPolicy() {
    return deletionPolicy.isEmpty() ? DELETION_POLICY_MIRROR_PRUNE : deletionPolicy;
  }

  /**
   * The source a Kustomization reads.
   *
   * @param apiVersion API version of the source; empty for the served one
   * @param kind {@code GitRepository} (implemented), {@code OCIRepository}, {@code Bucket} or
   *     {@code ExternalArtifact}
   * @param name name of the source
   * @param namespace namespace of the source; the Kustomization's own when empty
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SourceReference(
      String apiVersion,
      @JsonInclude(JsonInclude.Include.ALWAYS) String kind,
      @JsonInclude(JsonInclude.Include.ALWAYS) String name,
      String namespace) {
    public SourceReference {
      apiVersion = requireNonNullElse(apiVersion, "");
      kind = requireNonNullElse(kind, "");
      name = requireNonNullElse(name, "");
      namespace = requireNonNullElse(namespace, "");
    }
  }

  /**
   * An object by kind, name and namespace, e.g. a health check target.
   *
   * @param apiVersion API version
   * @param kind kind
   * @param name name
   * @param namespace namespace; the Kustomization's own when empty
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record NamespacedKindReference(
      String apiVersion,
      @JsonInclude(JsonInclude.Include.ALWAYS) String kind,
      @JsonInclude(JsonInclude.Include.ALWAYS) String name,
      String namespace) {
    public NamespacedKindReference {
      apiVersion = requireNonNullElse(apiVersion, "");
      kind = requireNonNullElse(kind, "");
      name = requireNonNullElse(name, "");
      namespace = requireNonNullElse(namespace, "");
    }
  }

  /**
   * A CEL health rule for a custom kind.
   *
   * @param apiVersion API version of the kind
   * @param kind kind
   * @param current expression true when the object is ready
   * @param inProgress expression true while it progresses
   * @param failed expression true when it failed
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CustomHealthCheck(
      String apiVersion, String kind, String current, String inProgress, String failed) {
    public CustomHealthCheck {
      apiVersion = requireNonNullElse(apiVersion, "");
      kind = requireNonNullElse(kind, "");
      current = requireNonNullElse(current, "");
      inProgress = requireNonNullElse(inProgress, "");
      failed = requireNonNullElse(failed, "");
    }
  }

  /**
   * A Kustomization that must be ready first.
   *
   * @param name its name
   * @param namespace its namespace; this Kustomization's own when empty
   * @param readyExpr CEL expression replacing the readiness check (stored, not evaluated)
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record DependencyReference(
      @JsonInclude(JsonInclude.Include.ALWAYS) String name, String namespace, String readyExpr) {
    public DependencyReference {
      name = requireNonNullElse(name, "");
      namespace = requireNonNullElse(namespace, "");
      readyExpr = requireNonNullElse(readyExpr, "");
    }
  }

  /**
   * An inline patch and the objects it applies to.
   *
   * @param patch strategic-merge or JSON 6902 patch
   * @param target the objects to patch, or {@code null} for the patch's own object
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Patch(@JsonInclude(JsonInclude.Include.ALWAYS) String patch, Selector target) {
    public Patch {
      patch = requireNonNullElse(patch, "");
    }
  }

  /**
   * Selects objects; empty fields match anything.
   *
   * @param group API group
   * @param version API version
   * @param kind kind
   * @param name name (regular expression)
   * @param namespace namespace (regular expression)
   * @param labelSelector label selector
   * @param annotationSelector annotation selector
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Selector(
      String group,
      String version,
      String kind,
      String name,
      String namespace,
      String labelSelector,
      String annotationSelector) {
    public Selector {
      group = requireNonNullElse(group, "");
      version = requireNonNullElse(version, "");
      kind = requireNonNullElse(kind, "");
      name = requireNonNullElse(name, "");
      namespace = requireNonNullElse(namespace, "");
      labelSelector = requireNonNullElse(labelSelector, "");
      annotationSelector = requireNonNullElse(annotationSelector, "");
    }
  }

  /**
   * An image override.
   *
   * @param name image name to match
   * @param newName replacement name
   * @param newTag replacement tag
   * @param digest replacement digest; wins over {@code newTag}
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Image(
      @JsonInclude(JsonInclude.Include.ALWAYS) String name,
      String newName,
      String newTag,
      String digest) {
    public Image {
      name = requireNonNullElse(name, "");
      newName = requireNonNullElse(newName, "");
      newTag = requireNonNullElse(newTag, "");
      digest = requireNonNullElse(digest, "");
    }
  }

  /**
   * Labels and annotations set on every applied object.
   *
   * @param labels labels
   * @param annotations annotations
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CommonMetadata(Map<String, String> labels, Map<String, String> annotations) {
    public CommonMetadata {
      labels =
          Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNullElse(labels, Map.of())));
      annotations =
          Collections.unmodifiableSortedMap(
              new TreeMap<>(requireNonNullElse(annotations, Map.of())));
    }
  }

  /**
   * Variable substitution on the built manifests.
   *
   * @param substitute variables by name
   * @param substituteFrom ConfigMaps and Secrets whose data are variables
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PostBuild(
      Map<String, String> substitute, List<SubstituteReference> substituteFrom) {
    public PostBuild {
      substitute =
          Collections.unmodifiableSortedMap(
              new TreeMap<>(requireNonNullElse(substitute, Map.of())));
      substituteFrom = List.copyOf(requireNonNullElse(substituteFrom, List.of()));
    }
  }

  /**
   * A ConfigMap or Secret holding substitution variables.
   *
   * @param kind {@code ConfigMap} or {@code Secret}
   * @param name its name, in the Kustomization's namespace
   * @param optional whether a missing object is tolerated
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SubstituteReference(
      @JsonInclude(JsonInclude.Include.ALWAYS) String kind,
      @JsonInclude(JsonInclude.Include.ALWAYS) String name,
      boolean optional) {
    public SubstituteReference {
      kind = requireNonNullElse(kind, "");
      name = requireNonNullElse(name, "");
    }
  }

  /**
   * Where the kubeconfig of a remote cluster is.
   *
   * @param secretRef Secret and key holding the kubeconfig, or {@code null}
   * @param configMapRef ConfigMap with provider settings, or {@code null}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record KubeConfigReference(
      SecretKeyReference secretRef, LocalObjectReference configMapRef) {}

  /**
   * A key in a Secret.
   *
   * @param name Secret name
   * @param key key; {@code value} or {@code value.yaml} when empty
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SecretKeyReference(
      @JsonInclude(JsonInclude.Include.ALWAYS) String name, String key) {
    public SecretKeyReference {
      name = requireNonNullElse(name, "");
      key = requireNonNullElse(key, "");
    }
  }

  /**
   * SOPS decryption settings.
   *
   * @param provider {@code sops}
   * @param serviceAccountName service account for cloud KMS
   * @param secretRef Secret with private keys, or {@code null}
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Decryption(
      @JsonInclude(JsonInclude.Include.ALWAYS) String provider,
      String serviceAccountName,
      LocalObjectReference secretRef) {
    public Decryption {
      provider = requireNonNullElse(provider, "");
      serviceAccountName = requireNonNullElse(serviceAccountName, "");
    }
  }

  /**
   * Fields ignored when detecting drift.
   *
   * @param paths RFC 6901 pointers
   * @param target the objects the rule applies to, or {@code null} for all
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record DriftIgnoreRule(
      @JsonInclude(JsonInclude.Include.ALWAYS) List<String> paths, Selector target) {
    public DriftIgnoreRule {
      paths = List.copyOf(requireNonNullElse(paths, List.of()));
    }
  }
}
