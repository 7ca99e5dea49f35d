package dev.capstan.kustomize.transform;

import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import dev.capstan.kustomize.resource.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drops resources annotated {@code config.kubernetes.io/local-config: "true"}: they take part in
 * the build (as sources of names or replacements) but are never emitted.
 */
public final class LocalConfigFilter implements Transformer {
  public static final String ANNOTATION = "config.kubernetes.io/local-config";

  @Override
  public void transform(ResourceList resources) {
    List<Resource> keep = new ArrayList<>(resources.size());
    for (Resource r : resources) {
      if (!isLocal(r)) {
        keep.add(r);
      }
    }
    if (keep.size() != resources.size()) {
      resources.setAll(keep);
    }
  }

  static boolean isLocal(Resource r) {
    Map<String, Object> md = Tree.map(r.content(), "metadata");
    Map<String, Object> ann = md == null ? null : Tree.map(md, "annotations");
    return ann != null && "true".equals(String.valueOf(ann.get(ANNOTATION)));
  }
}
