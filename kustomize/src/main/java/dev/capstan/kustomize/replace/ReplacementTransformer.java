package dev.capstan.kustomize.replace;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.fs.Loader;
import dev.capstan.kustomize.openapi.OpenApiSettings;
import dev.capstan.kustomize.openapi.SchemaSet;
import dev.capstan.kustomize.patch.LabelSelector;
import dev.capstan.kustomize.patch.Selector;
import dev.capstan.kustomize.resource.ResId;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import dev.capstan.kustomize.resource.Tree;
import dev.capstan.kustomize.transform.Transformer;
import dev.capstan.kustomize.yaml.YamlReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * kustomize's {@code replacements} (and the ReplacementTransformer plugin): copies a value from one
 * field of a source resource into fields of target resources.
 *
 * <p>The source is selected by exact group/version/kind/name/namespace (current or earlier ids) and
 * must be unique; {@code fieldPath} defaults to {@code metadata.name}; {@code options
 * .delimiter}/{@code index} take one part of a delimited value. Each target has {@code select} and
 * {@code reject} selectors, {@code fieldPaths} (with {@code [name=value]} element selectors and
 * {@code *}) and options {@code delimiter}/{@code index} (replace one part) and {@code create}. A
 * scalar target keeps its own type, as in kustomize; a missing target field is an error unless
 * {@code create} is set.
 */
public final class ReplacementTransformer implements Transformer {
  private final List<Map<String, Object>> replacements;
  private final OpenApiSettings openapi;

  private ReplacementTransformer(List<Map<String, Object>> replacements, OpenApiSettings openapi) {
    this.replacements = List.copyOf(replacements);
    this.openapi = openapi;
  }

