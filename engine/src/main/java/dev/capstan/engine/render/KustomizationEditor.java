package dev.capstan.engine.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@link KustomizeOverrides} to a parsed kustomization, as the {@code kustomize edit}
 * commands Argo CD runs would: {@code set nameprefix|namesuffix|namespace|image|replicas}, {@code
 * add label|annotation [--force] [--without-selector] [--include-templates]}, {@code add
 * component}, and appending {@code patches}. Pure apart from checking that components exist.
 */
final class KustomizationEditor {

  private KustomizationEditor() {}

  /**
   * Returns an edited deep copy of {@code kustomization}.
   *
   * @param dir the kustomization's directory, for resolving components
   * @throws IllegalArgumentException for an override kustomize edit would refuse
   */
  static Map<String, Object> apply(
      Map<String, Object> kustomization, KustomizeOverrides o, Path dir) {
    Map<String, Object> k = copyMap(kustomization);
    if (!o.namePrefix().isEmpty()) {
      k.put("namePrefix", o.namePrefix());
    }
    if (!o.nameSuffix().isEmpty()) {
      k.put("nameSuffix", o.nameSuffix());
    }
    if (!o.namespace().isEmpty()) {
      k.put("namespace", o.namespace());
    }
    for (String image : o.images()) {
      upsertByName(k, "images", parseImage(image));
    }
    for (KustomizeOverrides.Replica r : o.replicas()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", r.name());
      entry.put("count", r.count());
      upsertByName(k, "replicas", entry);
    }
    if (!o.commonLabels().isEmpty()) {
      if (o.labelWithoutSelector()) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("pairs", new LinkedHashMap<>(o.commonLabels()));
        entry.put("includeSelectors", false);
        if (o.labelIncludeTemplates()) {
          entry.put("includeTemplates", true);
        }
        list(k, "labels").add(entry);
      } else {
        addPairs(k, "commonLabels", o.commonLabels(), o.forceCommonLabels(), "label");
      }
    }
    if (!o.commonAnnotations().isEmpty()) {
      addPairs(
          k, "commonAnnotations", o.commonAnnotations(), o.forceCommonAnnotations(), "annotation");
    }
    for (String component : o.components()) {
      if (!Files.exists(dir.resolve(component).normalize())) {
        if (o.ignoreMissingComponents()) {
          continue;
        }
        throw new IllegalArgumentException("component " + component + " does not exist");
      }
      List<Object> components = list(k, "components");
      if (!components.contains(component)) {
        components.add(component);
      }
    }
    for (Map<String, Object> patch : o.patches()) {
      list(k, "patches").add(copyMap(patch));
    }
    return k;
  }

  /**
   * Parses a {@code kustomize edit set image} argument: {@code [name=]newName[:tag][@digest]};
   * without {@code name=}, the image name itself is the name and only tag or digest change.
   */
  static Map<String, Object> parseImage(String argument) {
    String arg = argument.strip();
    if (arg.isEmpty()) {
      throw new IllegalArgumentException("empty image override");
    }
    Map<String, Object> image = new LinkedHashMap<>();
    int eq = arg.indexOf('=');
    String name = eq >= 0 ? arg.substring(0, eq) : null;
    String rest = eq >= 0 ? arg.substring(eq + 1) : arg;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    if (name == null) {
      image.put("name", rest);
    } else {
      if (name.isEmpty()) {
        throw new IllegalArgumentException("image override " + argument + " has an empty name");
      }
      image.put("name", name);
      if (!rest.isEmpty() && !rest.equals(name)) {
        image.put("newName", rest);
      }
    }
    if (tag != null && !tag.isEmpty()) {
      image.put("newTag", tag);
    }
    if (digest != null && !digest.isEmpty()) {
      image.put("digest", digest);
    }
    return image;
  }

  private static void addPairs(
      Map<String, Object> k, String field, Map<String, String> pairs, boolean force, String what) {
    Map<String, Object> existing = map(k, field);
    for (Map.Entry<String, String> e : pairs.entrySet()) {
      if (existing.containsKey(e.getKey()) && !force) {
        throw new IllegalArgumentException(
            what
                + " "
                + e.getKey()
                + " already in kustomization file (set force"
                + capital(what)
                + "s to overwrite it)");
      }
      existing.put(e.getKey(), e.getValue());
    }
  }

  private static String capital(String s) {
    return s.equals("label") ? "CommonLabel" : "CommonAnnotation";
  }

  private static void upsertByName(Map<String, Object> k, String field, Map<String, Object> entry) {
    List<Object> entries = list(k, field);
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i) instanceof Map<?, ?> m && entry.get("name").equals(m.get("name"))) {
        entries.set(i, entry);
        return;
      }
    }
    entries.add(entry);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<String, Object> k, String field) {
    Object v = k.get(field);
    if (v instanceof List<?> l) {
      List<Object> copy = new ArrayList<>((List<Object>) l);
      k.put(field, copy);
      return copy;
    }
    if (v != null) {
      throw new IllegalArgumentException("kustomization field " + field + " is not a list");
    }
    List<Object> fresh = new ArrayList<>();
    k.put(field, fresh);
    return fresh;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> k, String field) {
    Object v = k.get(field);
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) m);
      k.put(field, copy);
      return copy;
    }
    if (v != null) {
      throw new IllegalArgumentException("kustomization field " + field + " is not a map");
    }
    Map<String, Object> fresh = new LinkedHashMap<>();
    k.put(field, fresh);
    return fresh;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> copyMap(Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((key, v) -> out.put(key, copy(v)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object copy(Object v) {
    if (v instanceof Map<?, ?> m) {
      return copyMap((Map<String, Object>) m);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(copy(x)));
      return out;
    }
    return v;
  }
}
