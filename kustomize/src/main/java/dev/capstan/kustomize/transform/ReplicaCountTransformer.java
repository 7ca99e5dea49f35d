package dev.capstan.kustomize.transform;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.fieldspec.FieldSpec;
import dev.capstan.kustomize.fieldspec.FieldWalker;
import dev.capstan.kustomize.resource.ResId;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets replica counts ({@code replicas:} and the ReplicaCountTransformer plugin) on the resources
 * whose current or any earlier name is the configured name. Fails when nothing matched.
 */
public final class ReplicaCountTransformer implements Transformer {

  /**
   * @param name the resource name; @param count the replicas; @param fieldSpecs where counts live
   */
  public record Config(String name, long count, List<FieldSpec> fieldSpecs) {
    public Config {
      fieldSpecs = List.copyOf(fieldSpecs);
    }
  }

  private final Config config;

  public ReplicaCountTransformer(Config config) {
    this.config = config;
  }

  @Override
  public void transform(ResourceList resources) {
    boolean found = false;
    for (FieldSpec fs : config.fieldSpecs()) {
      for (Resource r : resources) {
        if (matches(r, fs)) {
          found = true;
          FieldWalker.walk(r.content(), fs, (cur, present) -> config.count());
        }
      }
    }
    if (!found) {
      List<String> gvks = new ArrayList<>();
      for (FieldSpec fs : config.fieldSpecs()) {
        gvks.add(fs.kind());
      }
      throw new KustomizeException(
          "resource with name "
              + config.name()
              + " does not match a config with the following"
              + " GVK "
              + gvks);
    }
  }

  private boolean matches(Resource r, FieldSpec fs) {
    List<ResId> ids = new ArrayList<>(r.previousIds());
    ids.add(r.id());
    for (ResId id : ids) {
      if (id.name().equals(config.name()) && fs.appliesTo(id.gvk())) {
        return true;
      }
    }
    return false;
  }
}
