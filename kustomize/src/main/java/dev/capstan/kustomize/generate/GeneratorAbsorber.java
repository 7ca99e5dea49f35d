package dev.capstan.kustomize.generate;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.resource.ResId;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import dev.capstan.kustomize.resource.Tree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds generated objects to the accumulated resources honouring each one's behavior (kustomize's
 * {@code AbsorbAll}):
 *
 * <ul>
 *   <li>no object with its id (current or any earlier id) exists: {@code create} appends it, {@code
 *       merge}/{@code replace} fail;
 *   <li>one exists: {@code replace} puts the generated object in its place, {@code merge} does too
 *       after merging the old {@code data} and {@code binaryData} under the new (new keys win). In
 *       both the old object's name, namespace, earlier ids and build annotations are kept, labels
 *       and annotations are merged (new wins), and the name gets a hash suffix only if both old and
 *       new asked for one. {@code create} fails;
 *   <li>several exist: fail.
 * </ul>
 */
public final class GeneratorAbsorber {
  /** The buildMetadata origin annotation. */
  static final String ORIGIN = "config.kubernetes.io/origin";

  private GeneratorAbsorber() {}

  /** Absorbs every resource of {@code generated} into {@code accumulated}, in order. */
  public static void absorb(ResourceList accumulated, ResourceList generated) {
    for (Resource r : generated) {
      absorbOne(accumulated, r);
    }
  }

  private static void absorbOne(ResourceList accumulated, Resource res) {
    ResId id = res.id();
    List<Resource> matches = new ArrayList<>();
    for (Resource candidate : accumulated) {
      if (matchesAnyId(candidate, id)) {
        matches.add(candidate);
      }
    }
    Behavior behavior = Behavior.parse(res.buildAnnotations().getOrDefault(Generator.BEHAVIOR, ""));
    switch (matches.size()) {
      case 0 -> {
        if (behavior == Behavior.MERGE || behavior == Behavior.REPLACE) {
          throw new KustomizeException("id " + id + " does not exist; cannot merge or replace");
        }
        accumulated.add(res);
      }
      case 1 -> {
        Resource old = matches.get(0);
        switch (behavior) {
          case REPLACE -> copyMergeMetadata(res, old);
          case MERGE -> {
            Object origin = annotation(old, ORIGIN);
            copyMergeMetadata(res, old);
            mergeStringField(res, old, "data");
            mergeStringField(res, old, "binaryData");
            if (origin != null) {
              // a merge keeps where the object came from (kustomize keeps the old origin)
              annotations(res).put(ORIGIN, origin);
            }
          }
          default ->
              throw new KustomizeException(
                  "id " + id + " exists; behavior must be merge or replace");
        }
        res.buildAnnotations().remove(Generator.BEHAVIOR);
        accumulated.replace(old, res);
      }
      default ->
          throw new KustomizeException(
              "found multiple objects " + matches + " that could accept merge of " + id);
    }
  }

  private static Object annotation(Resource r, String key) {
    return Tree.map(r.metadata(), "annotations") instanceof Map<String, Object> a
        ? a.get(key)
        : null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> annotations(Resource r) {
    return (Map<String, Object>)
        r.metadata().computeIfAbsent("annotations", k -> new LinkedHashMap<String, Object>());
  }

  private static boolean matchesAnyId(Resource candidate, ResId id) {
    for (ResId prev : candidate.previousIds()) {
      if (ResourceList.sameId(prev, id)) {
        return true;
      }
    }
    return ResourceList.sameId(candidate.id(), id);
  }

  private static void copyMergeMetadata(Resource res, Resource old) {
    Map<String, Object> md = res.metadata();
    putOrRemove(md, "labels", merged(stringMap(old.metadata(), "labels"), stringMap(md, "labels")));
    putOrRemove(
        md,
        "annotations",
        merged(stringMap(old.metadata(), "annotations"), stringMap(md, "annotations")));
    md.put("name", old.name());
    if (old.namespace().isEmpty()) {
      md.remove("namespace");
    } else {
      md.put("namespace", old.namespace());
    }
    boolean hash =
        "true".equals(res.buildAnnotations().get(Generator.NEEDS_HASH))
            && "true".equals(old.buildAnnotations().get(Generator.NEEDS_HASH));
    res.buildAnnotations().clear();
    res.buildAnnotations().putAll(old.buildAnnotations());
    if (hash) {
      res.buildAnnotations().put(Generator.NEEDS_HASH, "true");
    } else {
      res.buildAnnotations().remove(Generator.NEEDS_HASH);
    }
    res.previousIds().clear();
    res.previousIds().addAll(old.previousIds());
  }

  private static void mergeStringField(Resource res, Resource old, String field) {
    putOrRemove(
        res.content(),
        field,
        merged(stringMap(old.content(), field), stringMap(res.content(), field)));
  }

  private static Map<String, Object> merged(Map<String, Object> base, Map<String, Object> top) {
    Map<String, Object> out = new LinkedHashMap<>(base);
    out.putAll(top);
    return out;
  }

  private static void putOrRemove(Map<String, Object> map, String key, Map<String, Object> value) {
    if (value.isEmpty()) {
      map.remove(key);
    } else {
      map.put(key, value);
    }
  }

  /** A string-valued view of a mapping field, as kustomize reads data maps (scalars as text). */
  private static Map<String, Object> stringMap(Map<String, Object> parent, String key) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (parent.get(key) instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        Object v = e.getValue();
        String text =
            switch (v) {
              case null -> "";
              case String s -> s;
              case Double d -> GoJson.goFloat(d);
              case Map<?, ?> nested -> "";
              case List<?> list -> "";
              default -> String.valueOf(v);
            };
        out.put(String.valueOf(e.getKey()), text);
      }
    }
    return out;
  }
}
