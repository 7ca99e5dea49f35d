package dev.capstan.engine.render;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Changes layered onto a kustomization before it is built: Argo CD's {@code spec.source.kustomize}
 * in engine terms. Argo CD applies them by running {@code kustomize edit} on the kustomization file
 * of a scratch copy; Capstan makes the same edits on the parsed file in memory, so the result is
 * the same: a name prefix or suffix, namespace and replica count replace the file's own, images
 * replace entries of the same name, labels and annotations are added (an existing key is an error
 * unless forced), patches and components are appended.
 *
 * @param namePrefix replaces {@code namePrefix} when not empty
 * @param nameSuffix replaces {@code nameSuffix} when not empty
 * @param images {@code kustomize edit set image} arguments: {@code [name=]newName[:tag][@digest]}
 * @param commonLabels labels to add
 * @param commonAnnotations annotations to add
 * @param forceCommonLabels overwrite labels the file already sets ({@code --force})
 * @param forceCommonAnnotations overwrite annotations the file already sets
 * @param labelWithoutSelector add the labels under {@code labels:} without selectors
 * @param labelIncludeTemplates with {@code labelWithoutSelector}, label pod templates too
 * @param namespace replaces {@code namespace} when not empty
 * @param replicas replica overrides, by workload name
 * @param patches kustomize {@code patches} entries ({@code patch} or {@code path}, {@code target},
 *     {@code options}), appended in order
 * @param components component paths to add
 * @param ignoreMissingComponents skip components whose directory does not exist
 */
public record KustomizeOverrides(
    String namePrefix,
    String nameSuffix,
    List<String> images,
    Map<String, String> commonLabels,
    Map<String, String> commonAnnotations,
    boolean forceCommonLabels,
    boolean forceCommonAnnotations,
    boolean labelWithoutSelector,
    boolean labelIncludeTemplates,
    String namespace,
    List<Replica> replicas,
    List<Map<String, Object>> patches,
    List<String> components,
    boolean ignoreMissingComponents) {

  /**
   * A replica count for a Deployment, StatefulSet or ReplicaSet by name.
   *
   * @param name workload name (before any prefix or suffix)
   * @param count the count
   */
  public record Replica(String name, long count) {
    public Replica {
      Objects.requireNonNull(name, "name");
    }
  }

  public KustomizeOverrides {
    namePrefix = Objects.requireNonNullElse(namePrefix, "");
    nameSuffix = Objects.requireNonNullElse(nameSuffix, "");
    images = List.copyOf(Objects.requireNonNullElse(images, List.of()));
    commonLabels =
        Collections.unmodifiableMap(
            new TreeMap<>(Objects.requireNonNullElse(commonLabels, Map.of())));
    commonAnnotations =
        Collections.unmodifiableMap(
            new TreeMap<>(Objects.requireNonNullElse(commonAnnotations, Map.of())));
    namespace = Objects.requireNonNullElse(namespace, "");
    replicas = List.copyOf(Objects.requireNonNullElse(replicas, List.of()));
    patches = List.copyOf(Objects.requireNonNullElse(patches, List.of()));
    components = List.copyOf(Objects.requireNonNullElse(components, List.of()));
  }

  /** No overrides: the kustomization is built as it is. */
  public static KustomizeOverrides none() {
    return new KustomizeOverrides(
        "", "", List.of(), Map.of(), Map.of(), false, false, false, false, "", List.of(), List.of(),
        List.of(), false);
  }

  /** True when nothing is overridden. */
  public boolean isEmpty() {
    return equals(none());
  }

  public KustomizeOverrides withNamePrefix(String value) {
    return with(b -> b.namePrefix = value);
  }

  public KustomizeOverrides withNameSuffix(String value) {
    return with(b -> b.nameSuffix = value);
  }

  public KustomizeOverrides withImages(List<String> value) {
    return with(b -> b.images = value);
  }

  public KustomizeOverrides withCommonLabels(Map<String, String> value, boolean force) {
    return with(
        b -> {
          b.commonLabels = value;
          b.forceCommonLabels = force;
        });
  }

  public KustomizeOverrides withCommonAnnotations(Map<String, String> value, boolean force) {
    return with(
        b -> {
          b.commonAnnotations = value;
          b.forceCommonAnnotations = force;
        });
  }

  public KustomizeOverrides withNamespace(String value) {
    return with(b -> b.namespace = value);
  }

  public KustomizeOverrides withReplicas(List<Replica> value) {
    return with(b -> b.replicas = value);
  }

  public KustomizeOverrides withPatches(List<Map<String, Object>> value) {
    return with(b -> b.patches = value);
  }

  public KustomizeOverrides withLabelOptions(boolean withoutSelector, boolean includeTemplates) {
    return with(
        b -> {
          b.labelWithoutSelector = withoutSelector;
          b.labelIncludeTemplates = includeTemplates;
        });
  }

  public KustomizeOverrides withComponents(List<String> value, boolean ignoreMissing) {
    return with(
        b -> {
          b.components = value;
          b.ignoreMissingComponents = ignoreMissing;
        });
  }

  /** A copy of these overrides with {@code change} made to it; the one place every wither uses. */
  private KustomizeOverrides with(Consumer<Builder> change) {
    Builder b = new Builder(this);
    change.accept(b);
    return b.build();
  }

  /** The components of a copy in the making; {@link #build()} checks and copies them. */
  private static final class Builder {
    String namePrefix;
    String nameSuffix;
    List<String> images;
    Map<String, String> commonLabels;
    Map<String, String> commonAnnotations;
    boolean forceCommonLabels;
    boolean forceCommonAnnotations;
    boolean labelWithoutSelector;
    boolean labelIncludeTemplates;
    String namespace;
    List<Replica> replicas;
    List<Map<String, Object>> patches;
    List<String> components;
    boolean ignoreMissingComponents;

    Builder(KustomizeOverrides o) {
      namePrefix = o.namePrefix;
      nameSuffix = o.nameSuffix;
      images = o.images;
      commonLabels = o.commonLabels;
      commonAnnotations = o.commonAnnotations;
      forceCommonLabels = o.forceCommonLabels;
      forceCommonAnnotations = o.forceCommonAnnotations;
      labelWithoutSelector = o.labelWithoutSelector;
      labelIncludeTemplates = o.labelIncludeTemplates;
      namespace = o.namespace;
      replicas = o.replicas;
      patches = o.patches;
      components = o.components;
      ignoreMissingComponents = o.ignoreMissingComponents;
    }

    KustomizeOverrides build() {
      return new KustomizeOverrides(
          namePrefix,
          nameSuffix,
          images,
          commonLabels,
          commonAnnotations,
          forceCommonLabels,
          forceCommonAnnotations,
          labelWithoutSelector,
          labelIncludeTemplates,
          namespace,
          replicas,
          patches,
          components,
          ignoreMissingComponents);
    }
  }
}
