package dev.capstan.engine.inventory;

import dev.capstan.engine.cluster.ObjectTrees;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Flux-style ownership by labels: objects carry every label of {@link #labels()}, e.g. {@code
 * kustomize.toolkit.fluxcd.io/name: podinfo} and {@code kustomize.toolkit.fluxcd.io/namespace:
 * flux-system}.
 *
 * <p>An object with all labels equal is ours; one with any of the label keys set to another value
 * belongs to another owner; one without the keys is unclaimed.
 *
 * @param labels the owner labels, non-empty
 */
public record LabelOwnership(Map<String, String> labels) implements Ownership {

  public LabelOwnership {
    labels = Map.copyOf(labels);
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("owner labels must not be empty");
    }
  }

  /** Flux kustomize-controller's labels for the Kustomization {@code namespace/name}. */
  public static LabelOwnership fluxKustomization(String namespace, String name) {
    return new LabelOwnership(
        Map.of(
            "kustomize.toolkit.fluxcd.io/name", name,
            "kustomize.toolkit.fluxcd.io/namespace", namespace));
  }

  @Override
  public String owner() {
    return labels.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(",", "owner labels ", ""));
  }

  @Override
  public GenericKubernetesResource mark(GenericKubernetesResource desired) {
    GenericKubernetesResource copy = ObjectTrees.copy(desired);
    Map<String, String> merged =
        copy.getMetadata().getLabels() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(copy.getMetadata().getLabels());
    merged.putAll(labels);
    copy.getMetadata().setLabels(merged);
    return copy;
  }

  @Override
  public Claim claimOf(GenericKubernetesResource live) {
    Map<String, String> have =
        live.getMetadata() == null || live.getMetadata().getLabels() == null
            ? Map.of()
            : live.getMetadata().getLabels();
    boolean anyKey = false;
    boolean allEqual = true;
    for (Map.Entry<String, String> e : labels.entrySet()) {
      String value = have.get(e.getKey());
      anyKey |= value != null;
      allEqual &= Objects.equals(value, e.getValue());
    }
    if (allEqual) {
      return Claim.ours();
    }
    if (!anyKey) {
      return Claim.unclaimed();
    }
    return Claim.other(
        labels.keySet().stream()
            .sorted()
            .map(k -> k + "=" + have.getOrDefault(k, ""))
            .collect(Collectors.joining(",")));
  }
}
