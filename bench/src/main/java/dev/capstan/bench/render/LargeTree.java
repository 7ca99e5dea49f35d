package dev.capstan.bench.render;

import dev.capstan.bench.UnitYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a large kustomization tree of about {@code n} resources: bases of up to 25 units (a
 * ServiceAccount, ConfigMap, Service and Deployment each, the Deployment referring to the other
 * three and to its base's generated ConfigMap), each base with labels, annotations and a ConfigMap
 * generator; and one overlay {@code overlays/prod} over all bases with namespace, name prefix,
 * common labels, an image override, a strategic merge patch on every Deployment, a JSON patch on
 * one Service, and ConfigMap and Secret generators.
 */
public final class LargeTree {
  static final int UNITS_PER_BASE = 25;

  private LargeTree() {}

  /** The layout for about {@code n} resources: the number of units and bases. */
  record Layout(int units, int bases) {
    static Layout forResources(int n) {
      int units = Math.max(1, (n - 2) / 4);
      int bases = (units + UNITS_PER_BASE - 1) / UNITS_PER_BASE;
      // each base adds one generated ConfigMap; trim units to stay near n
      units = Math.max(1, (n - 2 - bases) / 4);
      bases = (units + UNITS_PER_BASE - 1) / UNITS_PER_BASE;
      return new Layout(units, bases);
    }

    /** Resources the build outputs: four per unit, one per base, two from the overlay. */
    int resources() {
      return units * 4 + bases + 2;
    }
  }

  /** Writes the tree under {@code root}; returns the overlay directory to build. */
  public static Path write(Path root, int n) {
    Layout layout = Layout.forResources(n);
    try {
      List<String> baseRefs = new ArrayList<>();
      int unit = 0;
      for (int b = 0; b < layout.bases(); b++) {
        Path base = Files.createDirectories(root.resolve("bases/b" + b));
        List<String> files = new ArrayList<>();
        for (int u = 0; u < UNITS_PER_BASE && unit < layout.units(); u++, unit++) {
          String file = "u" + u + ".yaml";
          Files.writeString(base.resolve(file), unit(b, u));
          files.add(file);
        }
        Files.writeString(base.resolve("kustomization.yaml"), baseKustomization(b, files));
        baseRefs.add("../../bases/b" + b);
      }
      Path overlay = Files.createDirectories(root.resolve("overlays/prod"));
      Files.writeString(overlay.resolve("kustomization.yaml"), overlay(baseRefs));
      return overlay;
    } catch (IOException e) {
      throw new UncheckedIOException("writing the generated tree under " + root + " failed", e);
    }
  }

  private static String baseKustomization(int b, List<String> files) {
    StringBuilder s = new StringBuilder();
    s.append("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n");
    s.append("labels:\n- pairs:\n    team: t").append(b).append("\n  includeSelectors: false\n");
    s.append("commonAnnotations:\n  owner: team-").append(b).append('\n');
    s.append("resources:\n");
    files.forEach(f -> s.append("- ").append(f).append('\n'));
    s.append("configMapGenerator:\n- name: b").append(b).append("-settings\n  literals:\n");
    s.append("  - LOG_LEVEL=info\n  - BASE=b").append(b).append('\n');
    return s.toString();
  }

  private static String unit(int b, int u) {
    String app = "app-" + b + "-" + u;
    return UnitYaml.documents(
        UnitYaml.serviceAccount(app),
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: %1$s-config
        data:
          app.properties: |
            name=%1$s
            port=8080
        """
            .formatted(app),
        UnitYaml.service(app),
        UnitYaml.deployment(
            app,
            "nginx:1.25",
            """
            ports:
            - containerPort: 8080
            envFrom:
            - configMapRef:
                name: b%d-settings
            volumeMounts:
            - name: config
              mountPath: /etc/app
            """
                .formatted(b),
            """
            volumes:
            - name: config
              configMap:
                name: %s-config
            """
                .formatted(app)));
  }

  private static String overlay(List<String> bases) {
    StringBuilder s = new StringBuilder();
    s.append("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n");
    s.append("namespace: prod\nnamePrefix: prod-\ncommonLabels:\n  env: prod\n");
    s.append("resources:\n");
    bases.forEach(b -> s.append("- ").append(b).append('\n'));
    s.append(
        """
        images:
        - name: nginx
          newTag: "1.27"
        patches:
        - target:
            kind: Deployment
          patch: |-
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: any
            spec:
              replicas: 3
              template:
                spec:
                  containers:
                  - name: app
                    resources:
                      limits:
                        memory: 256Mi
        - target:
            kind: Service
            name: app-0-0
          patch: |-
            - op: add
              path: /spec/ports/-
              value:
                name: metrics
                port: 9090
                targetPort: 9090
        configMapGenerator:
        - name: overrides
          literals:
          - REGION=eu
        secretGenerator:
        - name: credentials
          literals:
          - TOKEN=not-a-secret
        """);
    return s.toString();
  }
}
