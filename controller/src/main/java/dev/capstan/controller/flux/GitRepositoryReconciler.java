package dev.capstan.controller.flux;

import dev.capstan.controller.api.flux.GitRepository;
import dev.capstan.controller.api.flux.GitRepositorySpec;
import dev.capstan.controller.api.flux.GitRepositoryStatus;
import dev.capstan.controller.api.flux.GoDuration;
import dev.capstan.engine.source.GitAuthenticationException;
import dev.capstan.engine.source.GitCredentials;
import dev.capstan.engine.source.GitRemote;
import dev.capstan.engine.source.GitSource;
import dev.capstan.engine.source.GitSourceException;
import dev.capstan.engine.source.RevisionSpec;
import dev.capstan.engine.source.Snapshot;
import dev.capstan.engine.source.credentials.FluxGitCredentials;
import dev.capstan.engine.source.credentials.SecretData;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles one GitRepository: reads its {@code secretRef}, resolves {@code spec.ref} with one
 * ls-remote, fetches the commit when new, publishes the filtered files as an artifact and writes
 * {@code status.artifact} and the conditions Ready / FetchFailed / Stalled with Flux's reasons
 * ({@code Succeeded}, {@code GitOperationFailed}, {@code AuthenticationFailed}, {@code
 * ArtifactFailed}).
 *
 * <p>Guard clauses top-down: gone → forget; being deleted → nothing (no finalizer); suspended →
 * nothing; credentials; fetch; artifact; status. A failure keeps the last artifact (a Kustomization
 * keeps applying it) and is retried at {@code spec.interval}. Idempotent: an unchanged commit costs
 * one ls-remote and leaves the status as it was. Called by one worker per key at a time.
 */
final class GitRepositoryReconciler {

  private static final Logger LOG = LoggerFactory.getLogger(GitRepositoryReconciler.class);
  static final String REQUESTED_AT = "reconcile.fluxcd.io/requestedAt";

  private final KubernetesClient client;
  private final java.util.function.Function<Duration, GitSource> git;
  private final ArtifactStore artifacts;
  private final FluxEvents events;
  private final Clock clock;

  /**
   * @param git the Git source to use for a {@code spec.timeout} (the transport timeout of each
   *     network operation)
   */
  GitRepositoryReconciler(
      KubernetesClient client,
      java.util.function.Function<Duration, GitSource> git,
      ArtifactStore artifacts,
      FluxEvents events,
      Clock clock) {
    this.client = client;
    this.git = git;
    this.artifacts = artifacts;
    this.events = events;
    this.clock = clock;
  }

