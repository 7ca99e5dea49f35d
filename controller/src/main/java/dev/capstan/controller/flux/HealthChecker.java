package dev.capstan.controller.flux;

import dev.capstan.engine.cluster.ResourceKey;
import dev.capstan.engine.health.kstatus.KStatus;
import dev.capstan.engine.health.kstatus.KStatusComputer;
import dev.capstan.engine.health.kstatus.KStatusResult;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One look at the kstatus of a set of objects (Flux's {@code wait} and {@code healthChecks}): all
 * {@code Current} is healthy; any {@code Failed} fails at once; anything else is still in progress.
 * Reads live objects through the target cluster's client. Thread-safe.
 */
final class HealthChecker {

  /** An object to check. */
  record Target(String apiVersion, ResourceKey key) {
    @Override
    public String toString() {
      return key.kind()
          + "/"
          + (key.namespace().isEmpty() ? "" : key.namespace() + "/")
          + key.name();
    }
  }

  /** The outcome of one look. */
  record Outcome(boolean healthy, boolean failed, String message) {}

  private final KStatusComputer kstatus;

  HealthChecker(KStatusComputer kstatus) {
    this.kstatus = kstatus;
  }

  Outcome check(KubernetesClient client, List<Target> targets) {
    List<String> waiting = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (Target t : targets) {
      KStatusResult r;
      try {
        var op = client.genericKubernetesResources(t.apiVersion(), t.key().kind());
        GenericKubernetesResource live =
            t.key().namespace().isEmpty()
                ? op.withName(t.key().name()).get()
                : op.inNamespace(t.key().namespace()).withName(t.key().name()).get();
        if (live == null) {
          r = KStatusComputer.notFound();
        } else {
          @SuppressWarnings("unchecked")
          Map<String, Object> tree =
              client.getKubernetesSerialization().convertValue(live, Map.class);
          r = kstatus.compute(tree);
        }
      } catch (KubernetesClientException e) {
        waiting.add(t + " status: 'Unknown' (" + e.getCode() + ")");
        continue;
      }
      if (r.status() == KStatus.CURRENT) {
        continue;
      }
      String line =
          t
              + " status: '"
              + r.status().wireName()
              + "'"
              + (r.message().isEmpty() ? "" : ": " + r.message());
      if (r.status() == KStatus.FAILED) {
        failed.add(line);
      } else {
        waiting.add(line);
      }
    }
    if (!failed.isEmpty()) {
      return new Outcome(false, true, String.join(", ", failed));
    }
    if (!waiting.isEmpty()) {
      return new Outcome(false, false, String.join(", ", waiting));
    }
    return new Outcome(true, false, "");
  }
}
