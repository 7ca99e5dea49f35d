package dev.capstan.server.ui;

import dev.capstan.engine.source.credentials.ArgoCdRepositoryCredentials;
import dev.capstan.engine.source.credentials.SecretData;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The server's reader of Argo CD repository credentials, with the controller's rules: Secrets
 * labelled {@code argocd.argoproj.io/secret-type: repository} or {@code repo-creds} in the server's
 * namespace (the controller's, in a Capstan install) and in the Application's namespace, resolved
 * by {@link ArgoCdRepositoryCredentials}, and SSH known hosts from the {@code ssh_known_hosts} key
 * of {@code argocd-ssh-known-hosts-cm} (or {@code capstan-ssh-known-hosts-cm}) in the server's
 * namespace.
 *
 * <p>Read from the API server on every call (callers call it only when a commit is not known yet),
 * so a changed Secret applies at once. A namespace whose Secrets may not be listed counts as having
 * none. Secret names are reported as {@code <namespace>/<name>}; values never leave this class
 * except inside the returned credentials. Thread-safe.
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
    List<SecretData> out = new ArrayList<>();
    for (String ns : new TreeSet<>(List.of(serverNamespace, appNamespace))) {
      List<Secret> items;
      try {
        items =
            client
                .secrets()
                .inNamespace(ns)
                .withLabelIn(
                    ArgoCdRepositoryCredentials.SECRET_TYPE_LABEL, "repository", "repo-creds")
                .list()
                .getItems();
      } catch (KubernetesClientException e) {
        continue; // not allowed to read Secrets there: anonymous, and the git error will say so
      }
      for (Secret s : items) {
        Map<String, byte[]> data = new LinkedHashMap<>();
        if (s.getData() != null) {
          s.getData().forEach((k, v) -> data.put(k, Base64.getDecoder().decode(v)));
        }
        if (s.getStringData() != null) {
          s.getStringData().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
        }
        Map<String, String> labels =
            s.getMetadata().getLabels() == null ? Map.of() : s.getMetadata().getLabels();
        out.add(new SecretData(ns + "/" + s.getMetadata().getName(), labels, data));
      }
    }
    return out;
  }

  private Optional<String> knownHosts() {
    for (String name : List.of("argocd-ssh-known-hosts-cm", "capstan-ssh-known-hosts-cm")) {
      try {
        ConfigMap cm = client.configMaps().inNamespace(serverNamespace).withName(name).get();
        if (cm != null && cm.getData() != null && cm.getData().containsKey("ssh_known_hosts")) {
          return Optional.of(cm.getData().get("ssh_known_hosts"));
        }
      } catch (KubernetesClientException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
