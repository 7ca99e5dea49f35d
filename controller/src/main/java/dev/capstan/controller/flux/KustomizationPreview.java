package dev.capstan.controller.flux;

import dev.capstan.controller.api.flux.Kustomization;
import dev.capstan.controller.api.flux.KustomizationSpec;
import dev.capstan.engine.cluster.DiscoveryResourceTypes;
import dev.capstan.engine.diff.DiffResult;
import dev.capstan.engine.inventory.LabelOwnership;
import dev.capstan.engine.render.Renderer;
import dev.capstan.engine.sync.SyncOptions;
import dev.capstan.engine.sync.Syncer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a Kustomization would apply from a local folder, for {@code capstan build kustomization} and
 * {@code capstan diff kustomization} (Flux's {@code flux build/diff kustomization --path}): the
 * folder stands in for the content of {@code spec.path}; the spec and the {@code postBuild}
 * variables come from the cluster. Nothing is written.
 */
public final class KustomizationPreview {

  private KustomizationPreview() {}

  /**
   * Builds {@code ks} from {@code dir}; objects carry the Kustomization's ownership labels.
   *
   * @throws IllegalArgumentException with a user-facing message when the build or the variables
   *     fail
   */
  public static List<GenericKubernetesResource> build(
      KubernetesClient client, Kustomization ks, Path dir) {
    KustomizationSpec s = ks.getSpec();
    KustomizationSpec local =
        new KustomizationSpec(
            s.sourceRef(),
            ".",
            s.interval(),
            s.retryInterval(),
            s.timeout(),
            s.prune(),
            s.waitForReady(),
            s.force(),
            s.suspend(),
            s.healthChecks(),
            s.healthCheckExprs(),
            s.dependsOn(),
            s.targetNamespace(),
            s.namePrefix(),
            s.nameSuffix(),
            s.patches(),
            s.images(),
            s.components(),
            s.ignoreMissingComponents(),
            s.commonMetadata(),
            s.postBuild(),
            s.serviceAccountName(),
            s.kubeConfig(),
            s.decryption(),
            s.deletionPolicy(),
            s.driftIgnoreRules());
    Map<String, String> vars;
    try {
      vars = Substitutions.variables(client, ks);
    } catch (Substitutions.VariablesException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
    KustomizationBuild.Result r =
        new KustomizationBuild(new Renderer()).build(dir.toAbsolutePath().normalize(), local, vars);
    if (!r.succeeded()) {
      throw new IllegalArgumentException(r.error());
    }
    LabelOwnership owner = KustomizationReconciler.ownership(ks);
    return r.objects().stream().map(owner::mark).toList();
  }

  /**
   * The server-side dry-run diff of {@code objects} against the cluster, with prune candidates from
   * the inventory.
   */
  public static DiffResult diff(
      KubernetesClient client, Kustomization ks, List<GenericKubernetesResource> objects) {
    Syncer syncer = new Syncer(client, new DiscoveryResourceTypes(client), Optional.empty());
    return syncer.diff(
        KustomizationReconciler.ownership(ks),
        objects,
        KustomizationReconciler.inventoryOf(ks.getStatus()),
        SyncOptions.defaults()
            .withPrune(ks.getSpec().prune())
            .withTargetNamespace(ks.getSpec().targetNamespace()));
  }

  /** Ready=True at the current generation, as a dependency needs it. */
  public static boolean isReady(Kustomization ks) {
    return KustomizationReconciler.isReady(ks);
  }
}
