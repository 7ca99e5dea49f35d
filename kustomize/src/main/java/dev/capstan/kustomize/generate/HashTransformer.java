package dev.capstan.kustomize.generate;

import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import dev.capstan.kustomize.transform.Transformer;

/**
 * Appends kustomize's content hash ({@link ContentHash}) to the name of every resource that asks
 * for it through the build annotation {@link Generator#NEEDS_HASH}, recording the previous id first
 * so that name references can follow. The build runs it once after accumulation (as kustomize's
 * {@code addHashesToNames}); the {@code HashTransformer} plugin runs it too. Like kustomize, it
 * leaves the annotation in place, so running it twice suffixes twice.
 */
public final class HashTransformer implements Transformer {

  @Override
  public void transform(ResourceList resources) {
    for (Resource r : resources) {
      if ("true".equals(r.buildAnnotations().get(Generator.NEEDS_HASH))) {
        String hash = ContentHash.of(r);
        r.previousIds().add(r.id());
        r.metadata().put("name", r.name() + "-" + hash);
      }
    }
  }
}
