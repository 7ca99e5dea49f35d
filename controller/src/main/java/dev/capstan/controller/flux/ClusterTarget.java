package dev.capstan.controller.flux;

import dev.capstan.controller.api.flux.Kustomization;
import dev.capstan.controller.api.flux.KustomizationSpec;
import dev.capstan.engine.cluster.ClusterCache;
import dev.capstan.engine.cluster.DiscoveryResourceTypes;
import dev.capstan.engine.cluster.ResourceTypes;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.Optional;

/**
 * The cluster and identity a Kustomization applies with: the controller's own client; the same
 * cluster impersonating {@code system:serviceaccount:<ns>:<serviceAccountName>} (with the groups a
 * service account token would carry); or a remote cluster from {@code kubeConfig.secretRef} (key
 * {@code value}, else {@code value.yaml}, or the given key). A remote or impersonating client is
 * closed with the target; the local watch cache is only used for the local cluster.
 */
record ClusterTarget(
    KubernetesClient client,
    ResourceTypes types,
    Optional<ClusterCache> cache,
    boolean owned,
    String description)
    implements AutoCloseable {

  /** Thrown when the target cannot be set up; the message is for the Ready condition. */
  static final class TargetException extends RuntimeException {
    TargetException(String message) {
      super(message);
    }
  }

  static ClusterTarget of(
      Kustomization ks, KubernetesClient local, ResourceTypes localTypes, ClusterCache cache) {
    KustomizationSpec spec = ks.getSpec();
    String ns = ks.getMetadata().getNamespace();
    if (spec.kubeConfig() != null && spec.kubeConfig().secretRef() != null) {
      var ref = spec.kubeConfig().secretRef();
      var secret =
          GitRepositoryReconciler.readSecret(local, ns, ref.name())
              .orElseThrow(
                  () ->
                      new TargetException(
                          "failed to get kubeconfig secret '"
                              + ns
                              + "/"
                              + ref.name()
                              + "': not found"));
      Optional<String> text =
          ref.key().isEmpty()
              ? secret.text("value").or(() -> secret.text("value.yaml"))
              : secret.text(ref.key());
      if (text.isEmpty()) {
        throw new TargetException(
            "kubeconfig secret '"
                + ns
                + "/"
                + ref.name()
                + "' has no key "
                + (ref.key().isEmpty() ? "'value' or 'value.yaml'" : "'" + ref.key() + "'"));
      }
      Config config;
      try {
        config = Config.fromKubeconfig(text.get());
      } catch (RuntimeException e) {
        throw new TargetException(
            "kubeconfig secret '" + ns + "/" + ref.name() + "' is not a valid kubeconfig");
      }
      if (!spec.serviceAccountName().isEmpty()) {
        config = impersonating(config, ns, spec.serviceAccountName());
      }
      KubernetesClient remote = new KubernetesClientBuilder().withConfig(config).build();
      return new ClusterTarget(
          remote,
          new DiscoveryResourceTypes(remote),
          Optional.empty(),
          true,
          "cluster " + config.getMasterUrl());
    }
    if (!spec.serviceAccountName().isEmpty()) {
      Config config = impersonating(local.getConfiguration(), ns, spec.serviceAccountName());
      KubernetesClient imp = new KubernetesClientBuilder().withConfig(config).build();
      return new ClusterTarget(
          imp,
          localTypes,
          Optional.of(cache),
          true,
          "system:serviceaccount:" + ns + ":" + spec.serviceAccountName());
    }
    return new ClusterTarget(local, localTypes, Optional.of(cache), false, "");
  }

  private static Config impersonating(Config base, String ns, String sa) {
    return new ConfigBuilder(base)
        .withImpersonateUsername("system:serviceaccount:" + ns + ":" + sa)
        .withImpersonateGroups(
            "system:serviceaccounts", "system:serviceaccounts:" + ns, "system:authenticated")
        .build();
  }

  @Override
  public void close() {
    if (owned) {
      client.close();
    }
  }
}
