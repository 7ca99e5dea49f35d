package dev.capstan.controller.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.api.argo.ApplicationSource;
import dev.capstan.controller.api.argo.ApplicationSpec;
import dev.capstan.controller.api.argo.SyncPolicy;
import dev.capstan.controller.api.flux.GitRepository;
import dev.capstan.controller.api.flux.GoDuration;
import dev.capstan.controller.api.flux.Kustomization;
import dev.capstan.controller.api.flux.KustomizationStatus.InventoryEntry;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples read into the models with Argo CD's and Flux's meaning. */
class ModelAccessorsTest {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  @Test
  void singleSourceApplicationReadsWithItsSyncPolicy() throws IOException {
    Application app = example("argocd/web-app.yaml", Application.class);
    ApplicationSpec spec = app.getSpec();

    assertThat(app.getMetadata().getNamespace()).isEqualTo("argocd");
    assertThat(spec.project()).isEqualTo("default");
    assertThat(spec.hasMultipleSources()).isFalse();
    assertThat(spec.effectiveSources())
        .containsExactly(
            ApplicationSource.git(
                "https://github.com/your-org/gitops-repo",
                "main",
                "apps/web-app/overlays/production"));
    assertThat(spec.destination().server()).isEqualTo("https://kubernetes.default.svc");
    assertThat(spec.destination().namespace()).isEqualTo("production");
    assertThat(spec.syncPolicy().automatedSyncEnabled()).isTrue();
    assertThat(spec.syncPolicy().automated().prune()).isTrue();
    assertThat(spec.syncPolicy().automated().selfHeal()).isTrue();
    assertThat(spec.syncPolicy().syncOption("CreateNamespace")).contains("true");
    assertThat(spec.syncPolicy().syncOption("PruneLast")).isEmpty();
    assertThat(spec.effectiveRevisionHistoryLimit()).isEqualTo(10);
    assertThat(app.operation()).isEmpty();
    assertThat(app.getStatus()).isNull();
  }

  @Test
  void multiSourceApplicationListsItsSourcesInOrder() throws IOException {
    Application app = example("argocd/full-stack.yaml", Application.class);

    assertThat(app.getSpec().hasMultipleSources()).isTrue();
    assertThat(app.getSpec().effectiveSources())
        .extracting(ApplicationSource::path)
        .containsExactly("apps/web-app/overlays/production", "apps/api-app/overlays/production");
  }

  @Test
  void automatedSyncIsOffWhenAbsentOrExplicitlyDisabled() {
    assertThat(new SyncPolicy(null, List.of(), null, null).automatedSyncEnabled()).isFalse();
    assertThat(
            new SyncPolicy(new SyncPolicy.Automated(true, false, false, false), null, null, null)
                .automatedSyncEnabled())
        .isFalse();
    assertThat(
            new SyncPolicy(new SyncPolicy.Automated(false, false, false, null), null, null, null)
                .automatedSyncEnabled())
        .isTrue();
  }

  @Test
  void lastSyncOptionWins() {
    SyncPolicy policy =
        new SyncPolicy(null, List.of("Prune=false", "Validate = false", "Prune=true"), null, null);

    assertThat(policy.syncOption("Prune")).contains("true");
    assertThat(policy.syncOption("Validate")).contains("false");
  }

  @Test
  void fluxExamplesReadWithTheirReferencesAndIntervals() throws IOException {
    GitRepository repo = example("flux/gitops-repo.yaml", GitRepository.class);
    Kustomization ks = example("flux/web-app.yaml", Kustomization.class);

    assertThat(repo.getSpec().url()).isEqualTo("https://github.com/your-org/gitops-repo");
    assertThat(repo.getSpec().ref().branch()).isEqualTo("main");
    assertThat(repo.getSpec().secretRef().name()).isEqualTo("git-credentials");
    assertThat(GoDuration.parse(repo.getSpec().interval())).isEqualTo(Duration.ofMinutes(1));
    assertThat(ks.getSpec().sourceRef().kind()).isEqualTo(GitRepository.KIND);
    assertThat(ks.getSpec().sourceRef().name()).isEqualTo("gitops-repo");
    assertThat(ks.getSpec().sourceRef().namespace()).isEmpty();
    assertThat(ks.getSpec().path()).isEqualTo("./apps/web-app/overlays/production");
    assertThat(ks.getSpec().prune()).isTrue();
    assertThat(ks.getSpec().waitForReady()).isTrue();
    assertThat(ks.getSpec().effectiveDeletionPolicy()).isEqualTo("MirrorPrune");
    assertThat(GoDuration.parse(ks.getSpec().interval())).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void waitIsWrittenUnderFluxsName() throws IOException {
    Kustomization ks = example("flux/web-app.yaml", Kustomization.class);

    assertThat(SERIALIZATION.asJson(ks.getSpec()))
        .contains("\"wait\":true")
        .doesNotContain("waitForReady");
  }

  @Test
  void inventoryIdsUseFluxsFormat() {
    assertThat(InventoryEntry.of("prod", "web", "apps", "Deployment", "v1"))
        .isEqualTo(new InventoryEntry("prod_web_apps_Deployment", "v1"));
    assertThat(InventoryEntry.of("", "prod", "", "Namespace", "v1").id())
        .isEqualTo("_prod__Namespace");
  }

  @Test
  void goDurationsParseAsGoDoes() {
    assertThat(GoDuration.parse("10m30s")).isEqualTo(Duration.ofSeconds(630));
    assertThat(GoDuration.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(GoDuration.parse("1h0m0s")).isEqualTo(Duration.ofHours(1));
    assertThat(GoDuration.parse("0")).isEqualTo(Duration.ZERO);
    assertThat(GoDuration.parse("-2s")).isEqualTo(Duration.ofSeconds(-2));
    assertThatThrownBy(() -> GoDuration.parse("5 minutes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid duration \"5 minutes\"");
    assertThatThrownBy(() -> GoDuration.parse("10")).hasMessage("invalid duration \"10\"");
    assertThatThrownBy(() -> GoDuration.parse("")).hasMessage("invalid duration \"\": empty");
  }

  private static <T> T example(String relative, Class<T> type) throws IOException {
    return SERIALIZATION.unmarshal(
        Files.readString(Manifests.examplesDeployDir().resolve(relative)), type);
  }
}
