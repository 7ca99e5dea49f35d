package dev.capstan.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventDraftTest {

  private final ObjectReference web =
      new ObjectReferenceBuilder()
          .withApiVersion("argoproj.io/v1alpha1")
          .withKind("Application")
          .withNamespace("shop")
          .withName("web")
          .withUid("u-1")
          .build();

  @Test
  void theEventIsNamedAfterItsObjectAndStampedToTheSecond() {
    Event e =
        new EventDraft(web, "Normal", "OperationStarted", "Initiated automated sync")
            .toBuilder("capstan-x", Instant.parse("2026-11-26T10:00:00.789Z")).build();

    assertThat(e.getMetadata().getGenerateName()).isEqualTo("web.");
    assertThat(e.getMetadata().getNamespace()).isEqualTo("shop");
    assertThat(e.getInvolvedObject()).isEqualTo(web);
    assertThat(e.getType()).isEqualTo("Normal");
    assertThat(e.getReason()).isEqualTo("OperationStarted");
    assertThat(e.getMessage()).isEqualTo("Initiated automated sync");
    assertThat(e.getFirstTimestamp()).isEqualTo("2026-11-26T10:00:00Z");
    assertThat(e.getLastTimestamp()).isEqualTo("2026-11-26T10:00:00Z");
    assertThat(e.getCount()).isEqualTo(1);
    assertThat(e.getSource().getComponent()).isEqualTo("capstan-x");
  }

  @Test
  void aLongMessageIsCutAtTheLimit() {
    String exact = "x".repeat(EventDraft.MESSAGE_LIMIT);
    EventDraft longer = new EventDraft(web, "Warning", "SyncError", exact + "y");

    assertThat(new EventDraft(web, "Warning", "SyncError", exact).text()).isEqualTo(exact);
    assertThat(longer.text()).isEqualTo(exact + "...");
    assertThat(longer.toBuilder("c", Instant.EPOCH).build().getMessage()).isEqualTo(exact + "...");
  }

  @Test
  void aDraftAboutAnObjectRefersToItByApiVersionKindNamespaceNameAndUid() {
    var object =
        new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
            .withApiVersion("argoproj.io/v1alpha1")
            .withKind("Application")
            .withNewMetadata()
            .withNamespace("shop")
            .withName("web")
            .withUid("u-1")
            .withResourceVersion("42")
            .endMetadata()
            .build();

    EventDraft draft = EventDraft.about(object, "Normal", "OperationStarted", "started");

    assertThat(draft.involved()).isEqualTo(web);
    assertThat(draft.type()).isEqualTo("Normal");
    assertThat(draft.reason()).isEqualTo("OperationStarted");
    assertThat(draft.message()).isEqualTo("started");
  }
}
