package dev.capstan.kustomize.plugin;

import dev.capstan.kustomize.BuildContext;
import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.generate.Generator;
import dev.capstan.kustomize.generate.OriginGenerator;
import dev.capstan.kustomize.openapi.OpenApiSettings;
import dev.capstan.kustomize.resource.Origin;
import dev.capstan.kustomize.resource.OriginContext;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import dev.capstan.kustomize.transform.Transformer;
import dev.capstan.kustomize.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a kustomization's {@code generators:} and {@code transformers:} entries into generator and
 * transformer instances, as kustomize does:
 *
 * <ol>
 *   <li>an entry that parses as YAML objects is an inline config; every other entry is a path (file
 *       or kustomization directory) accumulated like a {@code resources:} entry. All inline configs
 *       come first, then the path ones (kustomize collects them in that order);
 *   <li>each config must be {@code apiVersion: builtin}: any other is an external plugin, which
 *       {@code kubectl kustomize} refuses ("external plugins disabled");
 *   <li>the config is decoded for its kind ({@link BuiltinPluginFactory}) and must be of the wanted
 *       role ("plugin … not a generator" / "… not a transformer").
 * </ol>
 *
 * One instance per kustomization and build step.
 */
public final class BuiltinPlugins {
  private final BuildContext ctx;
  private final BuiltinPluginFactory factory;
  private final PluginConfigSource source;
  private final Optional<OriginContext> origins;

  /**
   * @param ctx the kustomization being built
   * @param openapi the build's schema choice (patch transformers read it when they run)
   * @param source accumulates path entries like {@code resources:} entries
   * @param origins where origins are recorded when origin annotations are on (empty: off)
   */
  public BuiltinPlugins(
      BuildContext ctx,
      OpenApiSettings openapi,
      PluginConfigSource source,
      Optional<OriginContext> origins) {
    this.ctx = ctx;
    this.factory = new BuiltinPluginFactory(ctx, openapi);
    this.source = source;
    this.origins = origins;
  }

  /** The {@code generators:} plugins, in kustomize's order. */
  public List<Generator> generators() {
    List<Generator> out = new ArrayList<>();
    for (PluginConfig c : configs("generators")) {
      Object plugin = factory.make(c);
      if (!(plugin instanceof Generator g)) {
        throw new KustomizeException(
            "loading generator plugins: failed to load generator: plugin "
                + c.idText()
                + " not a generator");
      }
      out.add(origins.isPresent() ? new OriginGenerator(g, origin(c, origins.get())) : g);
    }
    return out;
  }

  /**
   * A plugin's origin (kustomize's OriginFromCustomPlugin): configured in the config's own file
   * (the kustomization for an inline config), by the config's apiVersion, kind, name and namespace.
   */
  private Origin origin(PluginConfig c, OriginContext context) {
    Resource r = c.resource();
    Map<String, String> by = Origin.by(r.apiVersion(), r.kind(), r.name(), r.namespace());
    Optional<Origin> read = Origin.readFrom(r);
    if (read.isPresent() && !read.get().path().isEmpty()) {
      Origin o = read.get();
      return new Origin("", o.repo(), o.ref(), o.path(), by);
    }
    return context.configured(ctx.kustomization().file(), by); // an inline config
  }

  /** The {@code transformers:} plugins, in kustomize's order. */
  public List<Transformer> transformers() {
    List<Transformer> out = new ArrayList<>();
    for (PluginConfig c : configs("transformers")) {
      Object plugin = factory.make(c);
      if (!(plugin instanceof Transformer t)) {
        throw new KustomizeException("plugin " + c.idText() + " not a transformer");
      }
      out.add(origins.isPresent() ? new OriginTransformer(t, origin(c, origins.get())) : t);
    }
    return out;
  }

  private List<PluginConfig> configs(String field) {
    List<String> entries = ctx.kustomization().strings(field);
    if (entries.isEmpty()) {
      return List.of();
    }
    // one list, as kustomize's: the same config id twice (inline or from files) is an error
    ResourceList all = new ResourceList();
    List<String> paths = new ArrayList<>();
    for (String entry : entries) {
      List<Map<String, Object>> inline = inlineConfigs(entry);
      if (inline == null) {
        paths.add(entry);
        continue;
      }
      for (Map<String, Object> doc : inline) {
        all.add(new Resource(doc));
      }
    }
    if (!paths.isEmpty()) {
      for (Resource r : source.accumulate(paths)) {
        all.add(r);
      }
    }
    List<PluginConfig> out = new ArrayList<>();
    for (Resource r : all) {
      out.add(new PluginConfig(r));
    }
    return out;
  }

  /** The objects of an inline config, or null when the entry is a path. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> inlineConfigs(String entry) {
    if (!entry.contains("\n") && !entry.contains(":")) {
      return null; // a plain path; avoids parsing every file name
    }
    List<Object> docs;
    try {
      docs = YamlReader.readAll(entry, "inline config");
    } catch (KustomizeException e) {
      return null;
    }
    if (docs.isEmpty()) {
      return null;
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object d : docs) {
      if (!(d instanceof Map<?, ?> m) || !(m.get("kind") instanceof String)) {
        return null;
      }
      out.add((Map<String, Object>) m);
    }
    return out;
  }
}
