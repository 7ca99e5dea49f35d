package dev.capstan.controller.api.argo;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Argo CD's {@code AppProject} ({@code argoproj.io/v1alpha1}): which repositories, destinations and
 * kinds the Applications of a project may use, and the project's roles. {@code capstan install}
 * creates the permissive {@code default} project.
 *
 * <p>Not thread-safe, like every fabric8 resource object; spec and status values are immutable.
 */
@Group(Application.GROUP)
@Version(Application.VERSION)
@Kind("AppProject")
@Plural("appprojects")
@Singular("appproject")
@ShortNames({"appproj", "appprojs"})
public class AppProject extends CustomResource<AppProjectSpec, AppProjectStatus>
    implements Namespaced {

  /** The name of the project every Application may use unless told otherwise. */
  public static final String DEFAULT = "default";
}
