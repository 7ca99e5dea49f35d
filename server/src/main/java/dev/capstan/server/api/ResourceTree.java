package dev.capstan.server.api;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Argo CD's {@code ApplicationTree} of one Application: its managed resources (from {@code
 * status.resources}, with uid and resourceVersion read live) and the objects they own, followed
 * through ownerReferences over ReplicaSets, Pods, Jobs and ControllerRevisions in the same
 * namespaces. Nodes carry metadata, health and parent references only — never a Secret's data.
 */
final class ResourceTree {
  private static final List<String[]> CHILD_KINDS =
      List.of(
          new String[] {"apps/v1", "ReplicaSet"},
          new String[] {"batch/v1", "Job"},
          new String[] {"v1", "Pod"},
          new String[] {"apps/v1", "ControllerRevision"});

  private final KubernetesClient client;

  ResourceTree(KubernetesClient client) {
    this.client = client;
  }

  Map<String, Object> build(GenericKubernetesResource app) {
    List<Map<String, Object>> nodes = new ArrayList<>();
    Map<String, Map<String, Object>> byUid = new HashMap<>();
    Set<String> namespaces = new LinkedHashSet<>();
    Object resources = app.get("status", "resources");
    if (resources instanceof List<?> list) {
      for (Object o : list) {
        if (!(o instanceof Map<?, ?> r)) {
          continue;
        }
        String group = str(r.get("group"));
        String version = str(r.get("version"));
        String kind = str(r.get("kind"));
        String ns = str(r.get("namespace"));
        String name = str(r.get("name"));
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("group", group);
        node.put("version", version);
        node.put("kind", kind);
        node.put("namespace", ns);
        node.put("name", name);
        if (r.get("health") instanceof Map<?, ?> h) {
          node.put("health", h);
        }
        try {
          GenericKubernetesResource live =
              client
                  .genericKubernetesResources(
                      group.isEmpty() ? version : group + "/" + version, kind)
                  .inNamespace(ns.isEmpty() ? null : ns)
                  .withName(name)
                  .get();
          if (live != null) {
            node.put("uid", live.getMetadata().getUid());
            node.put("resourceVersion", live.getMetadata().getResourceVersion());
            node.put("createdAt", live.getMetadata().getCreationTimestamp());
            byUid.put(live.getMetadata().getUid(), node);
            if (!ns.isEmpty()) {
              namespaces.add(ns);
            }
          }
        } catch (KubernetesClientException | IllegalArgumentException e) {
          // An unknown kind or a vanished object stays a node without live metadata.
        }
        nodes.add(node);
      }
    }
    List<GenericKubernetesResource> candidates = new ArrayList<>();
    for (String ns : namespaces) {
      for (String[] k : CHILD_KINDS) {
        try {
          candidates.addAll(
              client.genericKubernetesResources(k[0], k[1]).inNamespace(ns).list().getItems());
        } catch (KubernetesClientException e) {
          // Children are best effort: a kind the server may not list is left out.
        }
      }
    }
    boolean added = true;
    while (added) {
      added = false;
      for (GenericKubernetesResource c : candidates) {
        String uid = c.getMetadata().getUid();
        if (byUid.containsKey(uid) || c.getMetadata().getOwnerReferences() == null) {
          continue;
        }
        List<Map<String, Object>> parents = new ArrayList<>();
        for (OwnerReference ref : c.getMetadata().getOwnerReferences()) {
          Map<String, Object> parent = byUid.get(ref.getUid());
          if (parent != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("group", parent.get("group"));
            p.put("kind", parent.get("kind"));
            p.put("namespace", parent.get("namespace"));
            p.put("name", parent.get("name"));
            p.put("uid", ref.getUid());
            parents.add(p);
          }
        }
        if (parents.isEmpty()) {
          continue;
        }
        String apiVersion = c.getApiVersion();
        int slash = apiVersion.indexOf('/');
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("group", slash < 0 ? "" : apiVersion.substring(0, slash));
        node.put("version", slash < 0 ? apiVersion : apiVersion.substring(slash + 1));
        node.put("kind", c.getKind());
        node.put("namespace", c.getMetadata().getNamespace());
        node.put("name", c.getMetadata().getName());
        node.put("uid", uid);
        node.put("resourceVersion", c.getMetadata().getResourceVersion());
        node.put("createdAt", c.getMetadata().getCreationTimestamp());
        node.put("parentRefs", parents);
        if ("Pod".equals(c.getKind()) && c.get("status", "phase") instanceof String phase) {
          node.put("info", List.of(Map.of("name", "Status Reason", "value", phase)));
        }
        byUid.put(uid, node);
        nodes.add(node);
        added = true;
      }
    }
    return Map.of("nodes", nodes);
  }

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }
}
