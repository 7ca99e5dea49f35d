package dev.capstan.controller.runtime;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A core/v1 Event about to be recorded on {@code involved}: the part both dialects' event recorders
 * build alike (a generated name after the object's, its namespace, count 1, first and last
 * timestamps to the second, the source component, the message cut at {@value #MESSAGE_LIMIT}
 * characters). Pure.
 */
public record EventDraft(ObjectReference involved, String type, String reason, String message) {

  /** Longer messages are cut here, with {@code ...} appended. */
  public static final int MESSAGE_LIMIT = 1000;

  /** A draft about {@code object}, referred to by its apiVersion, kind, namespace, name and uid. */
  public static EventDraft about(HasMetadata object, String type, String reason, String message) {
    return new EventDraft(
        new ObjectReferenceBuilder()
            .withApiVersion(object.getApiVersion())
            .withKind(object.getKind())
            .withName(object.getMetadata().getName())
            .withNamespace(object.getMetadata().getNamespace())
            .withUid(object.getMetadata().getUid())
            .build(),
        type,
        reason,
        message);
  }

  /** The message as the Event carries it. */
  public String text() {
    return message.length() > MESSAGE_LIMIT ? message.substring(0, MESSAGE_LIMIT) + "..." : message;
  }

  /** A builder of the Event from {@code component} at {@code now}, for a caller to finish. */
  public EventBuilder toBuilder(String component, Instant now) {
    String at = now.truncatedTo(ChronoUnit.SECONDS).toString();
    return new EventBuilder()
        .withNewMetadata()
        .withGenerateName(involved.getName() + ".")
        .withNamespace(involved.getNamespace())
        .endMetadata()
        .withInvolvedObject(involved)
        .withType(type)
        .withReason(reason)
        .withMessage(text())
        .withFirstTimestamp(at)
        .withLastTimestamp(at)
        .withCount(1)
        .withNewSource()
        .withComponent(component)
        .endSource();
  }
}
