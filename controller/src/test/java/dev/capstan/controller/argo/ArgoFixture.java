package dev.capstan.controller.argo;

import static org.awaitility.Awaitility.await;

import dev.capstan.controller.api.CrdInstaller;
import dev.capstan.controller.api.argo.AppProject;
import dev.capstan.controller.api.argo.AppProjectSpec;
import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.api.argo.ApplicationStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Shared setup of the Argo CD dialect's ITs: CRDs, the default project, a controller. */
final class ArgoFixture {

  private ArgoFixture() {}

  static void installCrds(KubernetesClient client) {
    new CrdInstaller(client).installCapstanCrds();
  }

  static void createDefaultProject(KubernetesClient client, String namespace) {
    AppProject project = new AppProject();
    project.setMetadata(
        new ObjectMetaBuilder().withName("default").withNamespace(namespace).build());
    project.setSpec(AppProjectSpec.permissive("default"));
    client.resource(project).serverSideApply();
  }

  /** A controller for {@code namespace} polling Git every 2 s, with leader election and metrics. */
  static ArgoController startController(KubernetesClient client, String namespace)
      throws Exception {
    Path cache = Files.createTempDirectory("capstan-argo-it");
    ArgoController controller =
        ArgoController.start(
            client,
            ControllerSettings.defaults(namespace, cache)
                .withReconciliation(Duration.ofSeconds(2), Duration.ZERO)
                .withWorkers(4)
                .withMetricsPort(0));
    await().atMost(Duration.ofSeconds(60)).until(controller::isLeading);
    return controller;
  }

  static Application create(KubernetesClient client, String namespace, String yaml) {
    Application app = client.getKubernetesSerialization().unmarshal(yaml, Application.class);
    app.getMetadata().setNamespace(namespace);
    return client.resource(app).create();
  }

  static Optional<ApplicationStatus> status(
      KubernetesClient client, String namespace, String name) {
    Application app =
        client.resources(Application.class).inNamespace(namespace).withName(name).get();
    return app == null ? Optional.empty() : Optional.ofNullable(app.getStatus());
  }
}
