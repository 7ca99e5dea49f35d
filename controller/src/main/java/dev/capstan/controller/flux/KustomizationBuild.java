package dev.capstan.controller.flux;

import dev.capstan.controller.api.flux.KustomizationSpec;
import dev.capstan.engine.render.KustomizeOverrides;
import dev.capstan.engine.render.RenderResult;
import dev.capstan.engine.render.RenderSource;
import dev.capstan.engine.render.Renderer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds a Flux Kustomization's objects from a source directory, as kustomize-controller does: the
 * kustomization at {@code spec.path} (one is generated listing every manifest below the path when
 * there is none), with {@code targetNamespace}, {@code namePrefix}/{@code nameSuffix}, {@code
 * patches}, {@code images} and {@code components} layered on through the engine's {@link Renderer};
 * then {@code commonMetadata} on every object's metadata; then {@code postBuild} substitution
 * ({@link VariableSubstitution}). Used by the reconciler and by {@code capstan build kustomization}
 * / {@code capstan diff kustomization}. Thread-safe; never throws for bad input.
 */
public final class KustomizationBuild {

  /**
   * What a build gave: objects, or an error message (then objects is empty).
   *
   * @param objects the desired objects
   * @param error empty on success
   */
  public record Result(List<GenericKubernetesResource> objects, String error) {
    public Result {
      objects = List.copyOf(objects);
    }

    public boolean succeeded() {
      return error.isEmpty();
    }
  }

  private static final Pattern MANIFEST = Pattern.compile("(?m)^kind:\\s*\\S");
  private static final List<String> KUSTOMIZATION_FILES =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  private final Renderer renderer;

  public KustomizationBuild(Renderer renderer) {
    this.renderer = renderer;
  }

  /** Builds {@code spec} against {@code root} (the artifact root), substituting {@code vars}. */
  public Result build(Path root, KustomizationSpec spec, Map<String, String> vars) {
    String path = spec.path().isEmpty() ? "." : spec.path();
    Path dir = root.resolve(path.replaceFirst("^/+", "")).normalize();
    if (!dir.startsWith(root.normalize()) || !Files.isDirectory(dir)) {
      return failed("kustomization path not found: " + path);
    }
    Path generated = null;
    try {
      RenderSource source;
      if (KUSTOMIZATION_FILES.stream().anyMatch(f -> Files.isRegularFile(dir.resolve(f)))) {
        source = RenderSource.of(root, path);
      } else {
        generated = generate(dir);
        source = RenderSource.of(generated, ".");
      }
      RenderResult r = renderer.render(source.withLabel(path).withKustomize(overrides(spec)));
      if (!r.succeeded()) {
        return failed(r.errorMessage());
      }
      List<GenericKubernetesResource> objects = commonMetadata(r.objects(), spec.commonMetadata());
      if (spec.postBuild() != null) {
        objects = VariableSubstitution.apply(objects, vars);
      }
      return new Result(objects, "");
    } catch (VariableSubstitution.SubstitutionException e) {
      return failed(e.getMessage());
    } catch (IOException | RuntimeException e) {
      return failed("kustomize build failed: " + e.getMessage());
    } finally {
      if (generated != null) {
        ArtifactStore.deleteTree(generated);
      }
    }
  }

  private static Result failed(String message) {
    return new Result(List.of(), message);
  }

