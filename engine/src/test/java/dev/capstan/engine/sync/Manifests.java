package dev.capstan.engine.sync;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;

/** Desired objects written as YAML in tests, one document per object. */
final class Manifests {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Manifests() {}

  static List<GenericKubernetesResource> parse(String yaml) {
    List<GenericKubernetesResource> out = new ArrayList<>();
    for (String doc : yaml.split("(?m)^---\\s*$")) {
      if (!doc.isBlank()) {
        out.add(SERIALIZATION.unmarshal(doc, GenericKubernetesResource.class));
      }
    }
    return out;
  }

  static GenericKubernetesResource one(String yaml) {
    return parse(yaml).get(0);
  }

  static String configMap(String namespace, String name, String value) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: %s
          namespace: %s
        data:
          value: "%s"
        """
        .formatted(name, namespace, value);
  }

  static String deployment(String namespace, String name, int replicas) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %s
          namespace: %s
        spec:
          replicas: %d
          selector:
            matchLabels:
              app: %s
          template:
            metadata:
              labels:
                app: %s
            spec:
              containers:
              - name: web
                image: nginx:1.27
        """
        .formatted(name, namespace, replicas, name, name);
  }
}
