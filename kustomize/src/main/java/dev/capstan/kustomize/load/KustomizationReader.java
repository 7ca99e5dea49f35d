package dev.capstan.kustomize.load;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.fs.Loader;
import dev.capstan.kustomize.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds and parses the kustomization file of a directory ({@code kustomization.yaml}, {@code
 * kustomization.yml} or {@code Kustomization}) and validates its top-level fields: unknown fields
 * are rejected as kustomize's strict decoder does.
 */
public final class KustomizationReader {
  /** The recognized file names, in kustomize's lookup order. */
  public static final List<String> FILE_NAMES =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  private static final Set<String> FIELDS =
      Set.of(
          "apiVersion",
          "kind",
          "metadata",
          "openapi",
          "namePrefix",
          "nameSuffix",
          "namespace",
          "commonLabels",
          "labels",
          "commonAnnotations",
          "patchesStrategicMerge",
          "patchesJson6902",
          "patches",
          "images",
          "imageTags",
          "replacements",
          "replicas",
          "vars",
          "sortOptions",
          "resources",
          "components",
          "crds",
          "bases",
          "configMapGenerator",
          "secretGenerator",
          "helmGlobals",
          "helmCharts",
          "helmChartInflationGenerator",
          "generatorOptions",
          "configurations",
          "generators",
          "transformers",
          "validators",
          "buildMetadata");

  private KustomizationReader() {}

  /** The kustomization file in the loader's root, if any. */
  public static Path find(Loader loader) {
    Path found = null;
    for (String name : FILE_NAMES) {
      Path p = loader.root().resolve(name);
      if (loader.fileTree().isFile(p)) {
        if (found != null) {
          throw new KustomizeException(
              "Found multiple kustomization files under: " + loader.root());
        }
        found = p;
      }
    }
    return found;
  }

  /** Whether {@code dir} (through the loader's file tree) holds a kustomization file. */
  public static boolean hasKustomization(Loader loader) {
    return find(loader) != null;
  }

  /** Reads and validates the kustomization of the loader's root. */
  public static Kustomization read(Loader loader) {
    Path file = find(loader);
    if (file == null) {
      throw new KustomizeException(
          "unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in"
              + " directory '"
              + loader.root()
              + "'");
    }
    String text = new String(loader.fileTree().read(file), StandardCharsets.UTF_8);
    return parse(file, text);
  }

  /** Parses kustomization text that came from {@code file}. */
  @SuppressWarnings("unchecked")
  public static Kustomization parse(Path file, String text) {
    Object doc = YamlReader.readOne(text, file.toString(), true);
    if (doc == null) {
      throw new KustomizeException("kustomization file '" + file + "' is empty");
    }
    if (!(doc instanceof Map<?, ?>)) {
      throw new KustomizeException("invalid kustomization '" + file + "': not a YAML mapping");
    }
    Map<String, Object> raw = (Map<String, Object>) doc;
    List<String> unknown = new ArrayList<>();
    for (String k : raw.keySet()) {
      if (!FIELDS.contains(k)) {
        unknown.add(k);
      }
    }
    if (!unknown.isEmpty()) {
      throw new KustomizeException(
          "invalid Kustomization '" + file + "': json: unknown field \"" + unknown.get(0) + "\"");
    }
    Kustomization k = new Kustomization(file, raw);
    String kind = k.kind();
    if (!kind.equals(Kustomization.KIND_KUSTOMIZATION)
        && !kind.equals(Kustomization.KIND_COMPONENT)) {
      throw k.invalid("kind", "unknown kind '" + kind + "'");
    }
    String api = k.string("apiVersion");
    if (k.isComponent() && !api.isEmpty() && !api.equals("kustomize.config.k8s.io/v1alpha1")) {
      throw k.invalid(
          "apiVersion", "a Component needs apiVersion kustomize.config.k8s.io/v1alpha1");
    }
    return k;
  }
}
