package dev.capstan.kustomize.generate;

import dev.capstan.kustomize.resource.Origin;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;

/**
 * A generator whose objects get an origin annotation ({@code buildMetadata: [originAnnotations]})
 * unless they already carry one, as kustomize's {@code AddOriginAnnotation} does.
 *
 * @param generator the generator
 * @param origin where it was configured
 */
public record OriginGenerator(Generator generator, Origin origin) implements Generator {

  @Override
  public ResourceList generate() {
    ResourceList out = generator.generate();
    for (Resource r : out) {
      if (!Origin.isSet(r)) {
        origin.applyTo(r);
      }
    }
    return out;
  }
}
