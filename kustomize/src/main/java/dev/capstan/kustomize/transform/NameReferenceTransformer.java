package dev.capstan.kustomize.transform;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.fieldspec.FieldSpec;
import dev.capstan.kustomize.fieldspec.FieldWalker;
import dev.capstan.kustomize.fieldspec.NameBackReference;
import dev.capstan.kustomize.resource.Gvk;
import dev.capstan.kustomize.resource.ResId;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Fixes references by name after renames: when a ConfigMap, Secret, ServiceAccount, Service, Role,
 * ... got a prefix, suffix, hash or new namespace, the fields that named it (the referrers of the
 * {@code nameReference} rules) are rewritten to its new name (and namespace, for {@code
 * name}/{@code namespace} pairs such as RoleBinding subjects).
 *
 * <p>A referral is found among resources whose earlier ids carry the old name and the rule's kind;
 * candidates in another namespace are ruled out unless cluster-scoped (or ServiceAccounts, which
 * RoleBindings may name across namespaces); ties are broken by equal prefixes and suffixes; if
 * several different names remain the build fails.
 */
public final class NameReferenceTransformer implements Transformer {
  private final List<NameBackReference> rules;

  public NameReferenceTransformer(List<NameBackReference> rules) {
    this.rules = List.copyOf(rules);
  }

  @Override
  public void transform(ResourceList resources) {
    List<Resource> all = new ArrayList<>(resources.asList());
    Index index = new Index(all);
    for (NameBackReference rule : rules) {
      for (FieldSpec referrerSpec : rule.referrers()) {
        for (Resource referrer : all) {
          if (!referrerSpec.appliesTo(index.originalGvk(referrer))) {
            continue;
          }
          Fixer fixer = new Fixer(referrer, rule, referrerSpec, index);
          FieldWalker.walk(referrer.content(), referrerSpec, fixer::visit);
        }
      }
    }
  }

  /** Rewrites the name fields of one referrer for one rule. */
  private static final class Fixer {
    private final Resource referrer;
    private final NameBackReference rule;
    private final FieldSpec spec;
    private final Index index;

    Fixer(Resource referrer, NameBackReference rule, FieldSpec spec, Index index) {
      this.referrer = referrer;
      this.rule = rule;
      this.spec = spec;
      this.index = index;
    }

    @SuppressWarnings("unchecked")
    Object visit(Object current, boolean present) {
      if (current == null) {
        return FieldWalker.KEEP;
      }
      try {
        if (current instanceof Map<?, ?> m) {
          setMapping((Map<String, Object>) m);
          return FieldWalker.KEEP;
        }
        if (current instanceof List<?>) {
          throw new KustomizeException("node must be a scalar, sequence or map");
        }
        String old = String.valueOf(current);
        Resource referral = select(old, index.visible(referrer).members(), null);
        if (referral == null || referral.name().equals(old)) {
          return FieldWalker.KEEP;
        }
        return referral.name();
      } catch (KustomizeException e) {
        throw new KustomizeException(
            "updating name reference in '"
                + spec.pathString()
                + "' field of '"
                + referrer.id()
                + "': "
                + e.getMessage(),
            e);
      }
    }

    private void setMapping(Map<String, Object> node) {
      if (!node.containsKey("name")) {
        throw new KustomizeException("path config error; no 'name' field in node");
      }
      String old = String.valueOf(node.get("name"));
      Visible vis = index.visible(referrer);
      Predicate<Resource> nsFilter = null;
      if (node.containsKey("namespace")) {
        String ns = String.valueOf(node.get("namespace"));
        // kustomize groups the candidates by original namespace, else by current namespace
        nsFilter =
            vis.originalNamespaces().contains(ns)
                ? r -> effectiveNs(r.originalId()).equals(ns)
                : r -> effectiveNs(index.id(r)).equals(ns);
      }
      Resource referral = select(old, vis.members(), nsFilter);
      if (referral == null) {
        return;
      }
      if (referral.name().equals(old) && referral.namespace().isEmpty()) {
        return;
      }
      node.put("name", referral.name());
      if (!referral.namespace().isEmpty()) {
        node.put("namespace", referral.namespace());
      }
    }

