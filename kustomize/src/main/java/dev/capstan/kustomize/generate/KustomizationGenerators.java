package dev.capstan.kustomize.generate;

import dev.capstan.kustomize.BuildContext;
import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.load.Kustomization;
import dev.capstan.kustomize.resource.Origin;
import dev.capstan.kustomize.resource.OriginContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The generators declared by a kustomization's own fields, in kustomize's order: every {@code
 * configMapGenerator} entry, then every {@code secretGenerator} entry, each with the global {@code
 * generatorOptions} merged into its local options. ({@code generators:} plugin configs come after
 * these; see {@code dev.capstan.kustomize.plugin}.)
 */
public final class KustomizationGenerators {
  private KustomizationGenerators() {}

  /**
   * The generators of {@code ctx}'s kustomization; fails naming the field for a bad entry.
   *
   * @param origins where origins are recorded when origin annotations are on (empty: off)
   */
  public static List<Generator> of(BuildContext ctx, Optional<OriginContext> origins) {
    Kustomization k = ctx.kustomization();
    GeneratorOptions global =
        GeneratorOptions.read(
            new ArgsReader(k.raw(), "Kustomization", true)
                .nested("generatorOptions", "GeneratorOptions"));
    KvFileReader files = ctx.loader()::read;
    List<Generator> out = new ArrayList<>();
    for (Map<String, Object> entry : entries(k, "configMapGenerator")) {
      GeneratorArgs args =
          GeneratorArgs.read(new ArgsReader(entry, "ConfigMapArgs.configMapGenerator", true), false)
              .withGlobalOptions(global);
      out.add(withOrigin(new ConfigMapGenerator(args, files), k, "ConfigMapGenerator", origins));
    }
    for (Map<String, Object> entry : entries(k, "secretGenerator")) {
      GeneratorArgs args =
          GeneratorArgs.read(new ArgsReader(entry, "SecretArgs.secretGenerator", true), true)
              .withGlobalOptions(global);
      out.add(withOrigin(new SecretGenerator(args, files), k, "SecretGenerator", origins));
    }
    return out;
  }

  private static Generator withOrigin(
      Generator g, Kustomization k, String kind, Optional<OriginContext> origins) {
    return origins
        .<Generator>map(
            o -> new OriginGenerator(g, o.configured(k.file(), Origin.by("builtin", kind, "", ""))))
        .orElse(g);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> entries(Kustomization k, String field) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : k.list(field)) {
      if (o == null) {
        continue;
      }
      if (!(o instanceof Map<?, ?> m)) {
        throw new KustomizeException(
            "invalid Kustomization: json: cannot unmarshal "
                + (o instanceof String ? "string" : o instanceof List ? "array" : "number")
                + " into Go value of type types."
                + (field.equals("secretGenerator") ? "SecretArgs" : "ConfigMapArgs")
                + " (file '"
                + k.file()
                + "', field '"
                + field
                + "')");
      }
      out.add((Map<String, Object>) m);
    }
    return out;
  }
}
