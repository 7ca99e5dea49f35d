package dev.capstan.engine.render;

/** How a source path is rendered, in Argo CD's names ({@code status.sourceType}). */
public enum SourceType {
  /**
   * A directory holding {@code kustomization.yaml}, {@code kustomization.yml} or {@code
   * Kustomization}.
   */
  KUSTOMIZE("Kustomize"),
  /** A plain directory of YAML and JSON manifests. */
  DIRECTORY("Directory"),
  /** A Helm chart; not supported yet. */
  HELM("Helm");

  private final String label;

  SourceType(String label) {
    this.label = label;
  }

  /** Argo CD's name of this type. */
  @Override
  public String toString() {
    return label;
  }
}
