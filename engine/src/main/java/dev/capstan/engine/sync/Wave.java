package dev.capstan.engine.sync;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;

/**
 * One sync wave: objects applied together, definitions first.
 *
 * @param number the wave number; lower numbers go first
 * @param definitions Namespaces and CRDs, applied first; CRDs must be Established before {@code
 *     rest} is applied
 * @param rest everything else, in {@link KindOrder} then namespace and name
 */
public record Wave(
    int number, List<GenericKubernetesResource> definitions, List<GenericKubernetesResource> rest) {

  public Wave {
    definitions = List.copyOf(definitions);
    rest = List.copyOf(rest);
  }
}
