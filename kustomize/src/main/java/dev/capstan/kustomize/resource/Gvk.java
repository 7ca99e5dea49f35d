package dev.capstan.kustomize.resource;

import java.util.Objects;

/**
 * A group, version and kind. The core group is the empty string; {@code apiVersion} is {@code v1}
 * for it and {@code group/version} otherwise.
 */
public record Gvk(String group, String version, String kind) {

  public Gvk {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(kind, "kind");
  }

  /** Parses an {@code apiVersion} such as {@code apps/v1} or {@code v1} together with a kind. */
  public static Gvk of(String apiVersion, String kind) {
    String av = apiVersion == null ? "" : apiVersion;
    int slash = av.indexOf('/');
    return slash < 0
        ? new Gvk("", av, kind == null ? "" : kind)
        : new Gvk(av.substring(0, slash), av.substring(slash + 1), kind == null ? "" : kind);
  }

  /** The {@code apiVersion} string for this group and version. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  @Override
  public String toString() {
    return group.isEmpty() ? version + "/" + kind : group + "/" + version + "/" + kind;
  }
}
