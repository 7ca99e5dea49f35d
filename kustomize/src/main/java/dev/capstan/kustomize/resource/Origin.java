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
 * @param path the resource file, relative to the built kustomization; empty for generated objects
 * @param configuredIn the kustomization or plugin config file; empty for read resources
 * @param configuredBy the generator's apiVersion, kind, and (for plugin configs) name and namespace
 */
public record Origin(String path, String configuredIn, Map<String, String> configuredBy) {

  /** The annotation kustomize writes. */
  public static final String ANNOTATION = "config.kubernetes.io/origin";

  /** The annotation listing the transformers that ran over a resource ({@code transformerAnnotations}). */
  public static final String TRANSFORMATIONS = "alpha.config.kubernetes.io/transformations";

  public Origin {
    configuredBy = Map.copyOf(configuredBy);
  }

  /** The origin of a resource read from {@code file}, relative to the built root {@code top}. */
  public static Origin ofFile(Path top, Path file) {
    return new Origin(relative(top, file), "", Map.of());
  }

  /** The origin of objects of a generator configured in {@code file}. */
  public static Origin ofGenerator(
      Path top, Path file, String apiVersion, String kind, String name, String namespace) {
    Map<String, String> by = new LinkedHashMap<>();
    by.put("apiVersion", apiVersion);
    by.put("kind", kind);
    by.put("name", name);
    by.put("namespace", namespace);
    return new Origin("", relative(top, file), by);
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
    annotations.put(
        TRANSFORMATIONS, (existing instanceof String s ? s : "") + entry);
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

  /** The {@code path} recorded in {@code r}'s origin annotation, or empty. */
  public static String pathOf(Resource r) {
    Map<String, Object> md = Tree.map(r.content(), "metadata");
    Map<String, Object> a = md == null ? null : Tree.map(md, "annotations");
    if (a == null || !(a.get(ANNOTATION) instanceof String text)) {
      return "";
    }
    for (String line : text.split("\n")) {
      if (line.startsWith("path: ")) {
        return line.substring("path: ".length());
      }
    }
    return "";
  }
}
