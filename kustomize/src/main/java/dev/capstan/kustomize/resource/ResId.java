package dev.capstan.kustomize.resource;

import java.util.Objects;

/**
 * The identity of a resource: its group/version/kind, name and namespace (empty when none is set).
 * {@link #toString()} renders the identity used in every message: {@code Kind/namespace/name}, or
 * {@code Kind/name} for a resource without a namespace.
 */
public record ResId(Gvk gvk, String name, String namespace) {

  public ResId {
    Objects.requireNonNull(gvk, "gvk");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
  }

  @Override
  public String toString() {
    return namespace.isEmpty()
        ? gvk.kind() + "/" + name
        : gvk.kind() + "/" + namespace + "/" + name;
  }
}
