package dev.capstan.bench.controller;

import dev.capstan.controller.api.CrdInstaller;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/** What the controller benchmarks do to the control plane: CRDs, namespaces, status reads. */
final class BenchCluster {
  private final KubernetesClient client;

  BenchCluster(KubernetesClient client) {
    this.client = client;
  }

  KubernetesClient client() {
    return client;
  }

  /** Applies Capstan's CRDs (Argo CD and Flux) and waits until they are established. */
  void installCrds() {
    crdInstaller().installCapstanCrds();
  }

  /** Applies CRDs with Capstan's field manager and waits up to a minute for each. */
  CrdInstaller crdInstaller() {
    return new CrdInstaller(client);
  }

  /** Creates {@code <prefix>-<random>} and returns its name. */
  String createNamespace(String prefix) {
    String ns =
        prefix + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24));
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(ns)
                .addToLabels("capstan.dev/bench", "true")
                .endMetadata()
                .build())
        .create();
    return ns;
  }

  /**
   * Removes the finalizers of every object of {@code kinds} ({@code apiVersion/Kind}) in {@code
   * ns}, so deleting the namespace after their controller stopped does not hang.
   */
  void dropFinalizers(String ns, String... kinds) {
    for (String k : kinds) {
      int slash = k.lastIndexOf('/');
      var op = kind(k.substring(0, slash), k.substring(slash + 1)).inNamespace(ns);
      for (GenericKubernetesResource r : op.list().getItems()) {
        if (r.getMetadata().getFinalizers() != null && !r.getMetadata().getFinalizers().isEmpty()) {
          op.withName(r.getMetadata().getName())
              .patch(
                  io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                      io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
                  "{\"metadata\":{\"finalizers\":null}}");
        }
      }
    }
  }

  void deleteNamespace(String ns) {
    client.namespaces().withName(ns).delete();
  }

  /**
   * Deletes {@code ns} and waits (at most two minutes) until it is gone, dropping the finalizers of
   * {@code kinds} again every few seconds: a controller watching every namespace (a test's, another
   * run's) may still hold one, and a namespace left Terminating with a thousand objects in it slows
   * down every later run on the shared control plane.
   */
  void deleteNamespaceAndWait(String ns, String... kinds) {
    deleteNamespace(ns);
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
    while (client.namespaces().withName(ns).get() != null && System.nanoTime() < deadline) {
      dropFinalizers(ns, kinds);
      try {
        Thread.sleep(3000); // waiting for the namespace controller; there is no event to wait on
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      kind(String apiVersion, String kind) {
    return client.genericKubernetesResources(apiVersion, kind);
  }

  void create(String yaml) {
    create(parse(yaml));
  }

  void create(GenericKubernetesResource object) {
    client.resource(object).create();
  }

  /** Creates all of {@code objects} at once, 16 requests at a time; returns when all answered. */
  void createAll(List<GenericKubernetesResource> objects) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> creates = new ArrayList<>();
      for (GenericKubernetesResource object : objects) {
        creates.add(pool.submit(() -> create(object)));
      }
      for (Future<?> f : creates) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  /** The object a YAML document describes; the timed benchmarks parse theirs before the clock. */
  GenericKubernetesResource parse(String yaml) {
    return client.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
  }

  /** Whether the object has condition {@code type} with status True. */
  static boolean conditionTrue(GenericKubernetesResource r, String type) {
    Object status = r.getAdditionalProperties().get("status");
    if (!(status instanceof Map<?, ?> s) || !(s.get("conditions") instanceof List<?> conditions)) {
      return false;
    }
    return conditions.stream()
        .anyMatch(
            c ->
                c instanceof Map<?, ?> m
                    && type.equals(m.get("type"))
                    && "True".equals(m.get("status")));
  }

  /** A string at a path of the object's status, e.g. {@code sync.status}; "" when absent. */
  static String statusField(GenericKubernetesResource r, String... path) {
    Object cur = r.getAdditionalProperties().get("status");
    for (String p : path) {
      if (!(cur instanceof Map<?, ?> m)) {
        return "";
      }
      cur = m.get(p);
    }
    return Objects.toString(cur, "");
  }
}
