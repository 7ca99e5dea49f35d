package dev.capstan.engine.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;

/**
 * Conversions between fabric8's {@link GenericKubernetesResource} and the JSON trees the diff works
 * on. Every method returns a new, independent object; none changes its argument.
 */
public final class ObjectTrees {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ObjectTrees() {}

  /** The object as a JSON tree. */
  public static ObjectNode toJson(GenericKubernetesResource object) {
    return MAPPER.valueToTree(SERIALIZATION.convertValue(object, Map.class));
  }

  /** A generic object from a JSON tree. */
  public static GenericKubernetesResource fromJson(ObjectNode tree) {
    return SERIALIZATION.convertValue(tree, GenericKubernetesResource.class);
  }

  /** A generic object from a JSON-like map tree (the kustomize module's content trees). */
  public static GenericKubernetesResource fromMap(Map<String, Object> tree) {
    return SERIALIZATION.convertValue(tree, GenericKubernetesResource.class);
  }

  /** A generic object from a resource the kustomize module rendered. */
  public static GenericKubernetesResource fromResource(
      dev.capstan.kustomize.resource.Resource resource) {
    return fromMap(resource.content());
  }

  /** A deep copy. */
  public static GenericKubernetesResource copy(GenericKubernetesResource object) {
    return SERIALIZATION.clone(object);
  }

  /** The Jackson mapper used for trees (plain JSON, no fabric8 modules). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
