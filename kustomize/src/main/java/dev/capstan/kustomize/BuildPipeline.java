package dev.capstan.kustomize;

import dev.capstan.kustomize.fieldspec.FieldSpec;
import dev.capstan.kustomize.fieldspec.FieldSpecConfig;
import dev.capstan.kustomize.fs.FileTree;
import dev.capstan.kustomize.fs.Loader;
import dev.capstan.kustomize.generate.Generator;
import dev.capstan.kustomize.generate.GeneratorAbsorber;
import dev.capstan.kustomize.generate.HashTransformer;
import dev.capstan.kustomize.generate.KustomizationGenerators;
import dev.capstan.kustomize.load.Kustomization;
import dev.capstan.kustomize.load.KustomizationReader;
import dev.capstan.kustomize.load.ResourceFileReader;
import dev.capstan.kustomize.openapi.CrdFieldSpecs;
import dev.capstan.kustomize.patch.PatchTransformers;
import dev.capstan.kustomize.plugin.BuiltinPlugins;
import dev.capstan.kustomize.plugin.TransformationRecorder;
import dev.capstan.kustomize.remote.GitUrl;
import dev.capstan.kustomize.replace.ReplacementTransformer;
import dev.capstan.kustomize.replace.Vars;
import dev.capstan.kustomize.resource.Origin;
import dev.capstan.kustomize.resource.OriginContext;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import dev.capstan.kustomize.transform.BuiltinTransformers;
import dev.capstan.kustomize.transform.LabelTransformer;
import dev.capstan.kustomize.transform.LocalConfigFilter;
import dev.capstan.kustomize.transform.NameReferenceTransformer;
import dev.capstan.kustomize.transform.SortOrderTransformer;
import dev.capstan.kustomize.transform.Transformer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The build, in kustomize's order. For each kustomization (recursively for bases):
 *
 * <ol>
 *   <li>accumulate {@code resources} (files, directories, remote) in order;
 *   <li>merge custom {@code configurations} and {@code crds} into the field-spec config;
 *   <li>run generators (configMapGenerator, secretGenerator, {@code generators:}) and absorb;
 *   <li>accumulate {@code components}, each acting on the list built so far;
 *   <li>run builtin transformers (patches, namespace, prefix/suffix, labels, annotations, JSON
 *       patches, replicas, images, replacements), then {@code transformers:} plugins;
 *   <li>collect {@code vars}.
 * </ol>
 *
 * Once for the top kustomization: hash suffixes, name-reference fixing, var resolution, removal of
 * local-config resources, then ordering (sortOptions, or the legacy order unless {@code --reorder
 * none}).
 *
 * <p>Engineers B and C plug their steps into the marked methods. Thread-safe: all state is per
 * call.
 */
public final class BuildPipeline {
  private final BuildOptions options;

  public BuildPipeline(BuildOptions options) {
    this.options = options;
  }

  /** Builds the kustomization in {@code dir} and returns the final, ordered resources. */
  public ResourceList build(FileTree fs, Path dir) {
    Loader loader = Loader.forRoot(fs, dir, options.loadRestrictor());
    Kustomization top = KustomizationReader.read(loader);
    if (top.isComponent()) {
      throw new KustomizeException(
          "'" + top.file() + "' is a Component; a build must start at a Kustomization");
    }
    Accumulation acc = new Accumulation();
    List<String> buildMetadata = top.buildMetadata();
    if (buildMetadata.contains("originAnnotations")
        || buildMetadata.contains("transformerAnnotations")) {
      acc.trackOrigins(loader.root());
    }
    if (buildMetadata.contains("transformerAnnotations")) {
      acc.trackTransformations();
    }
    acc.openapi().apply(top.map("openapi"), loader::readString, true);
    accumulateTarget(top, loader, acc);
    finish(top, loader, acc);
    return acc.resources();
  }

  /** The per-kustomization steps, acting on {@code acc} (empty unless a component). */
  void accumulateTarget(Kustomization k, Loader loader, Accumulation acc) {
    acc.openapi().apply(k.map("openapi"), loader::readString, false);
    accumulateResources(k, loader, acc);
    for (String c : k.configurations()) {
      acc.overrideConfig(FieldSpecConfig.parse(loader.readString(c), loader.resolve(c).toString()));
    }
    BuildContext ctx = new BuildContext(k, loader, options, acc.config());
    acc.mergeConfig(crdConfig(ctx));
    runGenerators(new BuildContext(k, loader, options, acc.config()), acc);
    accumulateComponents(k, loader, acc);
    ctx = new BuildContext(k, loader, options, acc.config());
    for (Transformer t : transformers(ctx, acc)) {
      acc.aliases().run(t, acc.resources()); // t.transform, with kustomize's shared values
      if (acc.transformationsTracked()) {
        TransformationRecorder.record(acc.resources(), t, k.file(), acc.origins().orElseThrow());
      }
    }
    Vars.record(k.list("vars"), acc.resources(), acc.openapi().current());
    acc.vars().addAll(k.list("vars"));
  }

