package dev.capstan.controller.flux;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records Kubernetes Events on GitRepositories and Kustomizations with Flux's reasons, from the
 * component {@value #COMPONENT} ({@code capstan events} and {@code capstan logs} read them back). A
 * failure to record is logged and otherwise ignored: events are informational.
 */
final class FluxEvents {

  static final String COMPONENT = "capstan-flux-controller";
  private static final Logger LOG = LoggerFactory.getLogger(FluxEvents.class);

  private final KubernetesClient client;
  private final Clock clock;

  FluxEvents(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  void normal(HasMetadata object, String reason, String message) {
    record(object, "Normal", reason, message);
  }

  void warning(HasMetadata object, String reason, String message) {
    record(object, "Warning", reason, message);
  }

  private void record(HasMetadata object, String type, String reason, String message) {
    String ns = object.getMetadata().getNamespace();
    String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    String text = message.length() > 1000 ? message.substring(0, 1000) + "..." : message;
    LOG.info(
        "{} {}/{}/{} {}: {}",
        type,
        object.getKind(),
        ns,
        object.getMetadata().getName(),
        reason,
        text);
    try {
      client
          .v1()
          .events()
          .inNamespace(ns)
          .resource(
              new EventBuilder()
                  .withNewMetadata()
                  .withGenerateName(object.getMetadata().getName() + ".")
                  .withNamespace(ns)
                  .endMetadata()
                  .withInvolvedObject(
                      new ObjectReferenceBuilder()
                          .withApiVersion(object.getApiVersion())
                          .withKind(object.getKind())
                          .withName(object.getMetadata().getName())
                          .withNamespace(ns)
                          .withUid(object.getMetadata().getUid())
                          .build())
                  .withType(type)
                  .withReason(reason)
                  .withMessage(text)
                  .withFirstTimestamp(now)
                  .withLastTimestamp(now)
                  .withCount(1)
                  .withNewSource()
                  .withComponent(COMPONENT)
                  .endSource()
                  .withReportingComponent(COMPONENT)
                  .build())
          .create();
    } catch (KubernetesClientException e) {
      LOG.debug(
          "event on {}/{} not recorded: {}", ns, object.getMetadata().getName(), e.getMessage());
    }
  }
}