    private Resource select(String oldName, Set<Resource> visible, Predicate<Resource> nsFilter) {
      Gvk roleRef = roleRefGvk();
      List<Resource> s = new ArrayList<>();
      for (Resource r : index.byPreviousName(oldName)) {
        if (!visible.contains(r) || (nsFilter != null && !nsFilter.test(r))) {
          continue;
        }
        if (!previousNameMatches(r, oldName)
            || !previousGvkSelected(r, rule.group(), rule.version(), rule.kind())) {
          continue;
        }
        if (roleRef != null && !previousGvkSelected(r, roleRef.group(), "", roleRef.kind())) {
          continue;
        }
        if (!sameNamespaceAsReferrer(r)) {
          continue;
        }
        s.add(r);
      }
      if (s.size() == 1) {
        return s.get(0);
      }
      List<Resource> p = sieveAffixes(s, true);
      if (p.size() == 1) {
        return p.get(0);
      }
      p = sieveAffixes(p, false);
      if (p.size() == 1) {
        return p.get(0);
      }
      if (p.isEmpty()) {
        return null;
      }
      String name = p.get(0).name();
      String ns = p.get(0).namespace();
      for (Resource r : p) {
        if (!r.name().equals(name) || !r.namespace().equals(ns)) {
          List<String> ids = new ArrayList<>();
          for (Resource x : p) {
            ids.add(x.id().toString());
          }
          throw new KustomizeException(
              "found multiple possible referrals: " + String.join(", ", ids));
        }
      }
      return p.get(0);
    }

    /**
     * Keeps candidates whose applied prefixes and suffixes end the same way as the referrer's; with
     * {@code allowEmpty}, an empty list on either side matches anything.
     */
    private List<Resource> sieveAffixes(List<Resource> in, boolean allowEmpty) {
      List<String> rp = referrer.buildList(Resource.PREFIXES);
      List<String> rs = referrer.buildList(Resource.SUFFIXES);
      List<Resource> out = new ArrayList<>();
      for (Resource r : in) {
        List<String> cp = r.buildList(Resource.PREFIXES);
        List<String> cs = r.buildList(Resource.SUFFIXES);
        boolean prefixOk = (allowEmpty && (cp.isEmpty() || rp.isEmpty())) || sameEnding(cp, rp);
        boolean suffixOk = (allowEmpty && (cs.isEmpty() || rs.isEmpty())) || sameEnding(cs, rs);
        if (prefixOk && suffixOk) {
          out.add(r);
        }
      }
      return out;
    }

    private Gvk roleRefGvk() {
      if (!spec.pathString().endsWith("roleRef/name")) {
        return null;
      }
      if (!(referrer.content().get("roleRef") instanceof Map<?, ?> rr)) {
        return null;
      }
      Object group = rr.get("apiGroup");
      Object kind = rr.get("kind");
      if (group == null || kind == null) {
        return null;
      }
      return new Gvk(String.valueOf(group), "", String.valueOf(kind));
    }

    private boolean sameNamespaceAsReferrer(Resource r) {
      ResId rid = index.id(referrer);
      if (ClusterScope.isClusterScoped(rid.gvk())) {
        return true;
      }
      if (ClusterScope.isClusterScoped(r.gvk()) || r.kind().equals("ServiceAccount")) {
        return true;
      }
      return nsEquals(rid.namespace(), index.id(r).namespace());
    }
  }

  /** What a referrer may see: the resources and their original effective namespaces. */
  private record Visible(Set<Resource> members, Set<String> originalNamespaces) {}

  /**
   * Ids and lookups computed once per run: current ids, original gvks, resources by earlier name,
   * and each referrer's visible set (kustomize's namespace visibility rule).
   */
  private static final class Index {
    private final List<Resource> all;
    private final Map<Resource, ResId> ids = new IdentityHashMap<>();
    private final Map<Resource, Gvk> originalGvks = new IdentityHashMap<>();
    private final Map<String, List<Resource>> byPreviousName = new HashMap<>();
    private final Map<Resource, Visible> visible = new IdentityHashMap<>();
    private final Map<String, Visible> byKey = new HashMap<>();
    private final Set<Resource> clusterScoped =
        java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private Visible everything;