  /**
   * From a list of entries, each a replacement or {@code {path: file}} naming a YAML file with a
   * list of replacements.
   */
  @SuppressWarnings("unchecked")
  public static ReplacementTransformer fromEntries(
      List<Object> entries, Loader loader, OpenApiSettings openapi) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object e : entries) {
      if (!(e instanceof Map<?, ?> m)) {
        throw new KustomizeException("replacements: each entry must be a mapping");
      }
      if (m.get("path") instanceof String path) {
        if (m.containsKey("source") || m.containsKey("targets")) {
          throw new KustomizeException("cannot specify both path and inline replacement");
        }
        Object doc = YamlReader.readOne(loader.readString(path), path);
        List<?> items = doc instanceof List<?> l ? l : doc == null ? List.of() : List.of(doc);
        for (Object r : items) {
          if (!(r instanceof Map<?, ?> rm)) {
            throw new KustomizeException(path + ": each replacement must be a mapping");
          }
          out.add((Map<String, Object>) rm);
        }
      } else {
        out.add((Map<String, Object>) m);
      }
    }
    return new ReplacementTransformer(out, openapi);
  }

  /** From a ReplacementTransformer plugin config ({@code replacements: [...]}). */
  public static ReplacementTransformer fromConfig(
      Map<String, Object> config, Loader loader, OpenApiSettings openapi) {
    Object list = config.get("replacements");
    return fromEntries(list instanceof List<?> l ? new ArrayList<>(l) : List.of(), loader, openapi);
  }

  @Override
  public void transform(ResourceList resources) {
    SchemaSet schemas = openapi.current();
    ScalarTargets tags = new ScalarTargets();
    for (Map<String, Object> r : replacements) {
      Map<String, Object> source = map(r.get("source"));
      List<?> targets = r.get("targets") instanceof List<?> l ? l : List.of();
      if (r.get("source") == null || targets.isEmpty()) {
        throw new KustomizeException("replacements must specify a source and at least one target");
      }
      Supplier<Object> value = sourceValue(resources, source, schemas);
      for (Object t : targets) {
        applyTarget(resources, map(t), value, schemas, tags);
      }
    }
    tags.verify();
  }

  /**
   * The source value. Without a delimiter it is read live from the source field each time a target
   * is set, as kustomize holds the source node itself: a target inside the source changes what
   * later targets receive.
   */
  private static Supplier<Object> sourceValue(
      ResourceList resources, Map<String, Object> source, SchemaSet schemas) {
    Resource found = null;
    for (Resource r : resources) {
      if (selectedBy(ids(r), source, schemas)) {
        if (found != null) {
          throw new KustomizeException("multiple matches for selector " + describe(source));
        }
        found = r;
      }
    }
    if (found == null) {
      throw new KustomizeException("nothing selected by " + describe(source));
    }
    String fp = source.get("fieldPath") instanceof String s && !s.isEmpty() ? s : "metadata.name";
    List<FieldPath.Slot> slots = FieldPath.parse(fp).find(found.content(), false);
    FieldPath.Slot slot = slots.isEmpty() ? null : slots.get(0);
    Object v = slot == null ? null : slot.get();
    if (v == null
        || (v instanceof String s && s.isEmpty())
        || (v instanceof Map<?, ?> m && m.isEmpty())
        || (v instanceof List<?> l && l.isEmpty())) {
      throw new KustomizeException(
          "fieldPath `" + fp + "` is missing for replacement source " + describe(source));
    }
    Map<String, Object> options = map(source.get("options"));
    String delimiter = options.get("delimiter") instanceof String d ? d : "";
    if (delimiter.isEmpty()) {
      return slot::get;
    }
    if (v instanceof Map<?, ?> || v instanceof List<?>) {
      throw new KustomizeException("delimiter option can only be used with scalar nodes");
    }
    String[] parts = FieldPath.scalarText(v).split(java.util.regex.Pattern.quote(delimiter), -1);
    int index = options.get("index") instanceof Number n ? n.intValue() : 0;
    if (index < 0 || index >= parts.length) {
      throw new KustomizeException(
          "options.index " + index + " is out of bounds for value " + FieldPath.scalarText(v));
    }
    // kustomize copies the source node and changes its text: a string source stays a string.
    Object refined = v instanceof String ? parts[index] : Scalars.inferred(parts[index]);
    return () -> refined;
  }

  private static void applyTarget(
      ResourceList resources,
      Map<String, Object> target,
      Supplier<Object> value,
      SchemaSet schemas,
      ScalarTargets tags) {
    if (target.get("select") == null) {
      throw new KustomizeException("target must specify resources to select");
    }
    Map<String, Object> select = map(target.get("select"));
    List<Map<String, Object>> rejects = new ArrayList<>();
    if (target.get("reject") instanceof List<?> l) {
      l.forEach(o -> rejects.add(map(o)));
    }
    List<String> fieldPaths = new ArrayList<>();
    if (target.get("fieldPaths") instanceof List<?> l) {
      l.forEach(o -> fieldPaths.add(String.valueOf(o)));
    }
    if (fieldPaths.isEmpty()) {
      fieldPaths.add("metadata.name");
    }
    Map<String, Object> options = map(target.get("options"));
    for (Resource r : resources) {
      if (!labelsAndAnnotationsMatch(r, select)) {
        continue;
      }
      boolean rejected = false;
      for (Map<String, Object> rej : rejects) {
        boolean selectorOnly =
            str(rej.get("labelSelector")).isEmpty() && str(rej.get("annotationSelector")).isEmpty();
        if (!selectorOnly && labelsAndAnnotationsMatch(r, rej)) {
          rejected = true;
        }
        if (!isIdEmpty(rej) && selectedBy(ids(r), rej, schemas)) {
          rejected = true;
        }
      }
      if (rejected || !selectedBy(ids(r), select, schemas)) {
        continue;
      }
      for (String fp : fieldPaths) {
        setFields(r, fp, value, options, tags);
      }
    }
  }

  private static void setFields(
      Resource r,
      String fp,
      Supplier<Object> value,
      Map<String, Object> options,
      ScalarTargets tags) {
    boolean create = Boolean.TRUE.equals(options.get("create"));
    List<FieldPath.Slot> slots;
    try {
      slots = FieldPath.parse(fp).find(r.content(), create);
    } catch (KustomizeException e) {
      throw new KustomizeException(retrievalError(fp, create) + ": " + e.getMessage(), e);
    }
    if (slots.isEmpty()) {
      throw new KustomizeException(retrievalError(fp, create));
    }
    String delimiter = options.get("delimiter") instanceof String d ? d : "";
    int index = options.get("index") instanceof Number n ? n.intValue() : 0;
    for (FieldPath.Slot slot : slots) {
      Object current = slot.get();
      Object v = Tree.deepCopy(value.get());
      boolean collectionValue = v instanceof Map<?, ?> || v instanceof List<?>;
      boolean created = current == null && slot.created();
      boolean scalarTarget =
          !(current instanceof Map<?, ?> || current instanceof List<?>) && !created;
      String text = collectionValue ? "" : FieldPath.scalarText(v);
      if (!delimiter.isEmpty()) {
        // a created field takes the source value's kind, so a collection source makes it one
        if (!scalarTarget && !(created && !collectionValue)) {
          throw new KustomizeException("delimiter option can only be used with scalar nodes");
        }
        text =
            joinPart(current == null ? "" : FieldPath.scalarText(current), text, delimiter, index);
      }
      if (scalarTarget) {
        tags.assign(r, slot, current, text);
      } else if (created && !collectionValue) {
        tags.create(r, slot, text);
      } else {
        slot.set(v);
      }
    }
  }

  private static String joinPart(String current, String piece, String delimiter, int index) {
    List<String> parts =
        new ArrayList<>(List.of(current.split(java.util.regex.Pattern.quote(delimiter), -1)));
    if (index < 0) {
      parts.add(0, piece);
    } else if (index >= parts.size()) {
      parts.add(piece);
    } else {
      parts.set(index, piece);
    }
    return String.join(delimiter, parts);
  }

  private static String retrievalError(String fp, boolean create) {
    return create
        ? "unable to find or create field \"" + fp + "\" in replacement target"
        : "unable to find field \"" + fp + "\" in replacement target";
  }

  private static List<ResId> ids(Resource r) {
    List<ResId> ids = new ArrayList<>();
    ids.add(r.id());
    for (ResId p : r.previousIds()) {
      ids.add(
          new ResId(
              new dev.capstan.kustomize.resource.Gvk(
                  r.gvk().group(), r.gvk().version(), p.gvk().kind()),
              p.name(),
              p.namespace()));
    }
    return ids;
  }

  /** kustomize's ResId.IsSelectedBy for any of the ids: exact fields, effective namespaces. */
  private static boolean selectedBy(List<ResId> ids, Map<String, Object> sel, SchemaSet schemas) {
    String group = str(sel.get("group"));
    String version = str(sel.get("version"));
    String kind = str(sel.get("kind"));
    String name = str(sel.get("name"));
    String namespace = str(sel.get("namespace"));
    for (ResId id : ids) {
      boolean ok =
          (name.isEmpty() || name.equals(id.name()))
              && (group.isEmpty() || group.equals(id.gvk().group()))
              && (version.isEmpty() || version.equals(id.gvk().version()))
              && (kind.isEmpty() || kind.equals(id.gvk().kind()));
      if (ok && !namespace.isEmpty()) {
        ResId selId = new ResId(id.gvk(), id.name(), namespace);
        ok =
            Selector.effectiveNamespace(selId, schemas)
                .equals(Selector.effectiveNamespace(id, schemas));
      }
      if (ok) {
        return true;
      }
    }
    return false;
  }

  private static boolean isIdEmpty(Map<String, Object> sel) {
    for (String f : List.of("group", "version", "kind", "name", "namespace")) {
      if (!str(sel.get(f)).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static boolean labelsAndAnnotationsMatch(Resource r, Map<String, Object> sel) {
    return LabelSelector.parse(str(sel.get("labelSelector"))).matches(stringMap(r, "labels"))
        && LabelSelector.parse(str(sel.get("annotationSelector")))
            .matches(stringMap(r, "annotations"));
  }

  private static Map<String, String> stringMap(Resource r, String field) {
    Map<String, Object> md = Tree.map(r.content(), "metadata");
    Map<String, Object> m = md == null ? null : Tree.map(md, field);
    Map<String, String> out = new LinkedHashMap<>();
    if (m != null) {
      m.forEach((k, v) -> out.put(k, FieldPath.scalarText(v)));
    }
    return out;
  }

  private static String describe(Map<String, Object> sel) {
    StringBuilder b = new StringBuilder();
    for (String f : List.of("group", "version", "kind", "name", "namespace")) {
      if (!str(sel.get(f)).isEmpty()) {
        b.append(b.length() == 0 ? "" : " ").append(f).append('=').append(str(sel.get(f)));
      }
    }
    return "{" + b + "}";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static String str(Object o) {
    return o == null ? "" : o instanceof String s ? s : String.valueOf(o);
  }
}
