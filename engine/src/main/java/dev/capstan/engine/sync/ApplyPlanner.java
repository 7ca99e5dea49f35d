package dev.capstan.engine.sync;

import dev.capstan.engine.cluster.ResourceKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts desired objects in apply order: by sync wave ({@value ResourceSyncOptions#SYNC_WAVE}), then
 * {@link KindOrder}, then namespace and name.
 *
 * <p>Dependencies are pulled forward as Argo CD does: a Namespace moves to the earliest wave of the
 * objects in it, and a CRD to the earliest wave of its custom resources, so a resource never waits
 * for a later wave to bring its namespace or type. Pure and deterministic.
 */
public final class ApplyPlanner {

  private static final Comparator<GenericKubernetesResource> IN_WAVE =
      Comparator.<GenericKubernetesResource>comparingInt(o -> KindOrder.rank(o.getKind()))
          .thenComparing(o -> ResourceKey.of(o).namespace())
          .thenComparing(o -> ResourceKey.of(o).name());

  private ApplyPlanner() {}

  /** The waves of {@code desired} in apply order; empty waves are left out. */
  public static List<Wave> plan(List<GenericKubernetesResource> desired) {
    Map<String, Integer> earliestInNamespace = new HashMap<>();
    Map<String, Integer> earliestOfGroupKind = new HashMap<>();
    for (GenericKubernetesResource o : desired) {
      ResourceKey key = ResourceKey.of(o);
      int wave = ResourceSyncOptions.of(o).wave();
      if (!key.namespace().isEmpty()) {
        earliestInNamespace.merge(key.namespace(), wave, Math::min);
      }
      earliestOfGroupKind.merge(key.group() + "/" + key.kind(), wave, Math::min);
    }
    TreeMap<Integer, List<GenericKubernetesResource>> byWave = new TreeMap<>();
    for (GenericKubernetesResource o : desired) {
      ResourceKey key = ResourceKey.of(o);
      int wave = ResourceSyncOptions.of(o).wave();
      if (key.group().isEmpty() && key.kind().equals("Namespace")) {
        wave = Math.min(wave, earliestInNamespace.getOrDefault(key.name(), wave));
      } else if (isCrd(key)) {
        String defined = definedGroupKind(o);
        wave = Math.min(wave, earliestOfGroupKind.getOrDefault(defined, wave));
      }
      byWave.computeIfAbsent(wave, w -> new ArrayList<>()).add(o);
    }
    List<Wave> waves = new ArrayList<>();
    byWave.forEach(
        (number, objects) -> {
          List<GenericKubernetesResource> sorted = objects.stream().sorted(IN_WAVE).toList();
          List<GenericKubernetesResource> definitions = new ArrayList<>();
          List<GenericKubernetesResource> rest = new ArrayList<>();
          for (GenericKubernetesResource o : sorted) {
            ResourceKey key = ResourceKey.of(o);
            (KindOrder.isDefinition(key.group(), key.kind()) ? definitions : rest).add(o);
          }
          waves.add(new Wave(number, definitions, rest));
        });
    return waves;
  }

  static boolean isCrd(ResourceKey key) {
    return key.group().equals("apiextensions.k8s.io")
        && key.kind().equals("CustomResourceDefinition");
  }

  /**
   * {@code group/kind} a CRD object defines, from {@code spec.group} and {@code spec.names.kind}.
   */
  static String definedGroupKind(GenericKubernetesResource crd) {
    Object spec = crd.getAdditionalProperties().get("spec");
    if (spec instanceof Map<?, ?> s && s.get("names") instanceof Map<?, ?> names) {
      return s.get("group") + "/" + names.get("kind");
    }
    return "";
  }
}
