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
import java.util.TreeSet;

/**
 * Where Application sources find their Git credentials: Argo CD repository Secrets ({@code
 * argocd.argoproj.io/secret-type: repository} or {@code repo-creds}) in the controller's namespace
 * and the Application's namespace, and SSH known hosts from the {@code ssh_known_hosts} key of
 * {@code argocd-ssh-known-hosts-cm} (or {@code capstan-ssh-known-hosts-cm}) in the controller's
 * namespace. Implementations are thread-safe. The static readers serve the API server's revision
 * metadata too.
 */
public interface RepositorySecrets {

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

  /**
   * The repository Secrets of {@code namespaces}, read from the API server, in namespace then name
   * order, each named by its name or, with {@code qualifiedNames}, {@code <namespace>/<name>}. A
   * namespace whose Secrets may not be listed counts as having none (the git error will say that
   * credentials are missing).
   */
  static List<SecretData> read(
      KubernetesClient client, java.util.Collection<String> namespaces, boolean qualifiedNames) {
    List<SecretData> out = new ArrayList<>();
    for (String ns : new TreeSet<>(namespaces)) {
      try {
        client
            .secrets()
            .inNamespace(ns)
            .withLabelIn(ArgoCdRepositoryCredentials.SECRET_TYPE_LABEL, "repository", "repo-creds")
            .list()
            .getItems()
            .forEach(
                s ->
                    out.add(
                        toSecretData(
                            s,
                            qualifiedNames
                                ? ns + "/" + s.getMetadata().getName()
                                : s.getMetadata().getName())));
      } catch (KubernetesClientException e) {
        // no permission to read secrets there: anonymous access
      }
    }
    return out;
  }

  /** The SSH known hosts configured in {@code namespace}, read from the API server. */
  static Optional<String> readKnownHosts(KubernetesClient client, String namespace) {
    for (String name : KNOWN_HOSTS_CONFIG_MAPS) {
      try {
        Optional<String> found =
            knownHostsOf(client.configMaps().inNamespace(namespace).withName(name).get());
        if (found.isPresent()) {
          return found;
        }
      } catch (KubernetesClientException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** A Secret as the credential readers take it ({@code data} decoded, {@code stringData} too). */
  static SecretData toSecretData(Secret s, String name) {
    Map<String, byte[]> data = new LinkedHashMap<>();
    if (s.getData() != null) {
      s.getData().forEach((k, v) -> data.put(k, Base64.getDecoder().decode(v)));
    }
    if (s.getStringData() != null) {
      s.getStringData().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
    }
    Map<String, String> labels =
        s.getMetadata().getLabels() == null ? Map.of() : s.getMetadata().getLabels();
    return new SecretData(name, labels, data);
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
      return read(client, List.of(controllerNamespace, appNamespace), false);
    }

    @Override
    public Optional<String> knownHosts() {
      return readKnownHosts(client, controllerNamespace);
    }
  }
}