  private void accumulateResources(Kustomization k, Loader loader, Accumulation acc) {
    // only new objects are appended here (files read, bases built in their own lists)
    acc.resources()
        .additions(
            () -> {
              for (String entry : k.resources()) {
                try {
                  accumulateResource(entry, loader, acc);
                } catch (KustomizeException e) {
                  throw new KustomizeException(
                      "accumulating resources from '"
                          + entry
                          + "' in '"
                          + k.file()
                          + "': "
                          + e.getMessage(),
                      e);
                }
              }
            });
  }

  private void accumulateResource(String entry, Loader loader, Accumulation acc) {
    if (loader.isFile(entry)) {
      loader.checkRestriction(loader.resolve(entry));
      List<Resource> read = ResourceFileReader.read(loader, entry);
      if (acc.origins().isPresent()) {
        for (Resource r : read) {
          acc.origins().get().file(loader.resolve(entry)).applyTo(r);
        }
      }
      acc.resources().addAll(read);
      return;
    }
    Path dir;
    boolean remote = false;
    if (loader.isDirectory(entry)) {
      dir = loader.resolve(entry);
    } else if (looksRemote(entry)) {
      dir = options.remoteResolver().resolve(entry);
      remote = true;
    } else {
      throw new KustomizeException(
          "'" + loader.resolve(entry) + "' does not exist (neither a file nor a directory)");
    }
    Loader sub = loader.forDirectory(dir);
    Kustomization base = KustomizationReader.read(sub);
    if (base.isComponent()) {
      throw new KustomizeException(
          "expected kind != 'Component' for path '" + dir + "'; components go in 'components:'");
    }
    Accumulation baseAcc = remote ? remoteChild(acc, entry, dir) : acc.child();
    accumulateTarget(base, sub, baseAcc);
    acc.absorb(baseAcc);
  }

  /** A child accumulation for a remote base: its origins name the repository and ref (C). */
  private static Accumulation remoteChild(Accumulation acc, String entry, Path dir) {
    if (acc.origins().isEmpty()) {
      return acc.child();
    }
    GitUrl url;
    try {
      url = GitUrl.parse(entry);
    } catch (KustomizeException e) {
      return acc.child(); // not a git URL this engine parses: origins stay local paths
    }
    Path repoRoot = dir;
    int depth = url.path().isEmpty() ? 0 : Path.of(url.path()).normalize().getNameCount();
    for (int i = 0; i < depth && repoRoot.getParent() != null; i++) {
      repoRoot = repoRoot.getParent();
    }
    return acc.remoteChild(repoRoot, url.cloneUrl(), url.ref());
  }

  private void accumulateComponents(Kustomization k, Loader loader, Accumulation acc) {
    for (String entry : k.components()) {
      try {
        Path dir;
        boolean remote = false;
        if (loader.isDirectory(entry)) {
          dir = loader.resolve(entry);
        } else if (looksRemote(entry)) {
          dir = options.remoteResolver().resolve(entry);
          remote = true;
        } else if (loader.isFile(entry)) {
          throw new KustomizeException("'" + loader.resolve(entry) + "' must be a directory");
        } else {
          throw new KustomizeException("'" + loader.resolve(entry) + "' does not exist");
        }
        Loader sub = loader.forDirectory(dir);
        Kustomization comp = KustomizationReader.read(sub);
        if (!comp.isComponent()) {
          throw new KustomizeException(
              "expected kind 'Component' for path '" + dir + "' but got '" + comp.kind() + "'");
        }
        if (remote && acc.origins().isPresent()) {
          // a component shares the accumulation: record its origins in the repository meanwhile
          Optional<OriginContext> local = acc.origins();
          acc.setOrigins(remoteChild(acc, entry, dir).origins());
          try {
            accumulateTarget(comp, sub, acc);
          } finally {
            acc.setOrigins(local);
          }
        } else {
          accumulateTarget(comp, sub, acc);
        }
      } catch (KustomizeException e) {
        throw new KustomizeException(
            "accumulating components from '" + entry + "' in '" + k.file() + "': " + e.getMessage(),
            e);
      }
    }
  }

  private void runGenerators(BuildContext ctx, Accumulation acc) {
    for (Generator g : generators(ctx, acc)) {
      // create / merge / replace against what is accumulated so far (engineer C, .generate)
      GeneratorAbsorber.absorb(acc.resources(), g.generate());
    }
  }

