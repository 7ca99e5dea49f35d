package dev.capstan.controller.api.argo;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where an Application's manifests come from: {@code spec.source}, an entry of {@code
 * spec.sources}, and the copies recorded in status and history.
 *
 * <p>At most one of {@link #directory()}, {@link #kustomize()}, {@link #helm()} and {@link
 * #plugin()} is normally set; each is {@code null} when absent. Helm and plugin options are
 * accepted and stored but not rendered yet; Jsonnet options are accepted and ignored.
 *
 * @param repoURL URL of the Git repository (or Helm repository when {@code chart} is set)
 * @param path directory inside the repository; empty for the root
 * @param targetRevision branch, tag or commit; empty means {@code HEAD}
 * @param chart Helm chart name when {@code repoURL} is a Helm repository
 * @param ref name by which other sources refer to this one's files ({@code $ref/...})
 * @param name display name within a multi-source Application
 * @param directory plain-directory options, or {@code null}
 * @param kustomize Kustomize options, or {@code null}
 * @param helm Helm options, or {@code null}
 * @param plugin config management plugin options, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationSource(
    String repoURL,
    String path,
    String targetRevision,
    String chart,
    String ref,
    String name,
    Directory directory,
    Kustomize kustomize,
    Helm helm,
    Plugin plugin) {

  public ApplicationSource {
    repoURL = requireNonNullElse(repoURL, "");
    path = requireNonNullElse(path, "");
    targetRevision = requireNonNullElse(targetRevision, "");
    chart = requireNonNullElse(chart, "");
    ref = requireNonNullElse(ref, "");
    name = requireNonNullElse(name, "");
  }

  /** A Git source with only the repository, revision and path set. */
  public static ApplicationSource git(String repoURL, String targetRevision, String path) {
    return new ApplicationSource(repoURL, path, targetRevision, "", "", "", null, null, null, null);
  }

  /**
   * Options for a plain directory of manifests.
   *
   * @param recurse whether sub-directories are read too
   * @param include glob of files to include; all YAML/JSON files when empty
   * @param exclude glob of files to exclude; wins over {@code include}
   * @param jsonnet Jsonnet options (stored, not evaluated), or {@code null}
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Directory(boolean recurse, String include, String exclude, Jsonnet jsonnet) {
    public Directory {
      include = requireNonNullElse(include, "");
      exclude = requireNonNullElse(exclude, "");
    }
  }

  /**
   * Jsonnet options; accepted so that Argo CD manifests load, not evaluated by Capstan.
   *
   * @param extVars external variables
   * @param tlas top-level arguments
   * @param libs library search directories
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Jsonnet(List<JsonnetVar> extVars, List<JsonnetVar> tlas, List<String> libs) {
    public Jsonnet {
      extVars = List.copyOf(requireNonNullElse(extVars, List.of()));
      tlas = List.copyOf(requireNonNullElse(tlas, List.of()));
      libs = List.copyOf(requireNonNullElse(libs, List.of()));
    }
  }

  /**
   * One Jsonnet variable.
   *
   * @param name variable name
   * @param value value, a string or Jsonnet code
   * @param code whether {@code value} is Jsonnet code
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record JsonnetVar(String name, String value, boolean code) {
    public JsonnetVar {
      name = requireNonNullElse(name, "");
      value = requireNonNullElse(value, "");
    }
  }

  /**
   * Kustomize options applied on top of the {@code kustomization.yaml} at the source path.
   *
   * @param namePrefix prefix for every resource name
   * @param nameSuffix suffix for every resource name
   * @param images image overrides, {@code name=newName:tag@digest} or {@code name:tag}
   * @param commonLabels labels set on every resource (and selectors)
   * @param commonAnnotations annotations set on every resource
   * @param commonAnnotationsEnvsubst whether {@code ${VAR}} in annotations is substituted
   * @param forceCommonLabels whether common labels override existing ones
   * @param forceCommonAnnotations whether common annotations override existing ones
   * @param labelWithoutSelector whether common labels stay out of selectors
   * @param labelIncludeTemplates whether common labels reach pod templates when out of selectors
   * @param namespace namespace set on every namespaced resource
   * @param version kustomize version to use (Capstan has one built in; stored only)
   * @param kubeVersion Kubernetes version reported to the build
   * @param apiVersions API versions reported to the build
   * @param replicas replica count overrides
   * @param patches inline or file patches with optional targets
   * @param components kustomize components to add
   * @param ignoreMissingComponents whether missing components are skipped
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Kustomize(
      String namePrefix,
      String nameSuffix,
      List<String> images,
      Map<String, String> commonLabels,
      Map<String, String> commonAnnotations,
      boolean commonAnnotationsEnvsubst,
      boolean forceCommonLabels,
      boolean forceCommonAnnotations,
      boolean labelWithoutSelector,
      boolean labelIncludeTemplates,
      String namespace,
      String version,
      String kubeVersion,
      List<String> apiVersions,
      List<KustomizeReplica> replicas,
      List<KustomizePatch> patches,
      List<String> components,
      boolean ignoreMissingComponents) {
    public Kustomize {
      namePrefix = requireNonNullElse(namePrefix, "");
      nameSuffix = requireNonNullElse(nameSuffix, "");
      images = List.copyOf(requireNonNullElse(images, List.of()));
      commonLabels =
          Collections.unmodifiableSortedMap(
              new TreeMap<>(requireNonNullElse(commonLabels, Map.of())));
      commonAnnotations =
          Collections.unmodifiableSortedMap(
              new TreeMap<>(requireNonNullElse(commonAnnotations, Map.of())));
      namespace = requireNonNullElse(namespace, "");
      version = requireNonNullElse(version, "");
      kubeVersion = requireNonNullElse(kubeVersion, "");
      apiVersions = List.copyOf(requireNonNullElse(apiVersions, List.of()));
      replicas = List.copyOf(requireNonNullElse(replicas, List.of()));
      patches = List.copyOf(requireNonNullElse(patches, List.of()));
      components = List.copyOf(requireNonNullElse(components, List.of()));
    }
  }

  /**
   * A replica count override.
   *
   * @param name name of the Deployment, StatefulSet or ReplicaSet
   * @param count the count, a number or a string holding one
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record KustomizeReplica(String name, IntOrString count) {
    public KustomizeReplica {
      name = requireNonNullElse(name, "");
    }
  }

  /**
   * A patch applied by Kustomize.
   *
   * @param patch inline strategic-merge or JSON 6902 patch; empty when {@code path} is used
   * @param path file in the source holding the patch
   * @param target which resources the patch applies to, or {@code null} for the patch's own
   * @param options kustomize patch options such as {@code allowNameChange}
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record KustomizePatch(
      String patch, String path, KustomizeSelector target, Map<String, Boolean> options) {
    public KustomizePatch {
      patch = requireNonNullElse(patch, "");
      path = requireNonNullElse(path, "");
      options =
          Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNullElse(options, Map.of())));
    }
  }

  /**
   * Selects resources for a Kustomize patch; empty fields match anything.
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
  public record KustomizeSelector(
      String group,
      String version,
      String kind,
      String name,
      String namespace,
      String labelSelector,
      String annotationSelector) {
    public KustomizeSelector {
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
   * Helm options. Accepted and stored; Helm rendering is not implemented yet.
   *
   * @param valueFiles values files, relative to the source path
   * @param values values as a YAML block
   * @param valuesObject values as an object; wins over {@code values}
   * @param parameters {@code --set} parameters
   * @param fileParameters {@code --set-file} parameters
   * @param releaseName release name; the Application name when empty
   * @param version Helm version
   * @param passCredentials whether credentials are passed to every domain
   * @param ignoreMissingValueFiles whether missing values files are skipped
   * @param skipCrds whether the chart's CRDs are skipped
   * @param skipTests whether test manifests are skipped
   * @param skipSchemaValidation whether the values schema is not validated
   * @param namespace namespace used when templating
   * @param kubeVersion Kubernetes version reported to the chart
   * @param apiVersions API versions reported to the chart
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Helm(
      List<String> valueFiles,
      String values,
      Map<String, Object> valuesObject,
      List<HelmParameter> parameters,
      List<HelmFileParameter> fileParameters,
      String releaseName,
      String version,
      boolean passCredentials,
      boolean ignoreMissingValueFiles,
      boolean skipCrds,
      boolean skipTests,
      boolean skipSchemaValidation,
      String namespace,
      String kubeVersion,
      List<String> apiVersions) {
    public Helm {
      valueFiles = List.copyOf(requireNonNullElse(valueFiles, List.of()));
      values = requireNonNullElse(values, "");
      // Helm values may hold nulls (to unset chart defaults): TreeMap keeps them.
      valuesObject =
          Collections.unmodifiableSortedMap(
              new TreeMap<>(requireNonNullElse(valuesObject, Map.of())));
      parameters = List.copyOf(requireNonNullElse(parameters, List.of()));
      fileParameters = List.copyOf(requireNonNullElse(fileParameters, List.of()));
      releaseName = requireNonNullElse(releaseName, "");
      version = requireNonNullElse(version, "");
      namespace = requireNonNullElse(namespace, "");
      kubeVersion = requireNonNullElse(kubeVersion, "");
      apiVersions = List.copyOf(requireNonNullElse(apiVersions, List.of()));
    }
  }

  /**
   * A Helm {@code --set} parameter.
   *
   * @param name parameter path
   * @param value value
   * @param forceString whether the value is always a string
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record HelmParameter(String name, String value, boolean forceString) {
    public HelmParameter {
      name = requireNonNullElse(name, "");
      value = requireNonNullElse(value, "");
    }
  }

  /**
   * A Helm {@code --set-file} parameter.
   *
   * @param name parameter path
   * @param path file whose content is the value
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record HelmFileParameter(String name, String path) {
    public HelmFileParameter {
      name = requireNonNullElse(name, "");
      path = requireNonNullElse(path, "");
    }
  }

  /**
   * Config management plugin options. Accepted and stored; plugins are not run.
   *
   * @param name plugin name
   * @param env environment variables for the plugin
   * @param parameters plugin parameters
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Plugin(String name, List<NameValue> env, List<PluginParameter> parameters) {
    public Plugin {
      name = requireNonNullElse(name, "");
      env = List.copyOf(requireNonNullElse(env, List.of()));
      parameters = List.copyOf(requireNonNullElse(parameters, List.of()));
    }
  }

  /**
   * A plugin parameter: a string, an array or a map.
   *
   * @param name parameter name
   * @param string string value
   * @param array array value
   * @param map map value
   */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PluginParameter(
      String name, String string, List<String> array, Map<String, String> map) {
    public PluginParameter {
      name = requireNonNullElse(name, "");
      string = requireNonNullElse(string, "");
      array = List.copyOf(requireNonNullElse(array, List.of()));
      map = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNullElse(map, Map.of())));
    }
  }
}
