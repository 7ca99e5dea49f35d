package dev.capstan.controller.argo;

import dev.capstan.controller.api.argo.ApplicationSource;
import dev.capstan.engine.render.GitRemoteBases;
import dev.capstan.engine.source.GitCredentials;
import dev.capstan.engine.source.GitRemote;
import dev.capstan.engine.source.GitSource;
import dev.capstan.engine.source.GitSourceException;
import dev.capstan.engine.source.RevisionSpec;
import dev.capstan.engine.source.Snapshot;
import dev.capstan.engine.source.credentials.ArgoCdRepositoryCredentials;
import dev.capstan.engine.source.credentials.SecretData;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Checks out an Application's sources with the engine's {@link GitSource}, with credentials from
 * Argo CD repository Secrets ({@code argocd.argoproj.io/secret-type: repository} or {@code
 * repo-creds}) in the controller's namespace and the Application's namespace, and SSH known hosts
 * from the {@code ssh_known_hosts} key of {@code argocd-ssh-known-hosts-cm} (or {@code
 * capstan-ssh-known-hosts-cm}) in the controller's namespace. Thread-safe.
 */
final class SourceFetcher {

  /** The checked-out snapshots of every source, in order; close to release them. */
  record Fetched(List<Optional<Snapshot>> snapshots) implements AutoCloseable {
    @Override
    public void close() {
      snapshots.forEach(s -> s.ifPresent(Snapshot::close));
    }

    List<String> revisions() {
      return snapshots.stream().map(s -> s.map(x -> x.revision().sha()).orElse("")).toList();
    }
  }

  private final KubernetesClient client;
  private final GitSource git;
  private final String controllerNamespace;
  private final Consumer<String> gitRequestCounter;

  SourceFetcher(
      KubernetesClient client,
      GitSource git,
      String controllerNamespace,
      Consumer<String> gitRequestCounter) {
    this.client = client;
    this.git = git;
    this.controllerNamespace = controllerNamespace;
    this.gitRequestCounter = gitRequestCounter;
  }

  /**
   * Checks out each source at its revision.
   *
   * @param revisions per-source revision overrides (empty string: the source's own {@code
   *     targetRevision})
   * @throws GitSourceException when any source cannot be read (the ones read are released)
   */
  Fetched fetch(String appNamespace, List<ApplicationSource> sources, List<String> revisions) {
    List<SecretData> secrets = repositorySecrets(appNamespace);
    Optional<String> knownHosts = knownHosts();
    List<Optional<Snapshot>> out = new ArrayList<>();
    try {
      for (int i = 0; i < sources.size(); i++) {
        ApplicationSource s = sources.get(i);
        String override = i < revisions.size() ? revisions.get(i) : "";
        String revision = override.isEmpty() ? s.targetRevision() : override;
        GitCredentials credentials =
            ArgoCdRepositoryCredentials.resolve(s.repoURL(), secrets, knownHosts)
                .map(ArgoCdRepositoryCredentials.Match::credentials)
                .orElse(GitCredentials.none());
        gitRequestCounter.accept(s.repoURL());
        out.add(
            Optional.of(
                git.checkout(
                    new GitRemote(s.repoURL(), credentials), RevisionSpec.parse(revision))));
      }
    } catch (RuntimeException e) {
      out.forEach(o -> o.ifPresent(Snapshot::close));
      throw e;
    }
    return new Fetched(out);
  }

  /**
   * A resolver for the remote bases of kustomizations rendered for an Application in {@code
   * appNamespace}: fetched through the same Git source and cache, with the credentials of the same
   * repository Secrets (read once per resolver, on the first remote base). Close it after the
   * render.
   */
  GitRemoteBases remoteBases(String appNamespace) {
    return new GitRemoteBases(git, new LazyCredentials(appNamespace)::forUrl);
  }

  /** Credentials by repository URL, reading the Secrets on first use. */
  private final class LazyCredentials {
    private final String appNamespace;
    private List<SecretData> secrets;
    private Optional<String> knownHosts;

    LazyCredentials(String appNamespace) {
      this.appNamespace = appNamespace;
    }

    synchronized GitCredentials forUrl(String url) {
      if (secrets == null) {
        secrets = repositorySecrets(appNamespace);
        knownHosts = knownHosts();
      }
      gitRequestCounter.accept(url);
      return ArgoCdRepositoryCredentials.resolve(url, secrets, knownHosts)
          .map(ArgoCdRepositoryCredentials.Match::credentials)
          .orElse(GitCredentials.none());
    }
  }

  private List<SecretData> repositorySecrets(String appNamespace) {
    Set<String> namespaces = new TreeSet<>(List.of(controllerNamespace, appNamespace));
    List<SecretData> out = new ArrayList<>();
    for (String ns : namespaces) {
      List<Secret> secrets;
      try {
        secrets =
            client
                .secrets()
                .inNamespace(ns)
                .withLabelIn(
                    ArgoCdRepositoryCredentials.SECRET_TYPE_LABEL, "repository", "repo-creds")
                .list()
                .getItems();
      } catch (KubernetesClientException e) {
        continue; // no permission to read secrets there: anonymous access, the git error will say
        // so
      }
      for (Secret s : secrets) {
        Map<String, byte[]> data = new LinkedHashMap<>();
        if (s.getData() != null) {
          s.getData().forEach((k, v) -> data.put(k, Base64.getDecoder().decode(v)));
        }
        if (s.getStringData() != null) {
          s.getStringData()
              .forEach((k, v) -> data.put(k, v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        Map<String, String> labels =
            s.getMetadata().getLabels() == null ? Map.of() : s.getMetadata().getLabels();
        out.add(new SecretData(s.getMetadata().getName(), labels, data));
      }
    }
    return out;
  }

  private Optional<String> knownHosts() {
    for (String name : List.of("argocd-ssh-known-hosts-cm", "capstan-ssh-known-hosts-cm")) {
      try {
        ConfigMap cm = client.configMaps().inNamespace(controllerNamespace).withName(name).get();
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
