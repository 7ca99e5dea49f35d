package dev.capstan.controller.flux;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;

/**
 * A namespaced object's name, the work-queue key of both reconcilers.
 *
 * @param namespace the namespace
 * @param name the name
 */
public record ObjectKey(String namespace, String name) {

  public ObjectKey {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  public static ObjectKey of(HasMetadata object) {
    return new ObjectKey(object.getMetadata().getNamespace(), object.getMetadata().getName());
  }

  /** Parses {@code namespace/name}. */
  public static ObjectKey parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not namespace/name: " + text);
    }
    return new ObjectKey(text.substring(0, slash), text.substring(slash + 1));
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
