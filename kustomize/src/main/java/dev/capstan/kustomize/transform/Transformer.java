package dev.capstan.kustomize.transform;

import dev.capstan.kustomize.resource.ResourceList;

/**
 * One builtin kustomize transformer, built from its configuration record. The kustomization fields
 * (namePrefix, commonLabels, patches, ...) and the {@code transformers:} plugin configs
 * (PrefixSuffixTransformer, LabelTransformer, ...) construct the very same classes.
 *
 * <p>A transformer edits the list in place (content trees, order, membership) and throws {@link
 * dev.capstan.kustomize.KustomizeException} naming the resource and field for bad input. It must
 * record a resource's id in {@link dev.capstan.kustomize.resource.Resource#previousIds()} before it
 * changes the name, namespace or kind, so that name references can be fixed later.
 */
@FunctionalInterface
public interface Transformer {
  void transform(ResourceList resources);
}