  /** Reconciles {@code key}; returns when to look again. */
  Optional<Duration> reconcile(ObjectKey key) {
    GitRepository repo =
        client
            .resources(GitRepository.class)
            .inNamespace(key.namespace())
            .withName(key.name())
            .get();
    if (repo == null
        || repo.getMetadata().getDeletionTimestamp() != null
        || repo.getSpec() == null) {
      return Optional.empty();
    }
    GitRepositorySpec spec = repo.getSpec();
    if (spec.suspend()) {
      LOG.debug("GitRepository/{} is suspended", key);
      return Optional.empty();
    }
    GitRepositoryStatus old = Optional.ofNullable(repo.getStatus()).orElse(emptyStatus());
    long generation = Optional.ofNullable(repo.getMetadata().getGeneration()).orElse(0L);
    ConditionSet conditions = new ConditionSet(old.conditions(), generation, clock);
    String handled = annotation(repo, REQUESTED_AT).orElse(old.lastHandledReconcileAt());

    Duration interval;
    Duration timeout;
    try {
      interval = GoDuration.parse(spec.interval());
      timeout =
          GoDuration.parse(
              spec.timeout().isEmpty() ? GitRepositorySpec.DEFAULT_TIMEOUT : spec.timeout());
    } catch (IllegalArgumentException e) {
      conditions
          .setTrue(ConditionSet.STALLED, "InvalidInterval", e.getMessage())
          .setFalse(ConditionSet.READY, "InvalidInterval", e.getMessage());
      write(key, old, conditions, old.artifact(), generation, handled);
      return Optional.empty();
    }

    GitRemote remote;
    try {
      remote = new GitRemote(spec.url(), credentials(repo));
    } catch (CredentialsException | GitSourceException e) {
      return fail(
          repo,
          old,
          conditions,
          generation,
          handled,
          "AuthenticationFailed",
          e.getMessage(),
          interval);
    }

    RevisionSpec revision;
    try {
      revision = revisionOf(spec.ref());
    } catch (IllegalArgumentException e) {
      conditions
          .setTrue(ConditionSet.STALLED, "InvalidRef", e.getMessage())
          .setFalse(ConditionSet.READY, "InvalidRef", e.getMessage());
      write(key, old, conditions, old.artifact(), generation, handled);
      return Optional.empty();
    }

    try (Snapshot snapshot = git.apply(timeout).checkout(remote, revision)) {
      List<ArtifactStore.Inclusion> inclusions = inclusions(repo);
      ArtifactStore.Artifact a =
          artifacts.publish(
              key,
              snapshot.root(),
              SourceIgnore.load(snapshot.root(), Optional.ofNullable(spec.ignore())),
              inclusions);
      String rev = snapshot.revision().fluxRevision();
      dev.capstan.controller.api.flux.Artifact previous = old.artifact();
      boolean changed =
          previous == null
              || !previous.revision().equals(rev)
              || !previous.digest().equals(a.digest());
      String updated = changed ? now() : previous.lastUpdateTime();
      dev.capstan.controller.api.flux.Artifact artifact =
          new dev.capstan.controller.api.flux.Artifact(
              a.relativePath(), a.url(), rev, a.digest(), updated, a.size(), Map.of());
      String message = "stored artifact for revision '" + rev + "'";
      conditions
          .remove(ConditionSet.FETCH_FAILED)
          .remove(ConditionSet.STALLED)
          .remove(ConditionSet.RECONCILING)
          .remove("ArtifactInStorage")
          .setTrue(ConditionSet.READY, "Succeeded", message);
      write(key, old, conditions, artifact, generation, handled);
      if (changed) {
        events.normal(repo, "NewArtifact", message);
      }
      return Optional.of(interval);
    } catch (GitAuthenticationException e) {
      return fail(
          repo,
          old,
          conditions,
          generation,
          handled,
          "AuthenticationFailed",
          e.getMessage(),
          interval);
    } catch (GitSourceException e) {
      return fail(
          repo,
          old,
          conditions,
          generation,
          handled,
          "GitOperationFailed",
          "failed to checkout and determine revision: " + e.getMessage(),
          interval);
    } catch (IOException | RuntimeException e) {
      if (e instanceof KubernetesClientException k && k.getCode() == 0) {
        throw k;
      }
      return fail(
          repo,
          old,
          conditions,
          generation,
          handled,
          "ArtifactFailed",
          "failed to store artifact: " + e.getMessage(),
          interval);
    }
  }

  private Optional<Duration> fail(
      GitRepository repo,
      GitRepositoryStatus old,
      ConditionSet conditions,
      long generation,
      String handled,
      String reason,
      String message,
      Duration interval) {
    conditions
        .remove(ConditionSet.RECONCILING)
        .setTrue(ConditionSet.FETCH_FAILED, reason, message)
        .setFalse(ConditionSet.READY, reason, message);
    boolean wasFailing =
        old.condition(ConditionSet.FETCH_FAILED)
            .map(c -> c.message().equals(message))
            .orElse(false);
    write(ObjectKey.of(repo), old, conditions, old.artifact(), generation, handled);
    if (!wasFailing) {
      events.warning(repo, reason, message);
    }
    return Optional.of(interval);
  }

  private void write(
      ObjectKey key,
      GitRepositoryStatus old,
      ConditionSet conditions,
      dev.capstan.controller.api.flux.Artifact artifact,
      long generation,
      String handled) {
    GitRepositoryStatus next =
        new GitRepositoryStatus(
            generation,
            conditions.list(),
            artifact,
            old.includedArtifacts(),
            old.observedIgnore(),
            old.observedRecurseSubmodules(),
            old.observedInclude(),
            old.observedSparseCheckout(),
            old.sourceVerificationMode(),
            handled);
    if (next.equals(old)) {
      return;
    }
    client
        .resources(GitRepository.class)
        .inNamespace(key.namespace())
        .withName(key.name())
        .editStatus(
            r -> {
              r.setStatus(next);
              return r;
            });
  }