  static KustomizeOverrides overrides(KustomizationSpec spec) {
    KustomizeOverrides o =
        KustomizeOverrides.none()
            .withNamePrefix(spec.namePrefix())
            .withNameSuffix(spec.nameSuffix())
            .withNamespace(spec.targetNamespace());
    List<String> images = new ArrayList<>();
    for (KustomizationSpec.Image i : spec.images()) {
      StringBuilder b =
          new StringBuilder(i.name())
              .append('=')
              .append(i.newName().isEmpty() ? i.name() : i.newName());
      if (!i.newTag().isEmpty()) {
        b.append(':').append(i.newTag());
      }
      if (!i.digest().isEmpty()) {
        b.append('@').append(i.digest());
      }
      images.add(b.toString());
    }
    o = o.withImages(images);
    List<Map<String, Object>> patches = new ArrayList<>();
    for (KustomizationSpec.Patch p : spec.patches()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("patch", p.patch());
      if (p.target() != null) {
        Map<String, Object> t = new LinkedHashMap<>();
        KustomizationSpec.Selector s = p.target();
        put(t, "group", s.group());
        put(t, "version", s.version());
        put(t, "kind", s.kind());
        put(t, "name", s.name());
        put(t, "namespace", s.namespace());
        put(t, "labelSelector", s.labelSelector());
        put(t, "annotationSelector", s.annotationSelector());
        m.put("target", t);
      }
      patches.add(m);
    }
    o = o.withPatches(patches);
    return o.withComponents(spec.components(), spec.ignoreMissingComponents());
  }

  private static void put(Map<String, Object> m, String k, String v) {
    if (!v.isEmpty()) {
      m.put(k, v);
    }
  }

  private static List<GenericKubernetesResource> commonMetadata(
      List<GenericKubernetesResource> objects, KustomizationSpec.CommonMetadata meta) {
    if (meta == null || (meta.labels().isEmpty() && meta.annotations().isEmpty())) {
      return objects;
    }
    List<GenericKubernetesResource> out = new ArrayList<>();
    for (GenericKubernetesResource o : objects) {
      GenericKubernetesResource c = dev.capstan.engine.cluster.ObjectTrees.copy(o);
      if (!meta.labels().isEmpty()) {
        Map<String, String> l =
            new LinkedHashMap<>(
                c.getMetadata().getLabels() == null ? Map.of() : c.getMetadata().getLabels());
        l.putAll(meta.labels());
        c.getMetadata().setLabels(l);
      }
      if (!meta.annotations().isEmpty()) {
        Map<String, String> a =
            new LinkedHashMap<>(
                c.getMetadata().getAnnotations() == null
                    ? Map.of()
                    : c.getMetadata().getAnnotations());
        a.putAll(meta.annotations());
        c.getMetadata().setAnnotations(a);
      }
      out.add(c);
    }
    return out;
  }

  /**
   * A scratch copy of a plain directory with a generated {@code kustomization.yaml} listing every
   * manifest file below it (and every sub-folder with its own kustomization), as Flux generates.
   */
  private static Path generate(Path dir) throws IOException {
    Path tmp = Files.createTempDirectory("capstan-flux-gen");
    List<String> resources = new ArrayList<>();
    collect(dir, dir, tmp, resources);
    StringBuilder k =
        new StringBuilder(
            "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n");
    if (resources.isEmpty()) {
      k =
          new StringBuilder(
              "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n");
    }
    for (String r : resources) {
      k.append("- '").append(r.replace("'", "''")).append("'\n");
    }
    Files.writeString(tmp.resolve("kustomization.yaml"), k.toString(), StandardCharsets.UTF_8);
    return tmp;
  }

  private static void collect(Path top, Path dir, Path tmp, List<String> resources)
      throws IOException {
    List<Path> children;
    try (var list = Files.list(dir)) {
      children = list.sorted().toList();
    }
    for (Path c : children) {
      String rel = top.relativize(c).toString().replace('\\', '/');
      if (Files.isDirectory(c)) {
        if (KUSTOMIZATION_FILES.stream().anyMatch(f -> Files.isRegularFile(c.resolve(f)))) {
          copyTree(c, tmp.resolve(rel));
          resources.add(rel);
        } else {
          collect(top, c, tmp, resources);
        }
      } else if ((rel.endsWith(".yaml") || rel.endsWith(".yml"))
          && MANIFEST.matcher(Files.readString(c, StandardCharsets.UTF_8)).find()) {
        Files.createDirectories(tmp.resolve(rel).getParent());
        Files.copy(c, tmp.resolve(rel));
        resources.add(rel);
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var walk = Files.walk(from)) {
      for (Path p : walk.sorted().toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.createDirectories(t.getParent());
          Files.copy(p, t);
        }
      }
    }
  }
}
