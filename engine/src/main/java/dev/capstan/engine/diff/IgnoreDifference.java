package dev.capstan.engine.diff;

import dev.capstan.engine.cluster.ResourceKey;
import java.util.List;
import java.util.Objects;

/**
 * A rule that hides fields from comparison, as Argo CD's {@code spec.ignoreDifferences} entries do.
 * The rule applies to objects of its group and kind ({@code *} matches any), and of its name and
 * namespace when those are set.
 *
 * @param group API group, {@code ""} for core, {@code *} for any
 * @param kind kind, {@code *} for any
 * @param name object name, empty for any
 * @param namespace namespace, empty for any
 * @param jsonPointers RFC 6901 pointers of fields to ignore, e.g. {@code /spec/replicas}
 * @param jqPathExpressions jq path expressions of fields to ignore, e.g. {@code
 *     .spec.template.spec.containers[] | select(.name == "sidecar")}
 * @param managedFieldsManagers field managers whose fields are ignored, e.g. {@code
 *     kube-controller-manager}
 */
public record IgnoreDifference(
    String group,
    String kind,
    String name,
    String namespace,
    List<String> jsonPointers,
    List<String> jqPathExpressions,
    List<String> managedFieldsManagers) {

  public IgnoreDifference {
    group = group == null ? "" : group;
    Objects.requireNonNull(kind, "kind");
    name = name == null ? "" : name;
    namespace = namespace == null ? "" : namespace;
    jsonPointers = List.copyOf(jsonPointers);
    jqPathExpressions = List.copyOf(jqPathExpressions);
    managedFieldsManagers = List.copyOf(managedFieldsManagers);
  }

  /** A rule for every object of a group and kind, ignoring nothing yet. */
  public static IgnoreDifference forKind(String group, String kind) {
    return new IgnoreDifference(group, kind, "", "", List.of(), List.of(), List.of());
  }

  /** This rule limited to one object name. */
  public IgnoreDifference withName(String n) {
    return new IgnoreDifference(
        group, kind, n, namespace, jsonPointers, jqPathExpressions, managedFieldsManagers);
  }

  /** This rule limited to one namespace. */
  public IgnoreDifference withNamespace(String ns) {
    return new IgnoreDifference(
        group, kind, name, ns, jsonPointers, jqPathExpressions, managedFieldsManagers);
  }

  /** This rule with these JSON pointers. */
  public IgnoreDifference withJsonPointers(String... pointers) {
    return new IgnoreDifference(
        group, kind, name, namespace, List.of(pointers), jqPathExpressions, managedFieldsManagers);
  }

  /** This rule with these jq path expressions. */
  public IgnoreDifference withJqPathExpressions(String... expressions) {
    return new IgnoreDifference(
        group, kind, name, namespace, jsonPointers, List.of(expressions), managedFieldsManagers);
  }

  /** This rule with these field managers. */
  public IgnoreDifference withManagedFieldsManagers(String... managers) {
    return new IgnoreDifference(
        group, kind, name, namespace, jsonPointers, jqPathExpressions, List.of(managers));
  }

  /** True when the rule applies to the object with this key. */
  public boolean appliesTo(ResourceKey key) {
    return (group.equals("*") || group.equals(key.group()))
        && (kind.equals("*") || kind.equals(key.kind()))
        && (name.isEmpty() || name.equals(key.name()))
        && (namespace.isEmpty() || namespace.equals(key.namespace()));
  }
}
