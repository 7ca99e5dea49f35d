package dev.capstan.kustomize.plugin;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.generate.ArgsReader;
import dev.capstan.kustomize.resource.Resource;
import java.util.Map;

/**
 * One plugin config object, with its identity rendered as kustomize does in messages ({@code
 * Kind.version.group/name.namespace}, e.g. {@code LabelTransformer.builtin.[noGrp]/x.[noNs]}).
 *
 * @param resource the config object
 */
public record PluginConfig(Resource resource) {

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