  private GitCredentials credentials(GitRepository repo) {
    var ref = repo.getSpec().secretRef();
    if (ref == null || ref.name().isEmpty()) {
      return GitCredentials.none();
    }
    String ns = repo.getMetadata().getNamespace();
    SecretData data =
        readSecret(client, ns, ref.name())
            .orElseThrow(
                () ->
                    new CredentialsException(
                        "failed to get secret '"
                            + ns
                            + "/"
                            + ref.name()
                            + "': secrets \""
                            + ref.name()
                            + "\" not found"));
    return FluxGitCredentials.fromSecret(repo.getSpec().url(), data);
  }

  private List<ArtifactStore.Inclusion> inclusions(GitRepository repo) {
    List<ArtifactStore.Inclusion> out = new ArrayList<>();
    for (GitRepositorySpec.Include inc : repo.getSpec().include()) {
      String name = inc.repository() == null ? "" : inc.repository().name();
      GitRepository other =
          client
              .resources(GitRepository.class)
              .inNamespace(repo.getMetadata().getNamespace())
              .withName(name)
              .get();
      Optional<java.nio.file.Path> dir =
          Optional.ofNullable(other)
              .map(GitRepository::getStatus)
              .map(GitRepositoryStatus::artifact)
              .flatMap(a -> artifacts.resolve(a.url()));
      if (dir.isEmpty()) {
        throw new IllegalStateException(
            "included GitRepository '" + name + "' has no artifact yet");
      }
      java.nio.file.Path from =
          dir.get()
              .resolve(inc.fromPath().isEmpty() ? "." : inc.fromPath().replaceFirst("^/+", ""))
              .normalize();
      if (!from.startsWith(dir.get())) {
        throw new IllegalStateException(
            "include fromPath " + inc.fromPath() + " leaves the artifact");
      }
      out.add(new ArtifactStore.Inclusion(from, inc.toPath().isEmpty() ? name : inc.toPath()));
    }
    return out;
  }

  /** Flux's precedence: commit, then name, then semver, then tag, then branch; none is master. */
  static RevisionSpec revisionOf(GitRepositorySpec.Ref ref) {
    if (ref == null) {
      return RevisionSpec.branch("master");
    }
    if (!ref.commit().isEmpty()) {
      if (!RevisionSpec.FULL_SHA.matcher(ref.commit()).matches()) {
        throw new IllegalArgumentException(
            "ref.commit '" + ref.commit() + "' is not a full 40-character SHA-1");
      }
      return RevisionSpec.commit(ref.commit());
    }
    if (!ref.name().isEmpty()) {
      return RevisionSpec.ref(ref.name());
    }
    if (!ref.semver().isEmpty()) {
      return RevisionSpec.semver(ref.semver());
    }
    if (!ref.tag().isEmpty()) {
      return RevisionSpec.tag(ref.tag());
    }
    return RevisionSpec.branch(ref.branch().isEmpty() ? "master" : ref.branch());
  }

  static Optional<SecretData> readSecret(KubernetesClient client, String namespace, String name) {
    Secret s = client.secrets().inNamespace(namespace).withName(name).get();
    if (s == null) {
      return Optional.empty();
    }
    Map<String, byte[]> data = new HashMap<>();
    if (s.getData() != null) {
      s.getData()
          .forEach((k, v) -> data.put(k, Base64.getMimeDecoder().decode(v == null ? "" : v)));
    }
    if (s.getStringData() != null) {
      s.getStringData()
          .forEach((k, v) -> data.put(k, v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    Map<String, String> labels =
        s.getMetadata().getLabels() == null ? Map.of() : s.getMetadata().getLabels();
    return Optional.of(new SecretData(namespace + "/" + name, labels, data));
  }

  static Optional<String> annotation(io.fabric8.kubernetes.api.model.HasMetadata o, String key) {
    Map<String, String> a = o.getMetadata().getAnnotations();
    return a == null ? Optional.empty() : Optional.ofNullable(a.get(key));
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static GitRepositoryStatus emptyStatus() {
    return new GitRepositoryStatus(
        0, List.of(), null, List.of(), null, false, List.of(), List.of(), "", "");
  }

  /** A secretRef that cannot be read. */
  static final class CredentialsException extends RuntimeException {
    CredentialsException(String message) {
      super(message);
    }
  }
}
