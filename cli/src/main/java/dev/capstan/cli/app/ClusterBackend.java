package dev.capstan.cli.app;

import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.api.argo.ApplicationStatus;
import dev.capstan.controller.api.argo.Operation;
import dev.capstan.controller.argo.ApplicationPreview;
import dev.capstan.controller.argo.ApplicationReconciler;
import dev.capstan.engine.diff.DiffResult;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code capstan app} straight against the cluster, as {@code argocd --core}: Applications are read
 * and written with the kubeconfig's identity, and diff and manifests are rendered locally.
 */
final class ClusterBackend implements AppBackend {
  private final KubernetesClient client;
  private final ClusterOptions options;

  ClusterBackend(KubernetesClient client, ClusterOptions options) {
    this.client = client;
    this.options = options;
  }

  @Override
  public List<Application> list(boolean allNamespaces) {
    var apps = client.resources(Application.class);
    try {
      return (allNamespaces
              ? apps.inAnyNamespace().list()
              : apps.inNamespace(options.namespace).list())
          .getItems().stream()
              .sorted(
                  Comparator.comparing((Application a) -> a.getMetadata().getNamespace())
                      .thenComparing(a -> a.getMetadata().getName()))
              .toList();
    } catch (KubernetesClientException e) {
      throw new IllegalArgumentException("listing Applications failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Application get(String name) {
    return options.require(client, name);
  }

  @Override
  public Application requestRefresh(Application app, String kind) {
    return resource(app)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":{\""
                + ApplicationReconciler.REFRESH
                + "\":\""
                + kind
                + "\"}}}");
  }

  @Override
  public Instant requestSync(Application app, Operation.SyncOperation sync) {
    return AppOperations.request(client, app, sync);
  }

  @Override
  public Instant requestRollback(
      Application app, ApplicationStatus.RevisionHistory entry, boolean prune) {
    if (app.getSpec().syncPolicy() != null && app.getSpec().syncPolicy().automatedSyncEnabled()) {
      throw new IllegalArgumentException("rollback cannot be initiated when auto-sync is enabled");
    }
    return AppOperations.request(
        client,
        app,
        new Operation.SyncOperation(
            entry.revision(),
            entry.revisions(),
            prune,
            false,
            null,
            null,
            entry.source(),
            entry.sources(),
            null,
            null,
            0));
  }

  @Override
  public void delete(Application app, boolean cascade) {
    List<String> finalizers =
        new ArrayList<>(
            app.getMetadata().getFinalizers() == null
                ? List.of()
                : app.getMetadata().getFinalizers());
    finalizers.removeIf(f -> f.startsWith(ApplicationReconciler.FINALIZER));
    if (cascade) {
      finalizers.add(ApplicationReconciler.FINALIZER);
    }
    // A merge patch without resourceVersion: the controller writes status all the time.
    resource(app)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"finalizers\":"
                + client.getKubernetesSerialization().asJson(finalizers)
                + "}}");
    resource(app).delete();
  }

  @Override
  public Application setSpec(Application app, Map<String, Object> spec) {
    // Replace the whole spec (a merge patch would keep fields the user removed).
    String patch =
        "[{\"op\":\"replace\",\"path\":\"/spec\",\"value\":"
            + client.getKubernetesSerialization().asJson(spec)
            + "}]";
    return resource(app).patch(PatchContext.of(PatchType.JSON), patch);
  }

  @Override
  public Application create(Application app, boolean upsert) {
    if (app.getMetadata().getNamespace() == null) {
      app.getMetadata().setNamespace(options.namespace);
    }
    var resource = resource(app);
    Application existing = resource.get();
    if (existing == null) {
      return client.resource(app).create();
    }
    String want = client.getKubernetesSerialization().asJson(app.getSpec());
    if (client.getKubernetesSerialization().asJson(existing.getSpec()).equals(want)) {
      return existing;
    }
    if (!upsert) {
      throw new IllegalArgumentException(
          "existing application spec is different, use upsert flag to force update");
    }
    String patch = "{\"spec\":" + want + "}";
    return resource.patch(PatchContext.of(PatchType.JSON_MERGE), patch);
  }

  @Override
  public Optional<Application> await(
      Application app, Predicate<Optional<Application>> test, Duration timeout) {
    try {
      return Optional.ofNullable(
          resource(app)
              .waitUntilCondition(
                  a -> test.test(Optional.ofNullable(a)),
                  timeout.toMillis(),
                  TimeUnit.MILLISECONDS));
    } catch (KubernetesClientTimeoutException e) {
      throw new TimeoutException();
    }
  }

  @Override
  public List<ResourceChange> diff(Application app) {
    DiffResult diff =
        new ApplicationPreview(client, app.getMetadata().getNamespace(), CliCache.gitCache())
            .diff(app);
    return diff.resources().stream()
        .map(
            d ->
                new ResourceChange(
                    d.key().group(),
                    d.key().kind(),
                    d.key().namespace(),
                    d.key().name(),
                    d.status().toString(),
                    !d.inSync(),
                    d.unifiedDiff()))
        .toList();
  }

  @Override
  public List<GenericKubernetesResource> manifests(Application app) {
    return new ApplicationPreview(client, app.getMetadata().getNamespace(), CliCache.gitCache())
        .manifests(app)
        .objects();
  }

  private io.fabric8.kubernetes.client.dsl.Resource<Application> resource(Application app) {
    return client
        .resources(Application.class)
        .inNamespace(app.getMetadata().getNamespace())
        .withName(app.getMetadata().getName());
  }

  /** Truncated "now", as operations compare it with the controller's seconds. */
  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  @Override
  public void close() {
    client.close();
  }
}
