package dev.capstan.kustomize.resource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a resource came from, as kustomize records it in the {@code config.kubernetes.io/origin}
 * annotation under {@code buildMetadata: [originAnnotations]}: the file it was read from ({@code
 * path}, relative to the kustomization being built), or for a generated object the file that
 * configured the generator ({@code configuredIn}) and the generator ({@code configuredBy}).
 *
 * @param path the resource file, relative to the built kustomization (or to the repository root for
 *     a remote one); empty for generated objects
 * @param repo the git repository of a remote base, else empty
 * @param ref the git ref of a remote base, else empty
 * @param configuredIn the kustomization or plugin config file; empty for read resources
 * @param configuredBy the generator's apiVersion, kind, and (for plugin configs) name and namespace
 */
public record Origin(
    String path, String repo, String ref, String configuredIn, Map<String, String> configuredBy) {

  /** The annotation kustomize writes. */
  public static final String ANNOTATION = "config.kubernetes.io/origin";

  /**
   * The annotation listing the transformers that ran over a resource ({@code
   * transformerAnnotations}).
   */
  public static final String TRANSFORMATIONS = "alpha.config.kubernetes.io/transformations";

  public Origin {
    configuredBy = Map.copyOf(configuredBy);
  }

  /** The identity of a generator or transformer, in kustomize's field order. */
  public static Map<String, String> by(String apiVersion, String kind, String name, String ns) {
    Map<String, String> by = new LinkedHashMap<>();
    by.put("apiVersion", apiVersion);
    by.put("kind", kind);
    by.put("name", name);
    by.put("namespace", ns);
    return by;
  }

  /** The {@code path}, {@code repo} and {@code ref} recorded in {@code r}'s origin, if any. */
  public static java.util.Optional<Origin> readFrom(Resource r) {
    Map<String, Object> md = Tree.map(r.content(), "metadata");
    Map<String, Object> a = md == null ? null : Tree.map(md, "annotations");
    if (a == null || !(a.get(ANNOTATION) instanceof String text)) {
      return java.util.Optional.empty();
    }
    String path = "";
    String repo = "";
    String ref = "";
    for (String line : text.split("\n")) {
      if (line.startsWith("path: ")) {
        path = line.substring(6);
      } else if (line.startsWith("repo: ")) {
        repo = line.substring(6);
      } else if (line.startsWith("ref: ")) {
        ref = line.substring(5);
      }
    }
    return java.util.Optional.of(new Origin(path, repo, ref, "", Map.of()));
  }

  /** A path as kustomize joins it: relative to the root, with {@code /} separators. */
  public static String relative(Path top, Path file) {
    String rel = top.relativize(file).toString().replace('\\', '/');
    return rel.isEmpty() ? "." : rel;
  }

  /** The annotation text (Go's YAML of kustomize's Origin struct; empty fields omitted). */
  public String text() {
    StringBuilder b = new StringBuilder();
    if (!path.isEmpty()) {
      b.append("path: ").append(path).append('\n');
    }
    if (!repo.isEmpty()) {
      b.append("repo: ").append(repo).append('\n');
    }
    if (!ref.isEmpty()) {
      b.append("ref: ").append(ref).append('\n');
    }
    if (!configuredIn.isEmpty()) {
      b.append("configuredIn: ").append(configuredIn).append('\n');
    }
    boolean any = configuredBy.values().stream().anyMatch(v -> !v.isEmpty());
    if (any) {
      b.append("configuredBy:\n");
      for (String k : new String[] {"apiVersion", "kind", "name", "namespace"}) {
        String v = configuredBy.getOrDefault(k, "");
        if (!v.isEmpty()) {
          b.append("  ").append(k).append(": ").append(v).append('\n');
        }
      }
    }
    return b.toString();
  }

  /** Sets the annotation on {@code r}, replacing any. */
  @SuppressWarnings("unchecked")
  public void applyTo(Resource r) {
    Map<String, Object> annotations =
        (Map<String, Object>)
            r.metadata().computeIfAbsent("annotations", k -> new LinkedHashMap<String, Object>());
    annotations.put(ANNOTATION, text());
  }

  /**
   * Appends this origin (a transformer's) to {@code r}'s transformations annotation, as kustomize's
   * {@code AddTransformation} does: one YAML list entry per transformer run.
   */
  @SuppressWarnings("unchecked")
  public void appendTransformationTo(Resource r) {
    Map<String, Object> annotations =
        (Map<String, Object>)
            r.metadata().computeIfAbsent("annotations", k -> new LinkedHashMap<String, Object>());
    StringBuilder entry = new StringBuilder();
    String[] lines = text().split("\n");
    for (int i = 0; i < lines.length; i++) {
      entry.append(i == 0 ? "- " : "  ").append(lines[i]).append('\n');
    }
    Object existing = annotations.get(TRANSFORMATIONS);
    annotations.put(TRANSFORMATIONS, (existing instanceof String s ? s : "") + entry);
  }

  /** Removes the annotation {@code key} from {@code r} (and an emptied annotations map). */
  public static void remove(Resource r, String key) {
    Map<String, Object> md = Tree.map(r.content(), "metadata");
    Map<String, Object> a = md == null ? null : Tree.map(md, "annotations");
    if (a != null && a.remove(key) != null && a.isEmpty()) {
      md.remove("annotations");
    }
  }

  /** Whether {@code r} carries an origin annotation. */
  public static boolean isSet(Resource r) {
    Map<String, Object> md = Tree.map(r.content(), "metadata");
    Map<String, Object> a = md == null ? null : Tree.map(md, "annotations");
    return a != null && a.containsKey(ANNOTATION);
  }
}
