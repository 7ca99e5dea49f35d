package dev.capstan.kustomize.replace;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.fieldspec.FieldSpec;
import dev.capstan.kustomize.fieldspec.FieldWalker;
import dev.capstan.kustomize.openapi.SchemaSet;
import dev.capstan.kustomize.patch.Selector;
import dev.capstan.kustomize.resource.Gvk;
import dev.capstan.kustomize.resource.ResId;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * kustomize's legacy {@code vars}: {@code $(NAME)} in the fields its {@code varReference} field
 * specs list is replaced by a field of the object the var names.
 *
 * <p>Two steps, as in kustomize: {@link #record} runs when a kustomization's vars are accumulated
 * (after its transformers) and marks the one resource each var refers to, matching any of its ids,
 * so later renames do not lose it; {@link #resolve} runs once at the end of the build and
 * substitutes. A var declared twice, a var matching several resources, and a var whose resource or
 * field is gone are errors. A reference to an undeclared var stays as written.
 */
public final class Vars {
  /** Build annotation holding the comma-separated names of the vars that refer to a resource. */
  public static final String REF_VAR_NAMES = "capstan.dev/ref-var-names";

  private Vars() {}

  /** A parsed var. */
  record Var(String name, Gvk gvk, String objName, String namespace, String fieldPath) {
    static Var parse(Object raw) {
      if (!(raw instanceof Map<?, ?> m)) {
        throw new KustomizeException("vars: each var must be a mapping");
      }
      String name = str(m.get("name"));
      Map<?, ?> ref = m.get("objref") instanceof Map<?, ?> r ? r : Map.of();
      String group = str(ref.get("group"));
      String version = str(ref.get("version"));
      String apiVersion = str(ref.get("apiVersion"));
      if (!apiVersion.isEmpty()) {
        int slash = apiVersion.indexOf('/');
        if (slash >= 0) {
          group = apiVersion.substring(0, slash);
          version = apiVersion.substring(slash + 1);
        } else {
          version = apiVersion;
        }
      }
      Map<?, ?> fieldRef = m.get("fieldref") instanceof Map<?, ?> f ? f : Map.of();
      String fieldPath = str(fieldRef.get("fieldpath"));
      return new Var(
          name,
          new Gvk(group, version, str(ref.get("kind"))),
          str(ref.get("name")),
          str(ref.get("namespace")),
          fieldPath.isEmpty() ? "metadata.name" : fieldPath);
    }

    @Override
    public String toString() {
      return "{"
          + name
          + " {"
          + gvk.kind()
          + " "
          + objName
          + " "
          + namespace
          + "} {"
          + fieldPath
          + "}}";
    }
  }

  /**
   * Marks the resource each incoming var refers to (kustomize's MergeVars).
   *
   * @param incoming the raw {@code vars} entries of one kustomization
   */
  public static void record(List<Object> incoming, ResourceList resources, SchemaSet schemas) {
    for (Object raw : incoming) {
      Var v = Var.parse(raw);
      ResId target = new ResId(v.gvk(), v.objName(), v.namespace());
      boolean strict =
          !v.namespace().isEmpty() || schemas.isClusterScoped(v.gvk().apiVersion(), v.gvk().kind());
      List<Resource> matched = new ArrayList<>();
      for (Resource r : resources) {
        List<ResId> ids = new ArrayList<>(r.previousIds());
        ids.add(r.id());
        for (ResId id : ids) {
          boolean gvkn = id.gvk().equals(target.gvk()) && id.name().equals(target.name());
          if (gvkn
              && (!strict
                  || Selector.effectiveNamespace(id, schemas)
                      .equals(Selector.effectiveNamespace(target, schemas)))) {
            matched.add(r);
            break;
          }
        }
      }
      if (matched.size() > 1) {
        throw new KustomizeException(
            "found "
                + matched.size()
                + " resId matches for var "
                + v
                + " (unable to disambiguate)");
      }
      if (matched.size() == 1) {
        Map<String, String> ba = matched.get(0).buildAnnotations();
        String prev = ba.get(REF_VAR_NAMES);
        ba.put(REF_VAR_NAMES, prev == null || prev.isEmpty() ? v.name() : prev + "," + v.name());
      }
    }
  }

  /**
   * Substitutes every var in the resources (kustomize's ResolveVars), after names are final.
   *
   * @param declared every raw var entry of the build, in accumulation order
   * @param varReference the field specs where {@code $(VAR)} is replaced
   */
  public static void resolve(
      List<Object> declared, ResourceList resources, List<FieldSpec> varReference) {
    Map<String, Var> vars = new TreeMap<>();
    for (Object raw : declared) {
      Var v = Var.parse(raw);
      if (vars.containsKey(v.name())) {
        throw new KustomizeException("var '" + v.name() + "' already encountered");
      }
      vars.put(v.name(), v);
    }
    if (vars.isEmpty()) {
      return;
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Var v : vars.values()) {
      values.put(v.name(), valueOf(v, resources));
    }
    for (Resource r : resources) {
      for (FieldSpec spec : varReference) {
        if (spec.appliesTo(r.gvk())) {
          FieldWalker.walk(r.content(), spec, new Substitution(values));
        }
      }
    }
  }

  private static Object valueOf(Var v, ResourceList resources) {
    for (Resource r : resources) {
      String names = r.buildAnnotations().getOrDefault(REF_VAR_NAMES, "");
      if (!List.of(names.split(",")).contains(v.name())) {
        continue;
      }
      List<FieldPath.Slot> slots = FieldPath.parse(v.fieldPath()).find(r.content(), false);
      if (slots.isEmpty()) {
        throw new KustomizeException(
            "field specified in var '" + v + "' not found in corresponding resource");
      }
      return slots.get(0).get();
    }
    throw new KustomizeException(
        "var '" + v + "' cannot be mapped to a field in the set of known resources");
  }

  /** Replaces {@code $(VAR)} in a string, a map's string values or a list of strings. */
  private record Substitution(Map<String, Object> values) implements FieldWalker.ListAware {
    @Override
    @SuppressWarnings("unchecked")
    public Object visit(Object current, boolean present) {
      if (current instanceof String s) {
        return expand(s, values);
      }
      if (current instanceof Map<?, ?> m) {
        Map<String, Object> map = (Map<String, Object>) m;
        for (Map.Entry<String, Object> e : map.entrySet()) {
          if (e.getValue() instanceof String s) {
            e.setValue(expand(s, values));
          }
        }
        return FieldWalker.KEEP;
      }
      if (current instanceof List<?> l) {
        List<Object> list = (List<Object>) l;
        for (int i = 0; i < list.size(); i++) {
          if (!(list.get(i) instanceof String s)) {
            throw new KustomizeException("invalid value type expect a string");
          }
          list.set(i, expand(s, values));
        }
        return FieldWalker.KEEP;
      }
      return FieldWalker.KEEP;
    }
  }

  /**
   * kustomize's expansion: {@code $(NAME)} is replaced by the var's value (the value itself,
   * keeping its type, when it is the whole string), {@code $$} is a literal {@code $}, and an
   * unknown or non-scalar var stays as written.
   */
  static Object expand(String input, Map<String, Object> values) {
    StringBuilder buf = new StringBuilder();
    int checkpoint = 0;
    for (int cursor = 0; cursor < input.length(); cursor++) {
      if (input.charAt(cursor) != '$' || cursor + 1 >= input.length()) {
        continue;
      }
      buf.append(input, checkpoint, cursor);
      String rest = input.substring(cursor + 1);
      char c = rest.charAt(0);
      int advance;
      if (c == '$') {
        buf.append('$');
        advance = 1;
      } else if (c == '(') {
        int close = rest.indexOf(')');
        if (close < 0) {
          buf.append("$(");
          advance = 1;
        } else {
          String name = rest.substring(1, close);
          Object mapped = mapped(name, values);
          if (input.equals("$(" + name + ")")) {
            return mapped;
          }
          buf.append(mapped instanceof String s ? s : FieldPath.scalarText(mapped));
          advance = close + 1;
        }
      } else {
        buf.append('$').append(c);
        advance = 1;
      }
      cursor += advance;
      checkpoint = cursor + 1;
    }
    return buf.append(input.substring(Math.min(checkpoint, input.length()))).toString();
  }

  private static Object mapped(String name, Map<String, Object> values) {
    Object v = values.get(name);
    if (values.containsKey(name)
        && (v instanceof String
            || v instanceof Long
            || v instanceof Integer
            || v instanceof Double
            || v instanceof Boolean)) {
      return v;
    }
    return "$(" + name + ")";
  }

  private static String str(Object o) {
    return o == null ? "" : o instanceof String s ? s : String.valueOf(o);
  }
}
