package dev.capstan.controller.argo;

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
import java.util.Set;
import java.util.TreeSet;

/**
 * Where Application sources find their Git credentials: Argo CD repository Secrets ({@code
 * argocd.argoproj.io/secret-type: repository} or {@code repo-creds}) in the controller's namespace
 * and the Application's namespace, and SSH known hosts from the {@code ssh_known_hosts} key of
 * {@code argocd-ssh-known-hosts-cm} (or {@code capstan-ssh-known-hosts-cm}) in the controller's
 * namespace. Implementations are thread-safe.
 */
interface RepositorySecrets {

  /** The known-hosts ConfigMaps, in the order they are looked at. */
  List<String> KNOWN_HOSTS_CONFIG_MAPS =
      List.of("argocd-ssh-known-hosts-cm", "capstan-ssh-known-hosts-cm");

  /** The repository Secrets an Application in {@code appNamespace} may use. */
  List<SecretData> secrets(String appNamespace);

  /** The SSH known hosts, when configured. */
  Optional<String> knownHosts();

  /** Reads the Secrets and the ConfigMap from the API server on every call. */
  static RepositorySecrets live(KubernetesClient client, String controllerNamespace) {
    return new Live(client, controllerNamespace);
  }

  /** A Secret as the credential readers take it ({@code data} decoded, {@code stringData} too). */
  static SecretData toSecretData(Secret s) {
    Map<String, byte[]> data = new LinkedHashMap<>();
    if (s.getData() != null) {
      s.getData().forEach((k, v) -> data.put(k, Base64.getDecoder().decode(v)));
    }
    if (s.getStringData() != null) {
      s.getStringData().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
    }
    Map<String, String> labels =
        s.getMetadata().getLabels() == null ? Map.of() : s.getMetadata().getLabels();
    return new SecretData(s.getMetadata().getName(), labels, data);
  }

  /** The known hosts a ConfigMap holds, if it holds them. */
  static Optional<String> knownHostsOf(ConfigMap cm) {
    return cm != null && cm.getData() != null && cm.getData().containsKey("ssh_known_hosts")
        ? Optional.of(cm.getData().get("ssh_known_hosts"))
        : Optional.empty();
  }

  /** Reads on every call. */
  final class Live implements RepositorySecrets {
    private final KubernetesClient client;
    private final String controllerNamespace;

    Live(KubernetesClient client, String controllerNamespace) {
      this.client = client;
      this.controllerNamespace = controllerNamespace;
    }

    @Override
    public List<SecretData> secrets(String appNamespace) {
      Set<String> namespaces = new TreeSet<>(List.of(controllerNamespace, appNamespace));
      List<SecretData> out = new ArrayList<>();
      for (String ns : namespaces) {
        try {
          client
              .secrets()
              .inNamespace(ns)
              .withLabelIn(
                  ArgoCdRepositoryCredentials.SECRET_TYPE_LABEL, "repository", "repo-creds")
              .list()
              .getItems()
              .forEach(s -> out.add(toSecretData(s)));
        } catch (KubernetesClientException e) {
          // no permission to read secrets there: anonymous access, the git error will say so
        }
      }
      return out;
    }

    @Override
    public Optional<String> knownHosts() {
      for (String name : KNOWN_HOSTS_CONFIG_MAPS) {
        try {
          Optional<String> found =
              knownHostsOf(
                  client.configMaps().inNamespace(controllerNamespace).withName(name).get());
          if (found.isPresent()) {
            return found;
          }
        } catch (KubernetesClientException e) {
          return Optional.empty();
        }
      }
      return Optional.empty();
    }
  }
}
