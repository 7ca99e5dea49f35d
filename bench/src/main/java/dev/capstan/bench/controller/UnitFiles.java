package dev.capstan.bench.controller;

import dev.capstan.bench.UnitYaml;

/** The YAML the controller benchmarks commit to Git. */
final class UnitFiles {
  private UnitFiles() {}

  /**
   * Flux's benchmark unit: a ConfigMap, ServiceAccount, Service and Deployment named {@code name}.
   */
  static String fourObjects(String name) {
    return UnitYaml.documents(
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: %s
        data:
          key: value
        """
            .formatted(name),
        UnitYaml.serviceAccount(name),
        UnitYaml.service(name),
        UnitYaml.deployment(name, "registry.invalid/bench:1", "", ""));
  }

  static String configMap(String name, String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
        + name
        + "\ndata:\n  value: \""
        + value
        + "\"\n";
  }
}
