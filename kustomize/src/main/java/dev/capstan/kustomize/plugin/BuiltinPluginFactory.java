package dev.capstan.kustomize.plugin;

import dev.capstan.kustomize.BuildContext;
import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.fieldspec.FieldSpec;
import dev.capstan.kustomize.fieldspec.FieldSpecConfig;
import dev.capstan.kustomize.generate.ArgsReader;
import dev.capstan.kustomize.generate.ConfigMapGenerator;
import dev.capstan.kustomize.generate.GeneratorArgs;
import dev.capstan.kustomize.generate.HashTransformer;
import dev.capstan.kustomize.generate.IamPolicyGenerator;
import dev.capstan.kustomize.generate.KvFileReader;
import dev.capstan.kustomize.generate.SecretGenerator;
import dev.capstan.kustomize.openapi.OpenApiSettings;
import dev.capstan.kustomize.patch.PatchJson6902Transformer;
import dev.capstan.kustomize.patch.PatchStrategicMergeTransformer;
import dev.capstan.kustomize.patch.PatchTransformer;
import dev.capstan.kustomize.replace.ReplacementTransformer;
import dev.capstan.kustomize.transform.AnnotationsTransformer;
import dev.capstan.kustomize.transform.ImageTagTransformer;
import dev.capstan.kustomize.transform.LabelTransformer;
import dev.capstan.kustomize.transform.NamespaceTransformer;
import dev.capstan.kustomize.transform.PrefixSuffixTransformer;
import dev.capstan.kustomize.transform.ReplicaCountTransformer;
import java.util.List;
import java.util.Map;

/**
 * Builds one builtin plugin (a {@link dev.capstan.kustomize.transform.Transformer} or a {@link
 * dev.capstan.kustomize.generate.Generator}) from its config, using the same classes as the
 * kustomization fields. Config errors read as kustomize's: {@code plugin KIND.builtin.[noGrp]/NAME
 * .[noNs] fails configuration: REASON}.
 */
final class BuiltinPluginFactory {
  private final BuildContext ctx;
  private final OpenApiSettings openapi;

  BuiltinPluginFactory(BuildContext ctx, OpenApiSettings openapi) {
    this.ctx = ctx;
    this.openapi = openapi;
  }

  /** The plugin for {@code c}; fails for non-builtin or unknown kinds and bad configs. */
  Object make(PluginConfig c) {
    if (!c.isBuiltin()) {
      throw new KustomizeException(
          "external plugins disabled; unable to load external plugin '" + c.kind() + "'");
    }
    try {
      return switch (c.kind()) {
        case "AnnotationsTransformer" ->
            new AnnotationsTransformer(
                new AnnotationsTransformer.Config(
                    c.reader("AnnotationsTransformerPlugin").stringMap("annotations"), specs(c)));
        case "LabelTransformer" ->
            new LabelTransformer(
                new LabelTransformer.Config(
                    c.reader("LabelTransformerPlugin").stringMap("labels"), specs(c)));
        case "NamespaceTransformer" -> namespace(c);
        case "PrefixSuffixTransformer" -> prefixSuffix(c, true, true);
        case "PrefixTransformer" -> prefixSuffix(c, true, false);
        case "SuffixTransformer" -> prefixSuffix(c, false, true);
        case "ImageTagTransformer" -> imageTag(c);
        case "ReplicaCountTransformer" -> replicaCount(c);
        case "HashTransformer" -> new HashTransformer();
        case "PatchTransformer" -> PatchTransformer.fromConfig(c.content(), ctx.loader(), openapi);
        case "PatchStrategicMergeTransformer" ->
            PatchStrategicMergeTransformer.fromConfig(c.content(), ctx.loader(), openapi);
        case "PatchJson6902Transformer" ->
            PatchJson6902Transformer.fromConfig(c.content(), ctx.loader(), openapi);
        case "ReplacementTransformer" ->
            ReplacementTransformer.fromConfig(c.content(), ctx.loader(), openapi);
        case "ConfigMapGenerator" -> new ConfigMapGenerator(kvArgs(c, false), files());
        case "SecretGenerator" -> new SecretGenerator(kvArgs(c, true), files());
        case "IAMPolicyGenerator" -> IamPolicyGenerator.read(c.reader("IAMPolicyGeneratorArgs"));
        case "HelmChartInflationGenerator" -> throw c.configError("must specify --enable-helm");
        case "ValueAddTransformer" ->
            throw c.configError("ValueAddTransformer is not supported by this engine");
        default -> throw new KustomizeException("unable to load builtin " + c.gvkText());
      };
    } catch (KustomizeException e) {
      if (e.getMessage().startsWith("plugin ") || e.getMessage().startsWith("unable to load")) {
        throw e;
      }
      throw c.configError(e);
    }
  }

