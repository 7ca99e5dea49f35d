package dev.capstan.kustomize.transform;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.load.Kustomization;
import dev.capstan.kustomize.resource.Gvk;
import dev.capstan.kustomize.resource.ResId;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders the output ({@code sortOptions}, the {@code --reorder} flag and the SortOrderTransformer
 * plugin). {@code fifo} keeps input order; {@code legacy} sorts by kind priority (orderFirst kinds
 * first in their order, orderLast kinds last, others between), then by group/version/kind, then by
 * namespace and name.
 */
public final class SortOrderTransformer implements Transformer {
  /** kustomize's default legacy orderFirst. */
  public static final List<String> DEFAULT_FIRST =
      List.of(
          "Namespace",
          "ResourceQuota",
          "StorageClass",
          "CustomResourceDefinition",
          "ServiceAccount",
          "PodSecurityPolicy",
          "Role",
          "ClusterRole",
          "RoleBinding",
          "ClusterRoleBinding",
          "ConfigMap",
          "Secret",
          "Endpoints",
          "Service",
          "LimitRange",
          "PriorityClass",
          "PersistentVolume",
          "PersistentVolumeClaim",
          "Deployment",
          "StatefulSet",
          "CronJob",
          "PodDisruptionBudget");

  /** kustomize's default legacy orderLast. */
  public static final List<String> DEFAULT_LAST =
      List.of("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");

  /**
   * @param legacy legacy order (else fifo); @param first orderFirst; @param last orderLast
   */
  public record Config(boolean legacy, List<String> first, List<String> last) {
    public Config {
      first = List.copyOf(first);
      last = List.copyOf(last);
    }
  }

  private final Config config;

  public SortOrderTransformer(Config config) {
    this.config = config;
  }

  /** The legacy order with kustomize's default kind lists. */
  public static SortOrderTransformer legacy() {
    return new SortOrderTransformer(new Config(true, DEFAULT_FIRST, DEFAULT_LAST));
  }

  /** Parses a {@code sortOptions} mapping, validating it as kustomize does. */
  @SuppressWarnings("unchecked")
  public static SortOrderTransformer fromConfig(Map<String, Object> options, Kustomization k) {
    Object order = options.get("order");
    Object lso = options.get("legacySortOptions");
    if (!"fifo".equals(order) && !"legacy".equals(order)) {
      throw k.invalid("sortOptions", "the field 'sortOptions.order' must be one of [fifo, legacy]");
    }
    if ("fifo".equals(order)) {
      if (lso != null) {
        throw k.invalid(
            "sortOptions",
            "the field 'sortOptions.legacySortOptions' is set but the selected sort order is"
                + " 'fifo', not 'legacy'");
      }
      return new SortOrderTransformer(new Config(false, List.of(), List.of()));
    }
    if (lso == null) {
      return legacy();
    }
    if (!(lso instanceof Map<?, ?> m)) {
      throw k.invalid("sortOptions", "'legacySortOptions' must be a mapping");
    }
    return new SortOrderTransformer(
        new Config(true, strings(m.get("orderFirst")), strings(m.get("orderLast"))));
  }

  private static List<String> strings(Object o) {
    List<String> out = new ArrayList<>();
    if (o instanceof List<?> l) {
      for (Object e : l) {
        out.add(String.valueOf(e));
      }
    } else if (o != null) {
      throw new KustomizeException("sortOptions: orderFirst/orderLast must be lists of kinds");
    }
    return out;
  }

  @Override
  public void transform(ResourceList resources) {
    if (!config.legacy()) {
      return;
    }
    Map<String, Integer> rank = new HashMap<>();
    for (int i = 0; i < config.first().size(); i++) {
      rank.put(config.first().get(i), -config.first().size() + i);
    }
    for (int i = 0; i < config.last().size(); i++) {
      rank.put(config.last().get(i), 1 + i);
    }
    // ids computed once, not per comparison
    record Keyed(Resource r, ResId id, String idString) {}
    List<Keyed> keyed = new ArrayList<>(resources.size());
    for (Resource r : resources) {
      ResId id = r.id();
      keyed.add(new Keyed(r, id, idString(id)));
    }
    Comparator<Keyed> byId =
        (a, b) -> {
          if (!a.id().gvk().equals(b.id().gvk())) {
            return gvkCompare(a.id().gvk(), b.id().gvk(), rank);
          }
          return a.idString().compareTo(b.idString());
        };
    keyed.sort(byId);
    List<Resource> sorted = new ArrayList<>(keyed.size());
    for (Keyed k : keyed) {
      sorted.add(k.r());
    }
    resources.setAll(sorted);
  }

  private static int gvkCompare(Gvk a, Gvk b, Map<String, Integer> rank) {
    int ia = rank.getOrDefault(a.kind(), 0);
    int ib = rank.getOrDefault(b.kind(), 0);
    if (ia != ib) {
      return Integer.compare(ia, ib);
    }
    if (a.kind().equals("Namespace")
        && b.kind().equals("Namespace")
        && (a.group().isEmpty() || b.group().isEmpty())) {
      return gvkString(b).compareTo(gvkString(a));
    }
    return gvkString(a).compareTo(gvkString(b));
  }

  private static String gvkString(Gvk g) {
    return (g.group().isEmpty() ? "~G" : g.group())
        + "_"
        + (g.version().isEmpty() ? "~V" : g.version())
        + "_"
        + (g.kind().isEmpty() ? "~K" : g.kind());
  }

  private static String idString(ResId id) {
    return gvkString(id.gvk())
        + "|"
        + (id.namespace().isEmpty() ? "~X" : id.namespace())
        + "|"
        + (id.name().isEmpty() ? "~N" : id.name());
  }
}
