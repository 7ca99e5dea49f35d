package dev.capstan.controller.api.flux;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A reference to an object in the referrer's namespace, e.g. a Secret.
 *
 * @param name name of the referent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LocalObjectReference(String name) {
  public LocalObjectReference {
    name = requireNonNullElse(name, "");
  }
}