    Index(List<Resource> all) {
      this.all = all;
      for (Resource r : all) {
        ResId id = r.id();
        ids.put(r, id);
        if (ClusterScope.isClusterScoped(id.gvk())) {
          clusterScoped.add(r);
        }
        originalGvks.put(r, r.originalId().gvk());
        Set<String> names = new HashSet<>();
        for (ResId p : r.previousIds()) {
          if (names.add(p.name())) {
            byPreviousName.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(r);
          }
        }
      }
    }

    ResId id(Resource r) {
      ResId id = ids.get(r);
      return id != null ? id : r.id();
    }

    Gvk originalGvk(Resource r) {
      return originalGvks.get(r);
    }

    List<Resource> byPreviousName(String name) {
      return byPreviousName.getOrDefault(name, List.of());
    }

    Visible visible(Resource referrer) {
      Visible v = visible.get(referrer);
      if (v != null) {
        return v;
      }
      ResId rid = id(referrer);
      if (ClusterScope.isClusterScoped(rid.gvk())) {
        if (everything == null) {
          everything = build(all);
        }
        v = everything;
      } else {
        Set<String> bindingNamespaces = roleBindingNamespaces(referrer);
        String ns = rid.namespace().isEmpty() ? "default" : rid.namespace();
        String key = ns + "|" + new java.util.TreeSet<>(bindingNamespaces);
        v = byKey.get(key);
        if (v == null) {
          // cluster-scoped targets, same (effective) namespace, or a RoleBinding subject's
          // namespace
          List<Resource> out = new ArrayList<>();
          for (Resource t : all) {
            ResId tid = id(t);
            if (clusterScoped.contains(t)
                || nsEquals(tid.namespace(), ns)
                || bindingNamespaces.contains(tid.namespace())) {
              out.add(t);
            }
          }
          v = build(out);
          byKey.put(key, v);
        }
      }
      visible.put(referrer, v);
      return v;
    }

    private static Visible build(List<Resource> members) {
      Set<Resource> set = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      set.addAll(members);
      Set<String> ns = new HashSet<>();
      for (Resource r : members) {
        ns.add(effectiveNs(r.originalId()));
      }
      return new Visible(set, ns);
    }
  }

  private static boolean previousNameMatches(Resource r, String name) {
    for (ResId id : r.previousIds()) {
      if (id.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean previousGvkSelected(
      Resource r, String group, String version, String kind) {
    for (ResId id : r.previousIds()) {
      Gvk g = id.gvk();
      if ((group.isEmpty() || group.equals(g.group()))
          && (version.isEmpty() || version.equals(g.version()))
          && (kind.isEmpty() || kind.equals(g.kind()))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the shorter list is the tail of the longer one (two empty lists match). */
  static boolean sameEnding(List<String> a, List<String> b) {
    List<String> shorter = a.size() <= b.size() ? a : b;
    List<String> longer = a.size() <= b.size() ? b : a;
    int diff = longer.size() - shorter.size();
    if (shorter.isEmpty()) {
      return diff == 0;
    }
    for (int i = shorter.size() - 1; i >= 0; i--) {
      if (!longer.get(i + diff).equals(shorter.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** kustomize's effective namespace: "default" for an empty one of a namespaced kind. */
  static String effectiveNs(ResId id) {
    if (ClusterScope.isClusterScoped(id.gvk())) {
      return "_non_namespaceable_";
    }
    return id.namespace().isEmpty() ? "default" : id.namespace();
  }

  static boolean nsEquals(String a, String b) {
    return (a.isEmpty() ? "default" : a).equals(b.isEmpty() ? "default" : b);
  }

  @SuppressWarnings("unchecked")
  private static Set<String> roleBindingNamespaces(Resource r) {
    Set<String> out = new HashSet<>();
    if (!r.kind().equals("RoleBinding")) {
      return out;
    }
    if (!(r.content().get("subjects") instanceof List<?> subjects)) {
      return out;
    }
    for (Object o : subjects) {
      if (o instanceof Map<?, ?> s
          && s.containsKey("namespace")
          && "ServiceAccount".equals(s.get("kind"))) {
        Object ns = s.get("namespace");
        if (!(ns instanceof String n)) {
          throw new KustomizeException("Invalid Input: namespace is blank for resource " + r.id());
        }
        out.add(n);
      }
    }
    return out;
  }
}
