package dev.capstan.controller.argo;

import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.api.argo.ApplicationSpec;
import dev.capstan.engine.cluster.DiscoveryResourceTypes;
import dev.capstan.engine.diff.DiffResult;
import dev.capstan.engine.inventory.TrackingIdOwnership;
import dev.capstan.engine.render.GitRemoteBases;
import dev.capstan.engine.render.RenderResult;
import dev.capstan.engine.render.RenderSource;
import dev.capstan.engine.render.Renderer;
import dev.capstan.engine.source.GitSource;
import dev.capstan.engine.source.GitSourceException;
import dev.capstan.engine.source.GitSourceOptions;
import dev.capstan.engine.sync.Syncer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the controller would do for an Application, computed outside it (for {@code capstan app
 * manifests} and {@code capstan app diff}): the same fetch, render and dry-run comparison as {@link
 * ApplicationReconciler}, writing nothing. Not thread-safe across concurrent use of one cache
 * directory by two processes (see {@link GitSource}).
 */
public final class ApplicationPreview {

  /**
   * Rendered desired state.
   *
   * @param revisions resolved commit of each source
   * @param objects the desired objects
   */
  public record Manifests(List<String> revisions, List<GenericKubernetesResource> objects) {}

  /** Git or the render failed; the message says why (no secrets, no stack trace). */
  public static final class PreviewException extends RuntimeException {
    PreviewException(String message) {
      super(message);
    }
  }

  private final KubernetesClient client;
  private final String controllerNamespace;
  private final GitSource git;
  private final Renderer renderer = new Renderer();

  public ApplicationPreview(
      KubernetesClient client, String controllerNamespace, Path cacheDirectory) {
    this.client = client;
    this.controllerNamespace = controllerNamespace;
    this.git = new GitSource(GitSourceOptions.defaults(cacheDirectory));
  }

  /** The desired objects of {@code app} at its target revisions. */
  public Manifests manifests(Application app) {
    ApplicationSpec spec = app.getSpec();
    SourceFetcher fetcher = new SourceFetcher(client, git, controllerNamespace, repo -> {});
    try (SourceFetcher.Fetched fetched =
            fetcher.fetch(app.getMetadata().getNamespace(), spec.effectiveSources(), List.of());
        GitRemoteBases remoteBases = fetcher.remoteBases(app.getMetadata().getNamespace())) {
      List<RenderSource> inputs = new ArrayList<>();
      for (int i = 0; i < spec.effectiveSources().size(); i++) {
        if (!SpecTranslator.isRefOnly(spec.effectiveSources().get(i))) {
          inputs.add(
              SpecTranslator.renderSource(
                  spec.effectiveSources().get(i), fetched.snapshots().get(i).orElseThrow().root()));
        }
      }
      RenderResult result = renderer.render(inputs, remoteBases);
      if (!result.succeeded()) {
        throw new PreviewException(result.errorMessage());
      }
      return new Manifests(fetched.revisions(), result.objects());
    } catch (GitSourceException | IllegalArgumentException e) {
      throw new PreviewException(e.getMessage());
    }
  }

  /** The difference between Git and the cluster for {@code app}, as a sync would see it. */
  public DiffResult diff(Application app) {
    Manifests manifests = manifests(app);
    AppKey key = new AppKey(app.getMetadata().getNamespace(), app.getMetadata().getName());
    Syncer syncer = new Syncer(client, new DiscoveryResourceTypes(client), Optional.empty());
    boolean prune =
        app.getSpec().syncPolicy() != null
            && app.getSpec().syncPolicy().automatedSyncEnabled()
            && app.getSpec().syncPolicy().automated().prune();
    var inventory =
        ResourceStatuses.inventory(
            app.getStatus() == null ? List.of() : app.getStatus().resources());
    var cm =
        client
            .configMaps()
            .inNamespace(controllerNamespace)
            .withName(ArgoController.CONFIG_MAP)
            .get();
    var systemIgnores =
        SystemIgnoreDifferences.parse(
            cm == null || cm.getData() == null ? java.util.Map.of() : cm.getData());
    return syncer.diff(
        new TrackingIdOwnership(key.instanceName(controllerNamespace)),
        manifests.objects(),
        inventory,
        SpecTranslator.syncOptions(app.getSpec(), List.of(), prune, systemIgnores));
  }
}
