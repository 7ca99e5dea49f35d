package dev.capstan.controller.api.argo;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Fields of matching live resources left out of the comparison ({@code spec.ignoreDifferences[]}).
 * Empty {@code group}, {@code name} and {@code namespace} match anything; {@code "*"} matches any
 * group or kind.
 *
 * @param group API group of the resources
 * @param kind kind of the resources
 * @param name exact name, or empty for any
 * @param namespace exact namespace, or empty for any
 * @param jsonPointers RFC 6901 pointers of ignored fields
 * @param jqPathExpressions jq path expressions of ignored fields
 * @param managedFieldsManagers field managers whose fields are ignored
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResourceIgnoreDifferences(
    String group,
    String kind,
    String name,
    String namespace,
    List<String> jsonPointers,
    List<String> jqPathExpressions,
    List<String> managedFieldsManagers) {
  public ResourceIgnoreDifferences {
    group = requireNonNullElse(group, "");
    kind = requireNonNullElse(kind, "");
    name = requireNonNullElse(name, "");
    namespace = requireNonNullElse(namespace, "");
    jsonPointers = List.copyOf(requireNonNullElse(jsonPointers, List.of()));
    jqPathExpressions = List.copyOf(requireNonNullElse(jqPathExpressions, List.of()));
    managedFieldsManagers = List.copyOf(requireNonNullElse(managedFieldsManagers, List.of()));
  }
}
