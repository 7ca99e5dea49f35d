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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fixes references by name after renames: when a ConfigMap, Secret, ServiceAccount, Service,
 * Role, ... got a prefix, suffix, hash or new namespace, the fields that named it (the referrers of
 * the {@code nameReference} rules) are rewritten to its new name (and namespace, for
 * {@code name}/{@code namespace} pairs such as RoleBinding subjects).
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
    for (NameBackReference rule : rules) {
      for (FieldSpec referrerSpec : rule.referrers()) {
        for (Resource referrer : all) {
          if (!referrerSpec.appliesTo(referrer.originalId().gvk())) {
            continue;
          }
          Fixer fixer = new Fixer(referrer, rule, referrerSpec, all);
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
    private final List<Resource> all;
    private List<Resource> candidates;

    Fixer(Resource referrer, NameBackReference rule, FieldSpec spec, List<Resource> all) {
      this.referrer = referrer;
      this.rule = rule;
      this.spec = spec;
      this.all = all;
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
        Resource referral = select(old, candidates());
        if (referral == null || referral.name().equals(old)) {
          return FieldWalker.KEEP;
        }
        return referral.name();
      } catch (KustomizeException e) {
        throw new KustomizeException(
            "updating name reference in '" + spec.pathString() + "' field of '" + referrer.id()
                + "': " + e.getMessage(), e);
      }
    }

    private void setMapping(Map<String, Object> node) {
      if (!node.containsKey("name")) {
        throw new KustomizeException("path config error; no 'name' field in node");
      }
      String old = String.valueOf(node.get("name"));
      List<Resource> cands = candidates();
      if (node.containsKey("namespace")) {
        String ns = String.valueOf(node.get("namespace"));
        List<Resource> byOrg = new ArrayList<>();
        for (Resource r : cands) {
          if (effectiveNs(r.originalId()).equals(ns)) {
            byOrg.add(r);
          }
        }
        if (byOrg.isEmpty()) {
          for (Resource r : cands) {
            if (effectiveNs(r.id()).equals(ns)) {
              byOrg.add(r);
            }
          }
        }
        cands = byOrg;
      }
      Resource referral = select(old, cands);
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

    /** Resources the referrer could refer to (kustomize's namespace visibility rule). */
    private List<Resource> candidates() {
      if (candidates != null) {
        return candidates;
      }
      ResId rid = referrer.id();
      if (ClusterScope.isClusterScoped(rid.gvk())) {
        candidates = all;
        return candidates;
      }
      Set<String> bindingNamespaces = roleBindingNamespaces(referrer);
      List<Resource> out = new ArrayList<>();
      for (Resource t : all) {
        ResId id = t.id();
        if (ClusterScope.isClusterScoped(id.gvk())
            || nsEquals(id.namespace(), rid.namespace())
            || bindingNamespaces.contains(t.namespace())) {
          out.add(t);
        }
      }
      candidates = out;
      return candidates;
    }

    private Resource select(String oldName, List<Resource> cands) {
      Gvk roleRef = roleRefGvk();
      List<Resource> s = new ArrayList<>();
      for (Resource r : cands) {
        if (!previousNameMatches(r, oldName) || !previousGvkSelected(r, rule.group(), rule.version(), rule.kind())) {
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
          throw new KustomizeException("found multiple possible referrals: " + String.join(", ", ids));
        }
      }
      return p.get(0);
    }

    /**
     * Keeps candidates whose applied prefixes and suffixes end the same way as the referrer's;
     * with {@code allowEmpty}, an empty list on either side matches anything.
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
      ResId rid = referrer.id();
      if (ClusterScope.isClusterScoped(rid.gvk())) {
        return true;
      }
      if (ClusterScope.isClusterScoped(r.gvk()) || r.kind().equals("ServiceAccount")) {
        return true;
      }
      return nsEquals(rid.namespace(), r.namespace());
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

  private static boolean previousGvkSelected(Resource r, String group, String version, String kind) {
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
      if (o instanceof Map<?, ?> s && s.containsKey("namespace")
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
