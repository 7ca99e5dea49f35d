package dev.capstan.kustomize.transform;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.fieldspec.FieldSpec;
import dev.capstan.kustomize.fieldspec.FieldWalker;
import dev.capstan.kustomize.resource.Gvk;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import java.util.List;
import java.util.Map;

/**
 * Adds a name prefix and/or suffix ({@code namePrefix}/{@code nameSuffix}, and the
 * PrefixSuffixTransformer, PrefixTransformer and SuffixTransformer plugins). Namespaces, CRDs and
 * APIServices keep their names, as in kustomize. The applied prefix and suffix are remembered on
 * the resource so that name references prefer referrals renamed the same way.
 */
public final class PrefixSuffixTransformer implements Transformer {

  /**
   * @param prefix prepended to names ("" for none)
   * @param suffix appended to names ("" for none)
   * @param fieldSpecs which fields hold names (defaults: {@code metadata/name})
   */
  public record Config(String prefix, String suffix, List<FieldSpec> fieldSpecs) {
    public Config {
      fieldSpecs = List.copyOf(fieldSpecs);
    }
  }

  private final Config config;

  public PrefixSuffixTransformer(Config config) {
    this.config = config;
  }

  /** The configuration (read by the build to name the transformer in buildMetadata). */
  public Config config() {
    return config;
  }

  @Override
  public void transform(ResourceList resources) {
    for (Resource r : resources) {
      Gvk org = r.originalId().gvk();
      if (skip(org)) {
        continue;
      }
      for (FieldSpec fs : config.fieldSpecs()) {
        if (!fs.appliesTo(org)) {
          continue;
        }
        if (fs.pathString().equals("metadata/name")) {
          r.appendBuildList(Resource.PREFIXES, config.prefix());
          r.appendBuildList(Resource.SUFFIXES, config.suffix());
          if (!config.prefix().isEmpty() || !config.suffix().isEmpty()) {
            r.storePreviousId();
          }
        }
        FieldWalker.walk(r.content(), fs, this::rename);
      }
    }
  }

  private Object rename(Object current, boolean present) {
    if (current instanceof Map || current instanceof List) {
      throw new KustomizeException("prefix/suffix field specs must target scalar nodes");
    }
    if (current == null) {
      return FieldWalker.KEEP;
    }
    return config.prefix() + current + config.suffix();
  }

  private static boolean skip(Gvk gvk) {
    return gvk.kind().equals("CustomResourceDefinition")
        || gvk.kind().equals("Namespace")
        || (gvk.kind().equals("APIService") && gvk.group().equals("apiregistration.k8s.io"));
  }
}
