package dev.capstan.controller.api.argo;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A name and a value: an {@code info} entry of an Application or operation, or an environment
 * variable of a config management plugin.
 *
 * @param name the name
 * @param value the value
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
@JsonIgnoreProperties(ignoreUnknown = true)
public record NameValue(String name, String value) {
  public NameValue {
    name = requireNonNullElse(name, "");
    value = requireNonNullElse(value, "");
  }
}
