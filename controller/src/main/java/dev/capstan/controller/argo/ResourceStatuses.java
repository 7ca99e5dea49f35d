package dev.capstan.controller.argo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.controller.api.argo.ApplicationStatus.HealthStatus;
import dev.capstan.controller.api.argo.ApplicationStatus.ResourceStatus;
import dev.capstan.engine.cluster.ResourceKey;
import dev.capstan.engine.diff.DiffStatus;
import dev.capstan.engine.diff.ResourceDiff;
import dev.capstan.engine.health.ApplicationHealth;
import dev.capstan.engine.health.HealthResult;
import dev.capstan.engine.inventory.Inventory;
import dev.capstan.engine.inventory.InventoryEntry;
import dev.capstan.engine.sync.Action;
import dev.capstan.engine.sync.Change;
import dev.capstan.engine.sync.SyncResult;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Argo CD's {@code status.resources} from a dry-run sync, and back into the engine's inventory.
 * Pure.
 */
final class ResourceStatuses {

  static final String SYNCED = "Synced";
  static final String OUT_OF_SYNC = "OutOfSync";
  static final String UNKNOWN = "Unknown";

  private ResourceStatuses() {}

  /** One row per object the preview looked at (CreateNamespace and shared objects included). */
  static List<ResourceStatus> of(SyncResult preview, List<GenericKubernetesResource> desired) {
    Map<String, String> versions = new HashMap<>();
    for (GenericKubernetesResource o : desired) {
      ResourceKey k = ResourceKey.of(o);
      versions.put(k.group() + "/" + k.kind() + "/" + k.name(), version(o.getApiVersion()));
    }
    Map<ResourceKey, ResourceStatus> rows = new LinkedHashMap<>();
    for (Change c : preview.changes().changes()) {
      if (c.message().contains("CreateNamespace")) {
        continue;
      }
      Optional<ResourceDiff> diff = preview.diff().get(c.key());
      String status;
      boolean prune = false;
      if (diff.isPresent()) {
        status = diff.get().status() == DiffStatus.IN_SYNC ? SYNCED : OUT_OF_SYNC;
        prune = diff.get().status() == DiffStatus.EXTRA;
      } else if (c.action() == Action.SKIPPED && c.message().startsWith("shared resource")) {
        status = UNKNOWN;
      } else {
        status = OUT_OF_SYNC;
      }
      String version =
          versions.getOrDefault(
              c.key().group() + "/" + c.key().kind() + "/" + c.key().name(),
              diff.map(d -> version(text(d.live(), "apiVersion"))).orElse(""));
      rows.put(c.key(), row(c.key(), version, status, prune, null));
    }
    return List.copyOf(rows.values());
  }

  /** True when every row that counts is Synced (shared objects do not count). */
  static boolean synced(List<ResourceStatus> rows) {
    return rows.stream()
        .filter(r -> !r.status().equals(UNKNOWN))
        .allMatch(r -> r.status().equals(SYNCED));
  }

  /** The rows with health filled in from the application health. */
  static List<ResourceStatus> withHealth(List<ResourceStatus> rows, ApplicationHealth health) {
    Map<String, HealthResult> byIdentity = new HashMap<>();
    for (ApplicationHealth.Entry e : health.resources()) {
      e.health().result().ifPresent(r -> byIdentity.put(e.health().identity(), r));
    }
    List<ResourceStatus> out = new ArrayList<>();
    for (ResourceStatus r : rows) {
      String identity =
          r.namespace().isEmpty()
              ? r.kind() + "/" + r.name()
              : r.kind() + "/" + r.namespace() + "/" + r.name();
      HealthResult h = byIdentity.get(identity);
      HealthStatus hs = h == null ? null : new HealthStatus(h.status().wireName(), h.message(), "");
      out.add(
          new ResourceStatus(
              r.group(),
              r.version(),
              r.kind(),
              r.namespace(),
              r.name(),
              r.status(),
              hs,
              false,
              r.requiresPruning(),
              false,
              0));
    }
    return out;
  }

  /** The engine inventory the rows describe (the objects the Application manages). */
  static Inventory inventory(List<ResourceStatus> rows) {
    return new Inventory(
        rows.stream()
            .map(
                r ->
                    new InventoryEntry(
                        new ResourceKey(r.group(), r.kind(), r.namespace(), r.name()), r.version()))
            .toList());
  }

  static ResourceStatus row(
      ResourceKey key, String version, String status, boolean prune, HealthStatus health) {
    return new ResourceStatus(
        key.group(),
        version,
        key.kind(),
        key.namespace(),
        key.name(),
        status,
        health,
        false,
        prune,
        false,
        0);
  }

  static String version(String apiVersion) {
    if (apiVersion == null) {
      return "";
    }
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
  }

  private static String text(JsonNode node, String field) {
    return node != null && node.has(field) ? node.get(field).asText() : "";
  }
}
