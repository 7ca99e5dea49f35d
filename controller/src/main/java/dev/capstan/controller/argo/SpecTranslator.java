package dev.capstan.controller.argo;

import dev.capstan.controller.api.argo.ApplicationSource;
import dev.capstan.controller.api.argo.ApplicationSpec;
import dev.capstan.controller.api.argo.ResourceIgnoreDifferences;
import dev.capstan.controller.api.argo.SyncPolicy;
import dev.capstan.engine.diff.DiffOptions;
import dev.capstan.engine.diff.IgnoreDifference;
import dev.capstan.engine.render.DirectoryOptions;
import dev.capstan.engine.render.KustomizeOverrides;
import dev.capstan.engine.render.RenderSource;
import dev.capstan.engine.sync.SyncOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Translates an Application's spec into engine values. Pure. */
final class SpecTranslator {

  private SpecTranslator() {}

  /** The render input of {@code source} checked out at {@code root}. */
  static RenderSource renderSource(ApplicationSource source, Path root) {
    RenderSource r =
        new RenderSource(
            root, source.path(), source.repoURL(), !source.chart().isEmpty(), null, null);
    if (source.directory() != null) {
      ApplicationSource.Directory d = source.directory();
      r = r.withDirectory(new DirectoryOptions(d.recurse(), d.include(), d.exclude()));
    }
    if (source.kustomize() != null) {
      r = r.withKustomize(overrides(source.kustomize()));
    }
    return r;
  }

  /** True for a source that only lends its files to others ({@code ref} without a path). */
  static boolean isRefOnly(ApplicationSource source) {
    return !source.ref().isEmpty() && source.path().isEmpty() && source.chart().isEmpty();
  }

  static KustomizeOverrides overrides(ApplicationSource.Kustomize k) {
    List<KustomizeOverrides.Replica> replicas = new ArrayList<>();
    for (ApplicationSource.KustomizeReplica r : k.replicas()) {
      replicas.add(new KustomizeOverrides.Replica(r.name(), count(r)));
    }
    List<Map<String, Object>> patches = new ArrayList<>();
    for (ApplicationSource.KustomizePatch p : k.patches()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      if (!p.patch().isEmpty()) {
        entry.put("patch", p.patch());
      }
      if (!p.path().isEmpty()) {
        entry.put("path", p.path());
      }
      if (p.target() != null) {
        Map<String, Object> t = new LinkedHashMap<>();
        put(t, "group", p.target().group());
        put(t, "version", p.target().version());
        put(t, "kind", p.target().kind());
        put(t, "name", p.target().name());
        put(t, "namespace", p.target().namespace());
        put(t, "labelSelector", p.target().labelSelector());
        put(t, "annotationSelector", p.target().annotationSelector());
        entry.put("target", t);
      }
      if (!p.options().isEmpty()) {
        entry.put("options", new LinkedHashMap<>(p.options()));
      }
      patches.add(entry);
    }
    return KustomizeOverrides.none()
        .withNamePrefix(k.namePrefix())
        .withNameSuffix(k.nameSuffix())
        .withImages(k.images())
        .withCommonLabels(k.commonLabels(), k.forceCommonLabels())
        .withCommonAnnotations(k.commonAnnotations(), k.forceCommonAnnotations())
        .withLabelOptions(k.labelWithoutSelector(), k.labelIncludeTemplates())
        .withNamespace(k.namespace())
        .withReplicas(replicas)
        .withPatches(patches)
        .withComponents(k.components(), k.ignoreMissingComponents());
  }

  private static long count(ApplicationSource.KustomizeReplica r) {
    if (r.count() == null) {
      throw new IllegalArgumentException("replicas entry " + r.name() + " has no count");
    }
    Object v = r.count().getIntVal() != null ? r.count().getIntVal() : r.count().getStrVal();
    try {
      return Long.parseLong(String.valueOf(v).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "replicas entry " + r.name() + " has count " + v + ", not a number");
    }
  }

  private static void put(Map<String, Object> m, String key, String value) {
    if (!value.isEmpty()) {
      m.put(key, value);
    }
  }

  static List<IgnoreDifference> ignoreDifferences(List<ResourceIgnoreDifferences> rules) {
    return rules.stream()
        .map(
            r ->
                new IgnoreDifference(
                    r.group(),
                    r.kind(),
                    r.name(),
                    r.namespace(),
                    r.jsonPointers(),
                    r.jqPathExpressions(),
                    r.managedFieldsManagers()))
        .toList();
  }

  /**
   * Sync options of the spec, with the operation's {@code syncOptions} (later wins) layered on.
   *
   * @param prune whether this sync prunes
   */
  static SyncOptions syncOptions(ApplicationSpec spec, List<String> extraOptions, boolean prune) {
    return syncOptions(spec, extraOptions, prune, List.of());
  }

  /**
   * As {@link #syncOptions(ApplicationSpec, List, boolean)}, with system-wide ignore rules first.
   */
  static SyncOptions syncOptions(
      ApplicationSpec spec,
      List<String> extraOptions,
      boolean prune,
      List<IgnoreDifference> systemIgnores) {
    List<String> all = new ArrayList<>();
    SyncPolicy policy = spec.syncPolicy();
    if (policy != null) {
      all.addAll(policy.syncOptions());
    }
    all.addAll(extraOptions);
    SyncPolicy merged = new SyncPolicy(null, all, null, null);
    boolean allowEmpty =
        policy != null && policy.automated() != null && policy.automated().allowEmpty();
    return SyncOptions.defaults()
        .withTargetNamespace(spec.destination().namespace())
        .withCreateNamespace(isTrue(merged.syncOption("CreateNamespace")))
        .withPruneLast(isTrue(merged.syncOption("PruneLast")))
        .withRespectIgnoreDifferences(isTrue(merged.syncOption("RespectIgnoreDifferences")))
        .withAllowEmpty(allowEmpty)
        .withPrune(prune && !isFalse(merged.syncOption("Prune")))
        .withDiffOptions(
            DiffOptions.defaults().withIgnoreDifferences(allIgnores(systemIgnores, spec)));
  }

  private static List<IgnoreDifference> allIgnores(
      List<IgnoreDifference> systemIgnores, ApplicationSpec spec) {
    List<IgnoreDifference> all = new ArrayList<>(systemIgnores);
    all.addAll(ignoreDifferences(spec.ignoreDifferences()));
    return all;
  }

  private static boolean isTrue(Optional<String> v) {
    return v.map(s -> s.equalsIgnoreCase("true")).orElse(false);
  }

  private static boolean isFalse(Optional<String> v) {
    return v.map(s -> s.equalsIgnoreCase("false")).orElse(false);
  }
}
