package dev.capstan.bench;

/**
 * The YAML of the workload unit the benchmarks commit to Git or render: a ServiceAccount, a Service
 * and a Deployment named alike (label {@code app: <name>}), beside a ConfigMap each benchmark
 * writes its own way. Stateless.
 */
public final class UnitYaml {
  private UnitYaml() {}

  /** YAML documents joined with {@code ---} lines; each document ends with a newline. */
  public static String documents(String... documents) {
    return String.join("---\n", documents);
  }

  /** A ServiceAccount {@code name}. */
  public static String serviceAccount(String name) {
    return """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: %s
        """
        .formatted(name);
  }

  /** A Service {@code name} selecting {@code app: <name>}, port {@code http} 80 to 8080. */
  public static String service(String name) {
    return """
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
        """
        .formatted(name);
  }

  /**
   * A Deployment {@code name} of one replica, labelled {@code app: <name>}, running as the
   * ServiceAccount {@code name} one container {@code app} of {@code image}.
   *
   * @param containerFields more fields of the container, as YAML at the container's level ("" for
   *     none)
   * @param podFields more fields of the pod spec, as YAML at the pod spec's level ("" for none)
   */
  public static String deployment(
      String name, String image, String containerFields, String podFields) {
    return """
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
                image: %2$s
        """
            .formatted(name, image)
        + containerFields.indent(8)
        + podFields.indent(6);
  }
}
