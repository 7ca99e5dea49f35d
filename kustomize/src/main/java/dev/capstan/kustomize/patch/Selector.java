package dev.capstan.kustomize.patch;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.openapi.SchemaSet;
import dev.capstan.kustomize.resource.Gvk;
import dev.capstan.kustomize.resource.ResId;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import dev.capstan.kustomize.resource.Tree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * kustomize's resource selector ({@code target:} of patches, {@code select}/{@code reject} of
 * replacements): group, version, kind, name and namespace are anchored regular expressions (an
 * empty one matches anything); name and namespace match either the resource's original or current
 * value; label and annotation selectors use the Kubernetes selector syntax.
 *
 * <p>Immutable and thread-safe.
 */
public record Selector(
    String group,
    String version,
    String kind,
    String name,
    String namespace,
    String labelSelector,
    String annotationSelector) {

  /** Reads a selector mapping (fields may be absent). */
  public static Selector fromTree(Object tree, String where) {
    if (tree == null) {
      return new Selector("", "", "", "", "", "", "");
    }
    if (!(tree instanceof Map<?, ?> m)) {
      throw new KustomizeException(where + ": a selector must be a mapping");
    }
    return new Selector(
        str(m.get("group")),
        str(m.get("version")),
        str(m.get("kind")),
        str(m.get("name")),
        str(m.get("namespace")),
        str(m.get("labelSelector")),
        str(m.get("annotationSelector")));
  }

  /** The resources selected, in list order. */
  public List<Resource> select(ResourceList resources, SchemaSet schemas) {
    Matcher m = matcher();
    List<Resource> out = new ArrayList<>();
    for (Resource r : resources) {
      if (m.matches(r, schemas)) {
        out.add(r);
      }
    }
    return out;
  }

  /** A compiled form for repeated matching. */
  public Matcher matcher() {
    return new Matcher(this);
  }

  /** Whether every field is empty (selects everything). */
  public boolean isEmpty() {
    return group.isEmpty()
        && version.isEmpty()
        && kind.isEmpty()
        && name.isEmpty()
        && namespace.isEmpty()
        && labelSelector.isEmpty()
        && annotationSelector.isEmpty();
  }

  /** The compiled selector. */
  public static final class Matcher {
    private final Selector s;
    private final Pattern group;
    private final Pattern version;
    private final Pattern kind;
    private final Pattern name;
    private final Pattern namespace;
    private final LabelSelector labels;
    private final LabelSelector annotations;

    Matcher(Selector s) {
      this.s = s;
      this.group = compile(s.group);
      this.version = compile(s.version);
      this.kind = compile(s.kind);
      this.name = compile(s.name);
      this.namespace = compile(s.namespace);
      this.labels = LabelSelector.parse(s.labelSelector);
      this.annotations = LabelSelector.parse(s.annotationSelector);
    }

    public boolean matches(Resource r, SchemaSet schemas) {
      ResId cur = r.id();
      ResId org = r.previousIds().isEmpty() ? cur : r.previousIds().get(0);
      if (namespace != null
          && !namespace.matcher(effectiveNamespace(org, schemas)).matches()
          && !namespace.matcher(effectiveNamespace(cur, schemas)).matches()) {
        return false;
      }
      if (name != null
          && !name.matcher(org.name()).matches()
          && !name.matcher(cur.name()).matches()) {
        return false;
      }
      Gvk gvk = cur.gvk();
      if ((group != null && !group.matcher(gvk.group()).matches())
          || (version != null && !version.matcher(gvk.version()).matches())
          || (kind != null && !kind.matcher(gvk.kind()).matches())) {
        return false;
      }
      return labels.matches(stringMap(r, "labels"))
          && annotations.matches(stringMap(r, "annotations"));
    }

    @Override
    public String toString() {
      return s.toString();
    }
  }

  /** kustomize's effective namespace: "default" for none, a non-namespace for cluster kinds. */
  public static String effectiveNamespace(ResId id, SchemaSet schemas) {
    if (schemas.isClusterScoped(id.gvk().apiVersion(), id.gvk().kind())) {
      return "~X";
    }
    return id.namespace().isEmpty() ? "default" : id.namespace();
  }

  /** Whether two ids name the same object as kustomize compares them (effective namespaces). */
  public static boolean sameObject(ResId a, ResId b, SchemaSet schemas) {
    return a.gvk().equals(b.gvk())
        && a.name().equals(b.name())
        && effectiveNamespace(a, schemas).equals(effectiveNamespace(b, schemas));
  }

  private static Map<String, String> stringMap(Resource r, String field) {
    Map<String, Object> md = Tree.map(r.content(), "metadata");
    Map<String, Object> m = md == null ? null : Tree.map(md, field);
    Map<String, String> out = new LinkedHashMap<>();
    if (m != null) {
      m.forEach((k, v) -> out.put(k, StrategicMerge.scalarText(v)));
    }
    return out;
  }

  private static Pattern compile(String regex) {
    if (regex.isEmpty()) {
      return null;
    }
    try {
      return Pattern.compile("^(?:" + regex + ")$");
    } catch (PatternSyntaxException e) {
      throw new KustomizeException(
          "error parsing regexp: " + e.getDescription() + ": `" + regex + "`");
    }
  }

  private static String str(Object o) {
    return o == null ? "" : o instanceof String s ? s : String.valueOf(o);
  }
}
