package dev.capstan.server.rbac;

import dev.capstan.server.cache.NamedObjectWatch;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The live policy of {@code capstan-rbac-cm}: re-read on every change. A broken policy is reported
 * and the last good one stays in force (as Argo CD keeps its last good policy); until a first good
 * one is seen, only the built-in policy applies (no default role). Thread-safe.
 */
public final class RbacConfigWatch implements AutoCloseable {
  public static final String CONFIG_MAP = "capstan-rbac-cm";
  private static final System.Logger LOG = System.getLogger(RbacConfigWatch.class.getName());

  private final NamedObjectWatch<ConfigMap> watch;
  private final AtomicReference<RbacPolicy> policy =
      new AtomicReference<>(RbacPolicy.fromConfigMap(Map.of()));

  public RbacConfigWatch(KubernetesClient client, String namespace) {
    this.watch =
        new NamedObjectWatch<>(client.configMaps().inNamespace(namespace).withName(CONFIG_MAP));
    watch.onChange(cm -> reload(cm.map(ConfigMap::getData).orElse(Map.of())));
    watch.get().ifPresent(cm -> reload(cm.getData()));
  }

  /** The policy in force. */
  public RbacPolicy policy() {
    return policy.get();
  }

  private void reload(Map<String, String> data) {
    try {
      policy.set(RbacPolicy.fromConfigMap(data == null ? Map.of() : data));
    } catch (RbacException e) {
      LOG.log(
          System.Logger.Level.ERROR,
          "ConfigMap/" + CONFIG_MAP + " rejected, keeping the previous policy: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    watch.close();
  }
}
