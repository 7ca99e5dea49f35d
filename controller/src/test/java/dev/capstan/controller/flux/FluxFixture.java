package dev.capstan.controller.flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.capstan.controller.api.Condition;
import dev.capstan.controller.api.CrdInstaller;
import dev.capstan.controller.api.flux.Artifact;
import dev.capstan.controller.api.flux.GitRepository;
import dev.capstan.controller.api.flux.GitRepositoryStatus;
import dev.capstan.controller.api.flux.Kustomization;
import dev.capstan.controller.api.flux.KustomizationStatus;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.core.ConditionFactory;

/**
 * Shared setup of the Flux dialect's ITs: Capstan's CRDs, then GitRepository and Kustomization
 * objects in one test namespace and their status read back.
 *
 * <p>Every object is created from YAML as a user would write it, so the ITs go through the CRDs'
 * schemas. Reads fail with an {@link AssertionError} while an object has no status yet, which
 * {@link #eventually()} ignores.
 *
 * @param client a client of the control plane
 * @param namespace the test's namespace; every object is created there
 */
record FluxFixture(KubernetesClient client, String namespace) {

  /** Installs Capstan's CRDs and waits until the API server serves them. */
  static void installCrds(KubernetesClient client) {
    new CrdInstaller(client).installCapstanCrds();
  }

  /**
   * A GitRepository, for pure tests, whose status holds {@code artifact} (null for none) and {@code
   * conditions}, at observed generation 1.
   */
  static GitRepository withStatus(Artifact artifact, Condition... conditions) {
    GitRepository r = new GitRepository();
    r.setStatus(
        new GitRepositoryStatus(
            1, List.of(conditions), artifact, null, null, false, null, null, null, null));
    return r;
  }

  /** Polls every 300 ms for up to 90 s, ignoring exceptions (a status not written yet). */
  static ConditionFactory eventually() {
    return await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(300))
        .ignoreExceptions();
  }

  /** A ConfigMap manifest {@code name} with {@code data.value: value}. */
  static String configMapYaml(String name, String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
        + name
        + "\ndata:\n  value: "
        + value
        + "\n";
  }

  /**
   * Creates GitRepository {@code name} on branch {@code main} of {@code url}.
   *
   * @param interval how often it is fetched, e.g. {@code 2s}
   * @param extraSpec more fields of its spec, each line indented two spaces, or ""
   */
  void createSource(String name, String url, String interval, String extraSpec) {
    create(
        """
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: GitRepository
        metadata: {name: %s, namespace: %s}
        spec:
          interval: %s
          url: "%s"
          ref: {branch: main}
        %s"""
            .formatted(name, namespace, interval, url, extraSpec),
        GitRepository.class);
  }

  /**
   * Creates Kustomization {@code name} of {@code path} in GitRepository {@code source}, with an
   * interval of 1m, pruning, into the test namespace.
   *
   * @param extraSpec more fields of its spec, each line indented two spaces, or ""
   */
  void createKustomization(String name, String source, String path, String extraSpec) {
    create(
        """
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata: {name: %s, namespace: %s}
        spec:
          interval: 1m
          sourceRef: {kind: GitRepository, name: %s}
          path: "%s"
          prune: true
          targetNamespace: %s
        %s"""
            .formatted(name, namespace, source, path, namespace, extraSpec),
        Kustomization.class);
  }

  /** Creates ConfigMap {@code name} by hand (in no inventory) with {@code labels}. */
  void createForeignConfigMap(String name, Map<String, String> labels) {
    client
        .configMaps()
        .inNamespace(namespace)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .withData(Map.of("value", "by hand"))
                .build())
        .create();
  }

  /** Creates Secret {@code name} with {@code stringData} (credentials, a kubeconfig). */
  void createSecret(String name, Map<String, String> stringData) {
    client
        .secrets()
        .inNamespace(namespace)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withStringData(stringData)
                .build())
        .create();
  }

  /** The status of Kustomization {@code name}; an AssertionError while it has none. */
  KustomizationStatus kustomizationStatus(String name) {
    Kustomization k =
        client.resources(Kustomization.class).inNamespace(namespace).withName(name).get();
    return Optional.ofNullable(k.getStatus())
        .orElseThrow(() -> new AssertionError("no status on Kustomization " + name));
  }

  /** The status of GitRepository {@code name}; an AssertionError while it has none. */
  GitRepositoryStatus sourceStatus(String name) {
    GitRepository g =
        client.resources(GitRepository.class).inNamespace(namespace).withName(name).get();
    return Optional.ofNullable(g.getStatus())
        .orElseThrow(() -> new AssertionError("no status on GitRepository " + name));
  }

  /** Waits until Kustomization {@code name} is Ready with reason ReconciliationSucceeded. */
  void awaitReady(String name) {
    eventually()
        .untilAsserted(
            () -> {
              KustomizationStatus s = kustomizationStatus(name);
              assertThat(s.condition("Ready").map(Condition::reason))
                  .as(s.conditions().toString())
                  .contains("ReconciliationSucceeded");
            });
  }

  private <T extends HasMetadata> void create(String yaml, Class<T> type) {
    client.resource(client.getKubernetesSerialization().unmarshal(yaml, type)).create();
  }
}
