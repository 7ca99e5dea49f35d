package dev.capstan.bench.controller;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Swaps Flux's own CRDs in for the time Flux's controllers run, and Capstan's back afterwards. Both
 * define {@code gitrepositories.source.toolkit.fluxcd.io} and {@code
 * kustomizations.kustomize.toolkit.fluxcd.io} at {@code v1}; Flux's are applied with the same field
 * manager as Capstan's ({@code capstan}, server-side apply), so re-applying Capstan's removes what
 * only Flux's had. CRDs that only Flux has (Bucket, HelmChart, ...) and that did not exist before
 * are deleted again.
 */
final class FluxCrds implements AutoCloseable {
  private final BenchCluster cluster;
  private final List<String> created = new ArrayList<>();

  private FluxCrds(BenchCluster cluster) {
    this.cluster = cluster;
  }

  /** Applies every CRD file and waits until each is established. */
  static FluxCrds install(BenchCluster cluster, List<Path> files) throws IOException {
    FluxCrds swap = new FluxCrds(cluster);
    KubernetesClient client = cluster.client();
    List<CustomResourceDefinition> crds = new ArrayList<>();
    for (Path f : files) {
      try (InputStream in = Files.newInputStream(f)) {
        crds.add(client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class));
      }
    }
    for (CustomResourceDefinition crd : crds) {
      String name = crd.getMetadata().getName();
      var existing = client.apiextensions().v1().customResourceDefinitions().withName(name);
      if (existing.get() == null) {
        swap.created.add(name);
      }
    }
    cluster.crdInstaller().install(crds);
    return swap;
  }

  /** Capstan's CRDs back; the CRDs this swap created deleted. */
  @Override
  public void close() {
    cluster.installCrds();
    for (String name : created) {
      cluster.client().apiextensions().v1().customResourceDefinitions().withName(name).delete();
    }
    for (String name : created) {
      cluster
          .client()
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .withName(name)
          .waitUntilCondition(c -> c == null, 60, TimeUnit.SECONDS);
    }
  }
}
