package dev.capstan.cli.install;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * One object {@code capstan install} puts into the cluster.
 *
 * @param object the object, parsed from {@code manifest}
 * @param manifest the manifest text it was parsed from, comments included
 * @param ownership how an install treats it when it already exists
 */
public record PlannedObject(HasMetadata object, String manifest, Ownership ownership) {
  public PlannedObject {
    requireNonNull(object, "object");
    requireNonNull(manifest, "manifest");
    requireNonNull(ownership, "ownership");
  }

  /** The object's identity: {@code Kind/name}, or {@code Kind/namespace/name} when namespaced. */
  public String id() {
    String ns = object.getMetadata().getNamespace();
    return object.getKind()
        + "/"
        + (ns == null || ns.isEmpty() ? "" : ns + "/")
        + object.getMetadata().getName();
  }
}
