package dev.capstan.controller.argo;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches {@code capstan-cm} in the controller namespace and keeps the current {@link ArgoConfig}:
 * health scripts and ignore rules follow every change, and so do {@code timeout.reconciliation} and
 * {@code timeout.reconciliation.jitter} when the change touches them (so a {@code --reconciliation}
 * flag holds until the config map's value is edited). After a change, {@code onChange} runs (the
 * controller queues every Application so the new rules apply at once). A deleted config map means
 * the defaults. Thread-safe.
 */
final class ArgoConfigWatch implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ArgoConfigWatch.class);
  private static final String POLL = "timeout.reconciliation";
  private static final String JITTER = "timeout.reconciliation.jitter";

  private final AtomicReference<ArgoConfig> current;
  private final AtomicReference<Map<String, String>> lastData;
  private final ControllerSettings settings;
  private final Runnable onChange;
  private final SharedIndexInformer<ConfigMap> informer;

  /** Reads the config map once, then watches it. */
  ArgoConfigWatch(
      KubernetesClient client,
      ControllerSettings settings,
      Map<String, String> initial,
      Runnable onChange) {
    this.settings = settings;
    this.onChange = onChange;
    this.lastData = new AtomicReference<>(Map.copyOf(initial));
    this.current = new AtomicReference<>(ArgoConfig.of(initial, settings));
    this.informer =
        client
            .configMaps()
            .inNamespace(settings.namespace())
            .withName(ArgoController.CONFIG_MAP)
            .inform(new Events(), 0);
  }

  /** The config as of the last version of the config map seen. */
  ArgoConfig current() {
    return current.get();
  }

  private void apply(Map<String, String> data) {
    Map<String, String> before = lastData.getAndSet(Map.copyOf(data));
    if (before.equals(data)) {
      return;
    }
    ArgoConfig old = current.get();
    ControllerSettings timing = settings.withReconciliation(old.reconciliation(), old.jitter());
    if (!Objects.equals(before.get(POLL), data.get(POLL))
        || !Objects.equals(before.get(JITTER), data.get(JITTER))) {
      // Only the keys that changed; a key removed goes back to the start value.
      ControllerSettings fromMap = settings.withConfigMap(data);
      timing =
          timing.withReconciliation(
              Objects.equals(before.get(POLL), data.get(POLL))
                  ? timing.reconciliation()
                  : fromMap.reconciliation(),
              Objects.equals(before.get(JITTER), data.get(JITTER))
                  ? timing.jitter()
                  : fromMap.jitter());
    }
    current.set(ArgoConfig.of(data, timing));
    LOG.info(
        "{}/{} changed: health scripts and ignore rules reloaded, Git polled every {} (+ up to {})",
        settings.namespace(),
        ArgoController.CONFIG_MAP,
        timing.reconciliation(),
        timing.jitter());
    onChange.run();
  }

  @Override
  public void close() {
    informer.close();
  }

  private final class Events implements ResourceEventHandler<ConfigMap> {
    @Override
    public void onAdd(ConfigMap cm) {
      apply(data(cm));
    }

    @Override
    public void onUpdate(ConfigMap before, ConfigMap after) {
      apply(data(after));
    }

    @Override
    public void onDelete(ConfigMap cm, boolean unknownFinalState) {
      apply(Map.of());
    }

    private static Map<String, String> data(ConfigMap cm) {
      return cm.getData() == null ? Map.of() : cm.getData();
    }
  }
}
