package dev.capstan.bench.controller;

/** The YAML the controller benchmarks commit to Git. */
final class UnitFiles {
  private UnitFiles() {}

  /**
   * Flux's benchmark unit: a ConfigMap, ServiceAccount, Service and Deployment named {@code name}.
   */
  static String fourObjects(String name) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: %1$s
        data:
          key: value
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: %1$s
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: %1$s
        spec:
          selector:
            app: %1$s
          ports:
          - name: http
            port: 80
            targetPort: 8080
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %1$s
          labels:
            app: %1$s
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: %1$s
          template:
            metadata:
              labels:
                app: %1$s
            spec:
              serviceAccountName: %1$s
              containers:
              - name: app
                image: registry.invalid/bench:1
        """
        .formatted(name);
  }

  static String configMap(String name, String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
        + name
        + "\ndata:\n  value: \""
        + value
        + "\"\n";
  }
}
