package dev.capstan.engine.health;

import java.util.Objects;

/**
 * A Kubernetes API group and kind, the key health checks are registered under. The core group is
 * the empty string.
 *
 * @param group API group, {@code ""} for the core group
 * @param kind the kind, e.g. {@code Deployment}
 */
public record GroupKind(String group, String kind) {

  /** Normalises a null group to the core group. */
  public GroupKind {
    group = group == null ? "" : group;
    Objects.requireNonNull(kind, "kind");
  }

  /** The group kind of an {@code apiVersion} ({@code apps/v1}, {@code v1}) and a kind. */
  public static GroupKind fromApiVersion(String apiVersion, String kind) {
    return new GroupKind(groupOf(apiVersion), kind);
  }

  /** The group part of an {@code apiVersion}: text before the last {@code /}, or empty. */
  public static String groupOf(String apiVersion) {
    if (apiVersion == null) {
      return "";
    }
    int slash = apiVersion.lastIndexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** {@code kind.group}, or just {@code kind} for the core group. */
  @Override
  public String toString() {
    return group.isEmpty() ? kind : kind + "." + group;
  }
}
