package dev.capstan.controller.argo;

import dev.capstan.engine.source.credentials.ArgoCdRepositoryCredentials;
import dev.capstan.engine.source.credentials.SecretData;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RepositorySecrets} from watches: the repository Secrets of the namespaces the controller
 * reconciles Applications in (selected by their label, so other Secrets are never held) and the
 * known-hosts ConfigMaps, so fetching a source costs no request to the API server. A namespace or
 * ConfigMap whose watch could not be started (no permission to list there) is read on every call,
 * as {@link RepositorySecrets#live} does. Close it to stop the watches.
 */
final class WatchedRepositorySecrets implements RepositorySecrets, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WatchedRepositorySecrets.class);

  private final RepositorySecrets live;
  private final String controllerNamespace;
  private final boolean allNamespaces;
  private final List<SharedIndexInformer<Secret>> secretInformers = new ArrayList<>();
  private final List<SharedIndexInformer<ConfigMap>> knownHostInformers = new ArrayList<>();
  private final java.util.Set<String> watchedNamespaces = new java.util.HashSet<>();
  private boolean knownHostsWatched;

  /**
   * Watches the repository Secrets in {@code namespaces} (every namespace when {@code
   * allNamespaces}) and the known-hosts ConfigMaps in {@code controllerNamespace}.
   */
  WatchedRepositorySecrets(
      KubernetesClient client,
      String controllerNamespace,
      Collection<String> namespaces,
      boolean allNamespaces) {
    this.live = RepositorySecrets.live(client, controllerNamespace);
    this.controllerNamespace = controllerNamespace;
    this.allNamespaces = allNamespaces;
    var secrets = client.secrets();
    try {
      if (allNamespaces) {
        secretInformers.add(
            secrets
                .inAnyNamespace()
                .withLabelIn(
                    ArgoCdRepositoryCredentials.SECRET_TYPE_LABEL, "repository", "repo-creds")
                .inform());
      } else {
        for (String ns : new java.util.TreeSet<>(namespaces)) {
          try {
            secretInformers.add(
                secrets
                    .inNamespace(ns)
                    .withLabelIn(
                        ArgoCdRepositoryCredentials.SECRET_TYPE_LABEL, "repository", "repo-creds")
                    .inform());
            watchedNamespaces.add(ns);
          } catch (KubernetesClientException e) {
            LOG.info(
                "repository Secrets in {} not watched ({}); read on each fetch",
                ns,
                e.getMessage());
          }
        }
      }
    } catch (KubernetesClientException e) {
      LOG.info("repository Secrets not watched ({}); read on each fetch", e.getMessage());
    }
    try {
      for (String name : KNOWN_HOSTS_CONFIG_MAPS) {
        knownHostInformers.add(
            client.configMaps().inNamespace(controllerNamespace).withName(name).inform());
      }
      knownHostsWatched = true;
    } catch (KubernetesClientException e) {
      LOG.info("SSH known hosts not watched ({}); read on each fetch", e.getMessage());
    }
  }

  @Override
  public List<SecretData> secrets(String appNamespace) {
    boolean watched =
        allNamespaces
            ? !secretInformers.isEmpty()
            : watchedNamespaces.contains(controllerNamespace)
                && watchedNamespaces.contains(appNamespace);
    if (!watched) {
      return live.secrets(appNamespace);
    }
    List<Secret> found = new ArrayList<>();
    for (SharedIndexInformer<Secret> informer : secretInformers) {
      for (Secret s : informer.getStore().list()) {
        String ns = s.getMetadata().getNamespace();
        if (ns.equals(controllerNamespace) || ns.equals(appNamespace)) {
          found.add(s);
        }
      }
    }
    // The order the live read gives: by namespace, then by name.
    found.sort(
        java.util.Comparator.comparing((Secret s) -> s.getMetadata().getNamespace())
            .thenComparing(s -> s.getMetadata().getName()));
    return found.stream()
        .map(s -> RepositorySecrets.toSecretData(s, s.getMetadata().getName()))
        .toList();
  }

  @Override
  public Optional<String> knownHosts() {
    if (!knownHostsWatched) {
      return live.knownHosts();
    }
    for (SharedIndexInformer<ConfigMap> informer : knownHostInformers) {
      for (ConfigMap cm : informer.getStore().list()) {
        Optional<String> found = RepositorySecrets.knownHostsOf(cm);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    secretInformers.forEach(SharedIndexInformer::close);
    knownHostInformers.forEach(SharedIndexInformer::close);
  }
}