  private KvFileReader files() {
    return ctx.loader()::read;
  }

  private static List<FieldSpec> specs(PluginConfig c) {
    return FieldSpecConfig.parseSpecs(c.content().get("fieldSpecs"), c.idText(), "fieldSpecs");
  }

  private static Object namespace(PluginConfig c) {
    ArgsReader r = c.reader("NamespaceTransformerPlugin");
    ArgsReader md = r.nested("metadata", "ObjectMeta");
    String ns = md == null ? "" : md.string("namespace");
    NamespaceTransformer.SubjectMode mode =
        switch (r.string("setRoleBindingSubjects")) {
          case "", "defaultOnly" -> NamespaceTransformer.SubjectMode.DEFAULT_ONLY;
          case "allServiceAccounts" -> NamespaceTransformer.SubjectMode.ALL_SERVICE_ACCOUNTS;
          case "none" -> NamespaceTransformer.SubjectMode.NONE;
          default ->
              throw new KustomizeException(
                  "invalid value for setRoleBindingSubjects: "
                      + r.string("setRoleBindingSubjects")
                      + ", must be one of 'defaultOnly', 'allServiceAccounts' or 'none'");
        };
    return new NamespaceTransformer(
        new NamespaceTransformer.Config(ns, specs(c), r.bool("unsetOnly"), mode));
  }

  private static Object prefixSuffix(PluginConfig c, boolean prefix, boolean suffix) {
    ArgsReader r = c.reader("PrefixSuffixTransformerPlugin");
    if (c.content().get("fieldSpecs") == null) {
      throw new KustomizeException("fieldSpecs is not expected to be nil");
    }
    return new PrefixSuffixTransformer(
        new PrefixSuffixTransformer.Config(
            prefix ? r.string("prefix") : "", suffix ? r.string("suffix") : "", specs(c)));
  }

  private static Object imageTag(PluginConfig c) {
    ArgsReader img = c.reader("ImageTagTransformerPlugin").nested("imageTag", "Image");
    ImageTagTransformer.Image image =
        img == null
            ? new ImageTagTransformer.Image("", "", "", "")
            : new ImageTagTransformer.Image(
                img.string("name"),
                img.string("newName"),
                scalar(img, "newTag"),
                img.string("digest"));
    return new ImageTagTransformer(new ImageTagTransformer.Config(image, specs(c)));
  }

  private static Object replicaCount(PluginConfig c) {
    ArgsReader rep = c.reader("ReplicaCountTransformerPlugin").nested("replica", "Replica");
    String name = rep == null ? "" : rep.string("name");
    long count = 0;
    if (rep != null && rep.map().get("count") != null) {
      if (!(rep.map().get("count") instanceof Long n)) {
        throw new KustomizeException(
            "json: cannot unmarshal "
                + (rep.map().get("count") instanceof String ? "string" : "number")
                + " into Go struct field Replica.replica.count of type int64");
      }
      count = n;
    }
    return new ReplicaCountTransformer(new ReplicaCountTransformer.Config(name, count, specs(c)));
  }

  private static GeneratorArgs kvArgs(PluginConfig c, boolean secret) {
    // kustomize decodes these configs without converting scalar types (probed)
    ArgsReader r = c.reader(secret ? "SecretArgs" : "ConfigMapArgs").strictScalars();
    GeneratorArgs a = GeneratorArgs.read(r, secret);
    ArgsReader md = r.nested("metadata", "ObjectMeta");
    String name = a.name().isEmpty() && md != null ? md.string("name") : a.name();
    String ns = a.namespace().isEmpty() && md != null ? md.string("namespace") : a.namespace();
    return new GeneratorArgs(name, ns, a.behavior(), a.sources(), a.options(), a.type());
  }

  /** A scalar read as text (an image tag such as {@code 1.0} may be written unquoted). */
  private static String scalar(ArgsReader r, String field) {
    Object v = r.map().get(field);
    return v == null || v instanceof Map || v instanceof List ? "" : String.valueOf(v);
  }
}
