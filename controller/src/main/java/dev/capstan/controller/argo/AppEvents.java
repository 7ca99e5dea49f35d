package dev.capstan.controller.argo;

import dev.capstan.controller.api.argo.Application;
import dev.capstan.controller.runtime.EventDraft;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records Kubernetes Events on Applications, with Argo CD's reasons: {@code OperationStarted},
 * {@code OperationCompleted}, {@code ResourceUpdated}, {@code SyncError}... A failure to record is
 * logged and otherwise ignored: events are informational.
 */
final class AppEvents {
  static final String COMPONENT = "capstan-application-controller";
  private static final Logger LOG = LoggerFactory.getLogger(AppEvents.class);

  private final KubernetesClient client;
  private final Clock clock;

  AppEvents(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  void normal(Application app, String reason, String message) {
    record(app, "Normal", reason, message);
  }

  void warning(Application app, String reason, String message) {
    record(app, "Warning", reason, message);
  }

  private void record(Application app, String type, String reason, String message) {
    EventDraft draft =
        new EventDraft(
            new ObjectReferenceBuilder()
                .withApiVersion(Application.GROUP + "/" + Application.VERSION)
                .withKind("Application")
                .withName(app.getMetadata().getName())
                .withNamespace(app.getMetadata().getNamespace())
                .withUid(app.getMetadata().getUid())
                .withResourceVersion(app.getMetadata().getResourceVersion())
                .build(),
            type,
            reason,
            message);
    try {
      client
          .v1()
          .events()
          .inNamespace(app.getMetadata().getNamespace())
          .resource(draft.toBuilder(COMPONENT, Instant.now(clock)).build())
          .create();
    } catch (KubernetesClientException e) {
      LOG.warn(
          "event {} for Application/{}/{} not recorded: {}",
          reason,
          app.getMetadata().getNamespace(),
          app.getMetadata().getName(),
          e.getMessage());
    }
  }
}
