package dev.capstan.kustomize.plugin;

import dev.capstan.kustomize.resource.Origin;
import dev.capstan.kustomize.resource.ResourceList;
import dev.capstan.kustomize.transform.Transformer;

/**
 * A plugin transformer together with where it was configured, for {@code buildMetadata:
 * [transformerAnnotations]}. Transforms exactly as the wrapped transformer.
 *
 * @param transformer the transformer
 * @param origin its config file (or kustomization, for an inline config) and identity
 */
public record OriginTransformer(Transformer transformer, Origin origin) implements Transformer {

  @Override
  public void transform(ResourceList resources) {
    transformer.transform(resources);
  }
}
