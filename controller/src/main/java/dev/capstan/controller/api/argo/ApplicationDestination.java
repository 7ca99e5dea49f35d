package dev.capstan.controller.api.argo;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The cluster and namespace an Application deploys to. A cluster is named by {@code server} (API
 * URL) or {@code name}; {@link #IN_CLUSTER} is the cluster Capstan runs in.
 *
 * @param server API server URL of the target cluster
 * @param name name of the target cluster, instead of {@code server}
 * @param namespace namespace for namespaced resources that do not set one
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationDestination(String server, String name, String namespace) {

  /** The API URL that names the cluster Capstan itself runs in. */
  public static final String IN_CLUSTER = "https://kubernetes.default.svc";

  public ApplicationDestination {
    server = requireNonNullElse(server, "");
    name = requireNonNullElse(name, "");
    namespace = requireNonNullElse(namespace, "");
  }
}
