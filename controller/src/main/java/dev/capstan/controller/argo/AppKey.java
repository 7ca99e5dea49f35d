package dev.capstan.controller.argo;

import java.util.Objects;

/**
 * An Application's identity: its namespace and name.
 *
 * @param namespace the Application's namespace
 * @param name its name
 */
public record AppKey(String namespace, String name) {

  public AppKey {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  /**
   * The application name written into tracking ids, as Argo CD: the bare name for Applications in
   * the controller's namespace, {@code <namespace>_<name>} for the others.
   */
  public String instanceName(String controllerNamespace) {
    return namespace.equals(controllerNamespace) ? name : namespace + "_" + name;
  }

  /** The key of the Application a tracking id's application name refers to. */
  public static AppKey fromInstanceName(String instance, String controllerNamespace) {
    int sep = instance.indexOf('_');
    return sep < 0
        ? new AppKey(controllerNamespace, instance)
        : new AppKey(instance.substring(0, sep), instance.substring(sep + 1));
  }

  @Override
  public String toString() {
    return "Application/" + namespace + "/" + name;
  }
}
