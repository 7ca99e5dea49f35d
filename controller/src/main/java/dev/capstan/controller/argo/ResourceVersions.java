package dev.capstan.controller.argo;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * Orders two copies of one object by {@code metadata.resourceVersion}. The API treats it as opaque;
 * every API server in use serves etcd's revision, a number that only grows, and this relies on it.
 * A version that is not a number never counts as newer, so the caller falls back to what the
 * informer holds. Pure.
 */
final class ResourceVersions {

  private ResourceVersions() {}

  /** True when {@code a} is a later version than {@code b}. */
  static boolean newer(ObjectMeta a, ObjectMeta b) {
    long va = parse(a.getResourceVersion());
    long vb = parse(b == null ? null : b.getResourceVersion());
    return va >= 0 && vb >= 0 && va > vb;
  }

  private static long parse(String version) {
    if (version == null || version.isEmpty()) {
      return -1;
    }
    try {
      return Long.parseLong(version);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
