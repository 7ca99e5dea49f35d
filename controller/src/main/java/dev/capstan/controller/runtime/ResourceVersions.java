package dev.capstan.controller.runtime;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * Orders two copies of one object by {@code metadata.resourceVersion}, for a controller choosing
 * between its informer's copy and the one its own last write returned. The API treats the version
 * as opaque; every API server in use serves etcd's revision, a number that only grows, and this
 * relies on it. Versions that are not numbers are never ordered: {@link #newer} says no and {@link
 * #atLeast} says yes only when they are equal. Pure.
 */
public final class ResourceVersions {

  private ResourceVersions() {}

  /** True when {@code a} is a later version than {@code b}. */
  public static boolean newer(ObjectMeta a, ObjectMeta b) {
    long va = parse(a.getResourceVersion());
    long vb = parse(b == null ? null : b.getResourceVersion());
    return va >= 0 && vb >= 0 && va > vb;
  }

  /** True when version {@code a} is {@code b} or a later one. */
  public static boolean atLeast(String a, String b) {
    if (b.equals(a)) {
      return true;
    }
    long va = parse(a);
    long vb = parse(b);
    return va >= 0 && vb >= 0 && va >= vb;
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
