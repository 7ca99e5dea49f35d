package dev.capstan.controller.api.argo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.Optional;

/**
 * Argo CD's {@code Application} ({@code argoproj.io/v1alpha1}): one set of manifests from Git,
 * deployed to one destination. Besides spec and status it carries Argo CD's top-level {@code
 * operation} field, through which a sync is requested.
 *
 * <p>Not thread-safe, like every fabric8 resource object; spec and status values are immutable.
 */
@Group(Application.GROUP)
@Version(Application.VERSION)
@Kind("Application")
@Plural("applications")
@Singular("application")
@ShortNames({"app", "apps"})
public class Application extends CustomResource<ApplicationSpec, ApplicationStatus>
    implements Namespaced {

  /** The API group of Argo CD's resources. */
  public static final String GROUP = "argoproj.io";

  /** The API version Capstan serves for Argo CD's resources. */
  public static final String VERSION = "v1alpha1";

  /** The requested operation; {@code null} when none is pending. */
  @JsonProperty("operation")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private Operation operation;

  /** Requests an operation, or clears the request with {@code null}. */
  public void setOperation(Operation operation) {
    this.operation = operation;
  }

  /** The requested operation, if one is pending. */
  public Optional<Operation> operation() {
    return Optional.ofNullable(operation);
  }
}
