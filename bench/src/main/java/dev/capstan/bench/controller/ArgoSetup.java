package dev.capstan.bench.controller;

/** The Argo CD objects the benchmarks create. */
final class ArgoSetup {
  private ArgoSetup() {}

  static String defaultProject(String ns) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: AppProject
        metadata: {name: default, namespace: %s}
        spec:
          sourceRepos: ['*']
          destinations: [{server: '*', namespace: '*'}]
          clusterResourceWhitelist: [{group: '*', kind: '*'}]
        """
        .formatted(ns);
  }

  /** An Application of {@code path} into {@code ns}; automated with self-heal when {@code auto}. */
  static String application(String name, String ns, String repoUrl, String path, boolean auto) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: {name: %s, namespace: %s}
        spec:
          project: default
          source: {repoURL: "%s", targetRevision: main, path: %s}
          destination: {server: "https://kubernetes.default.svc", namespace: %s}
        %s"""
        .formatted(
            name,
            ns,
            repoUrl,
            path,
            ns,
            auto ? "  syncPolicy: {automated: {prune: true, selfHeal: true}}\n" : "");
  }
}
