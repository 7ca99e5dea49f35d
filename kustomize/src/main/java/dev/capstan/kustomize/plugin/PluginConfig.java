package dev.capstan.kustomize.plugin;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.generate.ArgsReader;
import dev.capstan.kustomize.resource.Resource;
import java.util.List;
import java.util.Map;

/**
 * One plugin config object, with its identity rendered as kustomize does in messages ({@code
 * Kind.version.group/name.namespace}, e.g. {@code LabelTransformer.builtin.[noGrp]/x.[noNs]}).
 *
 * @param resource the config object
 */
public record PluginConfig(Resource resource) {

  /** Every top-level field of a builtin plugin config, spelled as kustomize declares it. */
  private static final List<String> FIELDS =
      List.of(
          "annotations",
          "labels",
          "fieldSpecs",
          "unsetOnly",
          "setRoleBindingSubjects",
          "prefix",
          "suffix",
          "imageTag",
          "replica",
          "path",
          "patch",
          "paths",
          "patches",
          "target",
          "options",
          "jsonOp",
          "replacements",
          "name",
          "namespace",
          "behavior",
          "literals",
          "files",
          "envs",
          "env",
          "type",
          "cloud",
          "kubernetesService",
          "serviceAccount");

  /** The fields of the nested structs of builtin plugin configs. */
  private static final Map<String, List<String>> NESTED =
      Map.of(
          "imageTag", List.of("name", "newName", "newTag", "digest", "tagSuffix"),
          "replica", List.of("name", "count"),
          "target",
              List.of(
                  "group",
                  "version",
                  "kind",
                  "name",
                  "namespace",
                  "labelSelector",
                  "annotationSelector"),
          "options",
              List.of(
                  "disableNameSuffixHash",
                  "immutable",
                  "labels",
                  "annotations",
                  "allowNameChange",
                  "allowKindChange"),
          "kubernetesService", List.of("name", "namespace"),
          "serviceAccount", List.of("name", "projectId"));

  /**
   * The config with its field names matched as Go's JSON decoding matches them: an exact name
   * first, else one equal ignoring case (so {@code Path:} reads as {@code path:}). User data (label
   * and annotation keys, patches) is left alone.
   */
  public PluginConfig {
    normalize(resource.content(), FIELDS);
    for (Map.Entry<String, List<String>> e : NESTED.entrySet()) {
      if (resource.content().get(e.getKey()) instanceof Map<?, ?> nested) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) nested;
        normalize(m, e.getValue());
      }
    }
  }

  private static void normalize(Map<String, Object> content, List<String> fields) {
    for (String field : fields) {
      if (content.containsKey(field)) {
        continue;
      }
      for (String key : List.copyOf(content.keySet())) {
        if (key.equalsIgnoreCase(field)) {
          content.put(field, content.remove(key));
          break;
        }
      }
    }
  }

  /** Whether it names a builtin plugin: no group and version {@code builtin}. */
  public boolean isBuiltin() {
    return resource.gvk().group().isEmpty() && resource.gvk().version().equals("builtin");
  }

  public String kind() {
    return resource.kind();
  }

  public Map<String, Object> content() {
    return resource.content();
  }

  /** A non-strict reader over the config, as plugin configs are decoded leniently. */
  public ArgsReader reader(String goType) {
    return new ArgsReader(resource.content(), goType, false);
  }

  /** kustomize's rendering of the config's id. */
  public String idText() {
    String group = resource.gvk().group().isEmpty() ? "[noGrp]" : resource.gvk().group();
    String ns = resource.namespace().isEmpty() ? "[noNs]" : resource.namespace();
    return kind() + "." + resource.gvk().version() + "." + group + "/" + resource.name() + "." + ns;
  }

  /** kustomize's gvk-only rendering, used when a builtin kind is unknown. */
  public String gvkText() {
    String group = resource.gvk().group().isEmpty() ? "[noGrp]" : resource.gvk().group();
    return kind() + "." + resource.gvk().version() + "." + group;
  }

  /** An error raised while configuring this plugin. */
  public KustomizeException configError(String reason) {
    return new KustomizeException("plugin " + idText() + " fails configuration: " + reason);
  }

  /** Wraps an error raised while configuring this plugin. */
  public KustomizeException configError(KustomizeException cause) {
    return new KustomizeException(
        "plugin " + idText() + " fails configuration: " + cause.getMessage(), cause);
  }
}
