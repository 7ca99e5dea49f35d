package dev.capstan.bench.controller;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Extra fake Nodes (run by the testenv's kwok) for scale-flux's pods: the testenv has two Nodes of
 * 110 pods, so more than ~200 Deployments of one replica would stay Pending and never become
 * Available. One Node of 110 pods per 100 Kustomizations (or limit units) is added for the run and
 * deleted after.
 */
public final class ScaleFluxNodes implements AutoCloseable {
  private static final int PODS_PER_NODE = 110;
  private final KubernetesClient client;
  private final List<String> names = new ArrayList<>();

  private ScaleFluxNodes(KubernetesClient client) {
    this.client = client;
  }

  /** Adds {@code ceil(pods / 100)} Nodes named after {@code ns}. */
  public static ScaleFluxNodes add(KubernetesClient client, String ns, int pods) {
    ScaleFluxNodes nodes = new ScaleFluxNodes(client);
    int count = (pods + 99) / 100;
    Map<String, Quantity> capacity =
        Map.of(
            "cpu", new Quantity("32"),
            "memory", new Quantity("256Gi"),
            "pods", new Quantity(Integer.toString(PODS_PER_NODE)));
    for (int i = 0; i < count; i++) {
      String name = ns + "-node-" + i;
      Node node =
          new NodeBuilder()
              .withNewMetadata()
              .withName(name)
              .addToAnnotations("kwok.x-k8s.io/node", "fake")
              .addToAnnotations("node.alpha.kubernetes.io/ttl", "0")
              .addToLabels("type", "kwok")
              .addToLabels("kubernetes.io/hostname", name)
              .addToLabels("capstan.dev/bench", "true")
              .endMetadata()
              .withNewStatus()
              .withAllocatable(capacity)
              .withCapacity(capacity)
              .endStatus()
              .build();
      client.nodes().resource(node).create();
      nodes.names.add(name);
    }
    return nodes;
  }

  @Override
  public void close() {
    for (String name : names) {
      client.nodes().withName(name).delete();
    }
  }
}
