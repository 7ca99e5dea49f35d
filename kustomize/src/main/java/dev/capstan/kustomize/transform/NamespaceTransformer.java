package dev.capstan.kustomize.transform;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.fieldspec.FieldSpec;
import dev.capstan.kustomize.fieldspec.FieldWalker;
import dev.capstan.kustomize.resource.ResId;
import dev.capstan.kustomize.resource.Resource;
import dev.capstan.kustomize.resource.ResourceList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sets the namespace of every namespaced resource ({@code metadata/namespace}) and the other
 * namespace fields of its field specs, as the kustomization {@code namespace:} field and the
 * NamespaceTransformer plugin do. ServiceAccount subjects of (Cluster)RoleBindings follow the
 * {@link SubjectMode}.
 */
public final class NamespaceTransformer implements Transformer {

  /** Which RoleBinding subjects get the new namespace. */
  public enum SubjectMode {
    /** Subjects named "default", whatever their kind (kustomize's default). */
    DEFAULT_ONLY,
    /** Every ServiceAccount subject. */
    ALL_SERVICE_ACCOUNTS,
    /** None. */
    NONE
  }

  /**
   * @param namespace the namespace to set
   * @param fieldSpecs where namespaces live (defaults: the {@code namespace} category)
   * @param unsetOnly only fill namespaces that are empty
   * @param subjects which RoleBinding subjects to update
   */
  public record Config(
      String namespace, List<FieldSpec> fieldSpecs, boolean unsetOnly, SubjectMode subjects) {
    public Config {
      fieldSpecs = List.copyOf(fieldSpecs);
    }
  }

  private final Config config;
  private final List<FieldSpec> dataSpecs;

  public NamespaceTransformer(Config config) {
    this.config = config;
    List<FieldSpec> specs = new ArrayList<>();
    for (FieldSpec fs : config.fieldSpecs()) {
      String p = fs.pathString();
      if (p.equals("metadata/namespace")) {
        continue;
      }
      // kustomize drops only the subjects' namespace specs (handled by subjects()); a spec on
      // "subjects" itself targets a list and must fail (plugin
      // NamespaceTransformer_InvalidFieldSpecs)
      if (p.equals("subjects[]/namespace") || p.equals("subjects/namespace")) {
        if (fs.kind().equals("RoleBinding") || fs.kind().equals("ClusterRoleBinding")) {
          continue;
        }
      }
      specs.add(fs);
    }
    this.dataSpecs = List.copyOf(specs);
  }

  @Override
  public void transform(ResourceList resources) {
    for (Resource r : resources) {
      if (r.content().isEmpty()) {
        continue;
      }
      r.storePreviousId();
      String oldNs = r.namespace();
      if (!ClusterScope.isClusterScoped(r.gvk())) {
        FieldWalker.walk(
            r.content(), FieldSpec.of("", "", "", "metadata/namespace", true), this::set);
      }
      subjects(r, oldNs);
      for (FieldSpec fs : dataSpecs) {
        if (fs.appliesTo(r.gvk()) && !foreignNamespaceKind(fs, r)) {
          FieldWalker.walk(r.content(), fs, this::set);
        }
      }
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Resource r : resources) {
      ResId id = r.id();
      String key =
          id.gvk()
              + "|"
              + (id.namespace().isEmpty() ? "default" : id.namespace())
              + "|"
              + id.name();
      if (!seen.add(key)) {
        throw new KustomizeException("namespace transformation produces ID conflict: " + id);
      }
    }
  }

  /** The Namespace rename applies to the core Namespace kind only, not to a CRD called so. */
  private static boolean foreignNamespaceKind(FieldSpec fs, Resource r) {
    return fs.kind().equals("Namespace")
        && fs.pathString().equals("metadata/name")
        && !r.gvk().group().isEmpty();
  }

  private Object set(Object current, boolean present) {
    if (current instanceof Map || current instanceof List) {
      throw new KustomizeException("namespace field specs must target scalar nodes");
    }
    if (config.unsetOnly() && current != null && !String.valueOf(current).isEmpty()) {
      return FieldWalker.KEEP;
    }
    return config.namespace();
  }

  @SuppressWarnings("unchecked")
  private void subjects(Resource r, String oldNs) {
    String kind = r.kind();
    if (!kind.equals("RoleBinding") && !kind.equals("ClusterRoleBinding")) {
      return;
    }
    if (config.subjects() == SubjectMode.NONE) {
      return;
    }
    if (!(r.content().get("subjects") instanceof List<?> subjects)) {
      return;
    }
    for (Object o : subjects) {
      if (!(o instanceof Map<?, ?> raw)) {
        continue;
      }
      Map<String, Object> s = (Map<String, Object>) raw;
      boolean update =
          switch (config.subjects()) {
            case ALL_SERVICE_ACCOUNTS -> "ServiceAccount".equals(s.get("kind"));
            case DEFAULT_ONLY -> "default".equals(s.get("name"));
            case NONE -> false;
          };
      if (!update) {
        continue;
      }
      Object cur = s.get("namespace");
      if (config.unsetOnly() && cur != null && !String.valueOf(cur).isEmpty()) {
        continue;
      }
      s.put("namespace", config.namespace());
    }
  }
}
