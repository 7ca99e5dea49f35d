package dev.capstan.engine.inventory;

import dev.capstan.engine.cluster.ResourceKey;
import java.util.Objects;
import java.util.Optional;

/**
 * Argo CD's resource tracking id, the value of the {@value #ANNOTATION} annotation: {@code
 * <application>:<group>/<kind>:<namespace>/<name>}. The core group and a cluster-scoped object's
 * namespace are empty, e.g. {@code guestbook:/Namespace:/guestbook}.
 *
 * <p>The id repeats the object's identity so that an annotation copied onto another object (by
 * {@code kubectl get -o yaml | kubectl apply}, say) does not make that object look owned: {@link
 * #matches(ResourceKey)} checks it.
 *
 * @param application the application name; Argo CD writes {@code <namespace>_<name>} for
 *     applications outside its own namespace, which this record keeps as one opaque string
 * @param group API group, empty for the core group
 * @param kind the kind
 * @param namespace namespace, empty for cluster-scoped objects
 * @param name the object name
 */
public record TrackingId(
    String application, String group, String kind, String namespace, String name) {

  /** The annotation that carries the tracking id. */
  public static final String ANNOTATION = "argocd.argoproj.io/tracking-id";

  public TrackingId {
    Objects.requireNonNull(application, "application");
    group = group == null ? "" : group;
    Objects.requireNonNull(kind, "kind");
    namespace = namespace == null ? "" : namespace;
    Objects.requireNonNull(name, "name");
  }

  /** The tracking id an application writes on the object with this key. */
  public static TrackingId of(String application, ResourceKey key) {
    return new TrackingId(application, key.group(), key.kind(), key.namespace(), key.name());
  }

  /**
   * Parses an annotation value; empty when it is not of the form {@code
   * app:group/kind:namespace/name}. The application name is everything before the first colon, as
   * in Argo CD.
   */
  public static Optional<TrackingId> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String[] parts = value.split(":", 3);
    if (parts.length != 3 || parts[0].isEmpty()) {
      return Optional.empty();
    }
    String[] gk = parts[1].split("/", -1);
    String[] nn = parts[2].split("/", -1);
    if (gk.length != 2 || nn.length != 2 || gk[1].isEmpty() || nn[1].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TrackingId(parts[0], gk[0], gk[1], nn[0], nn[1]));
  }

  /** The annotation value. */
  public String value() {
    return application + ":" + group + "/" + kind + ":" + namespace + "/" + name;
  }

  /**
   * True when this id describes the object with {@code key}. For a cluster-scoped object the
   * namespace part is not compared: Argo CD writes the application's destination namespace there.
   */
  public boolean matches(ResourceKey key) {
    return group.equals(key.group())
        && kind.equals(key.kind())
        && name.equals(key.name())
        && (key.clusterScoped() || namespace.equals(key.namespace()));
  }

  @Override
  public String toString() {
    return value();
  }
}
