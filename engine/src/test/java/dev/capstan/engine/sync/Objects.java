package dev.capstan.engine.sync;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small builders of generic objects for the sync tests. */
final class Objects {
  private Objects() {}

  static GenericKubernetesResource object(
      String apiVersion, String kind, String namespace, String name) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(apiVersion)
        .withKind(kind)
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace.isEmpty() ? null : namespace)
        .endMetadata()
        .build();
  }

  static GenericKubernetesResource annotated(
      GenericKubernetesResource o, String key, String value) {
    Map<String, String> a =
        o.getMetadata().getAnnotations() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(o.getMetadata().getAnnotations());
    a.put(key, value);
    o.getMetadata().setAnnotations(a);
    return o;
  }

  static GenericKubernetesResource crd(String group, String kind, String plural) {
    GenericKubernetesResource crd =
        object("apiextensions.k8s.io/v1", "CustomResourceDefinition", "", plural + "." + group);
    crd.setAdditionalProperty(
        "spec",
        Map.of(
            "group",
            group,
            "scope",
            "Namespaced",
            "names",
            Map.of("kind", kind, "plural", plural)));
    return crd;
  }
}
