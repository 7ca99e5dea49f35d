package dev.capstan.engine.diff;

import dev.capstan.engine.cluster.ApiResource;
import dev.capstan.engine.cluster.ResourceKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Optional;

/** Reads the current live object, for the {@link Differ} to re-read one that changed meanwhile. */
@FunctionalInterface
public interface LiveSource {

  /**
   * The live object, or empty when it does not exist.
   *
   * @throws dev.capstan.engine.cluster.ResourceOperationException when the read fails
   */
  Optional<GenericKubernetesResource> read(ResourceKey key, ApiResource type);
}
