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
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Checks out an Application's sources with the engine's {@link GitSource}, with credentials from
 * {@link RepositorySecrets} (Argo CD repository Secrets and SSH known hosts). Thread-safe.
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

  private final RepositorySecrets secrets;
  private final GitSource git;
  private final Consumer<String> gitRequestCounter;

  /** A fetcher reading the repository Secrets from the API server on each fetch. */
  SourceFetcher(
      KubernetesClient client,
      GitSource git,
      String controllerNamespace,
      Consumer<String> gitRequestCounter) {
    this(RepositorySecrets.live(client, controllerNamespace), git, gitRequestCounter);
  }

  SourceFetcher(RepositorySecrets secrets, GitSource git, Consumer<String> gitRequestCounter) {
    this.secrets = secrets;
    this.git = git;
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
    return secrets.secrets(appNamespace);
  }

  private Optional<String> knownHosts() {
    return secrets.knownHosts();
  }
}
