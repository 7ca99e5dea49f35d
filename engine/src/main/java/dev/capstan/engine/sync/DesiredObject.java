package dev.capstan.engine.sync;

import dev.capstan.engine.cluster.ApiResource;
import dev.capstan.engine.cluster.ResourceKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Objects;
import java.util.Optional;

/**
 * A desired object ready to apply: namespace settled, ownership mark added.
 *
 * @param key its identity
 * @param object the object to send
 * @param type the REST resource, empty while its CRD is applied by the same sync and not yet served
 */
record DesiredObject(
    ResourceKey key, GenericKubernetesResource object, Optional<ApiResource> type) {

  DesiredObject {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(type, "type");
  }
}
