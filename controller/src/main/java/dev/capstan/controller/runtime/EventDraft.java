package dev.capstan.controller.runtime;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
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
