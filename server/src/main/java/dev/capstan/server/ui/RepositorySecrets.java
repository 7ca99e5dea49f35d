package dev.capstan.server.ui;

import dev.capstan.engine.source.credentials.ArgoCdRepositoryCredentials;
import dev.capstan.engine.source.credentials.SecretData;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;

/**
 * The server's reader of Argo CD repository credentials, with the controller's rules: Secrets
 * labelled {@code argocd.argoproj.io/secret-type: repository} or {@code repo-creds} in the server's
 * namespace (the controller's, in a Capstan install) and in the Application's namespace, resolved
 * by {@link ArgoCdRepositoryCredentials}, and SSH known hosts from the {@code ssh_known_hosts} key
 * of {@code argocd-ssh-known-hosts-cm} (or {@code capstan-ssh-known-hosts-cm}) in the server's
 * namespace.
 *
 * <p>Read from the API server on every call with the controller's readers ({@link
 * dev.capstan.controller.argo.RepositorySecrets#read}; callers call it only when a commit is not
 * known yet), so a changed Secret applies at once. A namespace whose Secrets may not be listed
 * counts as having none. Secret names are reported as {@code <namespace>/<name>}; values never
 * leave this class except inside the returned credentials. Thread-safe.
 */
final class RepositorySecrets {
  private final KubernetesClient client;
  private final String serverNamespace;

  RepositorySecrets(KubernetesClient client, String serverNamespace) {
    this.client = client;
    this.serverNamespace = serverNamespace;
  }

  /**
   * The credentials for {@code repoUrl} of an Application in {@code appNamespace}; empty for
   * anonymous access.
   *
   * @throws dev.capstan.engine.source.InvalidSourceException if the matching Secret only has
   *     unsupported credential kinds
   */
  Optional<ArgoCdRepositoryCredentials.Match> credentials(String repoUrl, String appNamespace) {
    return ArgoCdRepositoryCredentials.resolve(repoUrl, secrets(appNamespace), knownHosts());
  }

  private List<SecretData> secrets(String appNamespace) {
    return dev.capstan.controller.argo.RepositorySecrets.read(
        client, List.of(serverNamespace, appNamespace), true);
  }

  private Optional<String> knownHosts() {
    return dev.capstan.controller.argo.RepositorySecrets.readKnownHosts(client, serverNamespace);
  }
}