  private void finish(Kustomization top, Loader loader, Accumulation acc) {
    ResourceList resources = acc.resources();
    addHashSuffixes(resources);
    new NameReferenceTransformer(acc.config().nameReference()).transform(resources);
    resolveVars(acc);
    new LocalConfigFilter().transform(resources);
    if (acc.origins().isPresent() && !top.buildMetadata().contains("originAnnotations")) {
      // origins were tracked only to record transformations
      for (Resource r : resources) {
        Origin.remove(r, Origin.ANNOTATION);
      }
    }
    if (top.buildMetadata().contains("managedByLabel")) {
      // kubectl's embedded kustomize reports its version as "(devel)"
      new LabelTransformer(
              new LabelTransformer.Config(
                  Map.of("app.kubernetes.io/managed-by", "kustomize-(devel)"),
                  List.of(FieldSpec.of("", "", "", "metadata/labels", true))))
          .transform(resources);
    }
    dropEmptyAnnotations(resources);
    if (top.has("sortOptions")) {
      SortOrderTransformer.fromConfig(top.map("sortOptions"), top).transform(resources);
    } else if (options.reorder() == Reorder.LEGACY) {
      SortOrderTransformer.legacy().transform(resources);
    }
  }

  /**
   * kustomize keeps build-internal annotations in {@code metadata.annotations} and removes them at
   * the end, leaving no annotations field when none remain: an empty or null one disappears.
   */
  private static void dropEmptyAnnotations(ResourceList resources) {
    for (Resource r : resources) {
      if (r.content().get("metadata") instanceof Map<?, ?> md && md.containsKey("annotations")) {
        Object a = md.get("annotations");
        if (a == null || (a instanceof Map<?, ?> m && m.isEmpty())) {
          md.remove("annotations");
        }
      }
    }
  }

  // ---- extension points -------------------------------------------------------------------

  /** Field specs from {@code crds:} files (engineer B, .openapi). */
  private FieldSpecConfig crdConfig(BuildContext ctx) {
    return CrdFieldSpecs.load(ctx.kustomization().crds(), ctx.loader());
  }

  /** Generators of this kustomization, in kustomize's order (engineer C, .generate). */
  private List<Generator> generators(BuildContext ctx, Accumulation acc) {
    for (String f : List.of("helmCharts", "helmChartInflationGenerator")) {
      if (!ctx.kustomization().list(f).isEmpty()) {
        // kubectl kustomize fails here too unless helm is enabled, which it is not by default
        throw ctx.kustomization().invalid(f, "helm chart inflation is not supported");
      }
    }
    List<Generator> out = new ArrayList<>(KustomizationGenerators.of(ctx, acc.origins()));
    out.addAll(plugins(ctx, acc).generators());
    return out;
  }

  /** The {@code generators:}/{@code transformers:} plugin configs of a kustomization (C). */
  private BuiltinPlugins plugins(BuildContext ctx, Accumulation acc) {
    return new BuiltinPlugins(
        ctx,
        acc.openapi(),
        paths -> {
          // path entries are accumulated exactly like resources: entries
          Accumulation configs = acc.child();
          for (String p : paths) {
            accumulateResource(p, ctx.loader(), configs);
          }
          return configs.resources();
        },
        acc.origins());
  }

  /**
   * The builtin transformers of this kustomization in kustomize's order, then the {@code
   * transformers:} plugins. Patches and replacements are engineer B's, plugins engineer C's.
   */
  private List<Transformer> transformers(BuildContext ctx, Accumulation acc) {
    Kustomization k = ctx.kustomization();
    List<Transformer> out = new ArrayList<>();
    out.addAll(PatchTransformers.strategicMerge(k, ctx.loader(), acc.openapi()));
    out.addAll(PatchTransformers.patches(k, ctx.loader(), acc.openapi()));
    out.addAll(BuiltinTransformers.namespace(ctx));
    out.addAll(BuiltinTransformers.prefixSuffix(ctx));
    out.addAll(BuiltinTransformers.labels(ctx));
    out.addAll(BuiltinTransformers.annotations(ctx));
    out.addAll(PatchTransformers.json6902(k, ctx.loader(), acc.openapi()));
    out.addAll(BuiltinTransformers.replicas(ctx));
    out.addAll(BuiltinTransformers.images(ctx));
    if (k.has("replacements")) {
      out.add(
          ReplacementTransformer.fromEntries(k.list("replacements"), ctx.loader(), acc.openapi()));
    }
    if (!k.list("validators").isEmpty()) {
      // kustomize has no builtin validators; it would load an exec/Go plugin, which capstan never
      // runs
      throw k.invalid("validators", "validator plugins are not supported (no plugin execution)");
    }
    out.addAll(plugins(ctx, acc).transformers());
    return out;
  }

  /** Appends content hashes to generated names (engineer C). */
  private void addHashSuffixes(ResourceList resources) {
    new HashTransformer().transform(resources);
  }

  /** Resolves {@code $(VAR)} references (engineer B). */
  private void resolveVars(Accumulation acc) {
    Vars.resolve(acc.vars(), acc.resources(), acc.config().specs("varReference"));
  }

  private static boolean looksRemote(String entry) {
    return entry.contains("://")
        || entry.startsWith("github.com/")
        || entry.startsWith("gitlab.com/")
        || entry.startsWith("bitbucket.org/")
        || entry.startsWith("git@")
        || entry.contains(".git//")
        || entry.contains("?ref=");
  }
}
