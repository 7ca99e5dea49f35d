package dev.capstan.server;

import dev.capstan.server.auth.AccountStore;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The custom resources the server integration tests put into the cluster (Applications,
 * AppProjects, Kustomizations, GitRepositories), as generic objects whose spec is a map, written as
 * a user would: the server reads them from its cache like any other.
 */
public final class TestResources {

  /** Where the test Applications deploy to: the cluster Capstan runs in. */
  public static final String IN_CLUSTER = "https://kubernetes.default.svc";

  private TestResources() {}

  /** An object of {@code kind} in {@code namespace} with {@code spec}; not created yet. */
  public static GenericKubernetesResource object(
      ResourceDefinitionContext kind, String namespace, String name, Map<String, ?> spec) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(kind.getGroup() + "/" + kind.getVersion())
        .withKind(kind.getKind())
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .addToAdditionalProperties("spec", spec)
        .build();
  }

  /** Creates {@code object} of {@code kind}; returns what the API server stored. */
  public static GenericKubernetesResource create(
      KubernetesClient client, ResourceDefinitionContext kind, GenericKubernetesResource object) {
    return client
        .genericKubernetesResources(kind)
        .inNamespace(object.getMetadata().getNamespace())
        .resource(object)
        .create();
  }

  /** Creates an object of {@code kind} with {@code spec}; returns what the API server stored. */
  public static GenericKubernetesResource create(
      KubernetesClient client,
      ResourceDefinitionContext kind,
      String namespace,
      String name,
      Map<String, ?> spec) {
    return create(client, kind, object(kind, namespace, name, spec));
  }

  /** Creates the ConfigMap {@code name} with {@code data}; returns what the API server stored. */
  public static ConfigMap configMap(
      KubernetesClient client, String namespace, String name, Map<String, String> data) {
    return client
        .configMaps()
        .inNamespace(namespace)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withData(data)
                .build())
        .create();
  }

  /**
   * Creates the server's own Secret ({@link AccountStore#SECRET}) holding {@code key} = {@code
   * value}, as an operator sets a webhook secret before the server starts.
   */
  public static Secret capstanSecret(
      KubernetesClient client, String namespace, String key, String value) {
    return client
        .secrets()
        .inNamespace(namespace)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(AccountStore.SECRET)
                .endMetadata()
                .addToData(
                    key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)))
                .build())
        .create();
  }

  /**
   * An Application spec: {@code project}, {@code source}, and the in-cluster destination {@code
   * destinationNamespace}. Mutable, so a test may add to it (a sync policy, say).
   */
  public static Map<String, Object> applicationSpec(
      String project, Map<String, ?> source, String destinationNamespace) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("project", project);
    spec.put("source", source);
    spec.put("destination", Map.of("server", IN_CLUSTER, "namespace", destinationNamespace));
    return spec;
  }

  /**
   * A Kustomization spec: every 5 minutes, {@code path} of the GitRepository {@code repository},
   * with prune.
   */
  public static Map<String, Object> kustomizationSpec(String path, String repository) {
    return Map.of(
        "interval",
        "5m",
        "path",
        path,
        "prune",
        true,
        "sourceRef",
        Map.of("kind", "GitRepository", "name", repository));
  }
}
