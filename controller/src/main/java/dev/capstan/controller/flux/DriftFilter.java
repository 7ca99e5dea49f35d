package dev.capstan.controller.flux;

import dev.capstan.engine.cluster.ResourceChange;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells drift of a managed object from changes a re-apply would not undo, by the object's {@code
 * managedFields}, so that only drift costs a Kustomization a new apply:
 *
 * <ul>
 *   <li>a deletion is drift;
 *   <li>an object appearing is drift unless it is the echo of the controller's own apply: the
 *       newest {@code managedFields} entry (by time) is its server-side apply and no other
 *       manager's entry is as new;
 *   <li>a change is drift when the set of fields the controller's apply owns changed (another
 *       writer took or removed one of them: {@code kubectl edit}, {@code kubectl scale}, a
 *       replace), unless it is such an echo. A change that leaves those fields to the controller,
 *       such as the Deployment controller's revision annotation or a label someone added, is no
 *       drift: a forced apply would leave it as it is.
 * </ul>
 *
 * Status-only changes never get here (the cache marks them not meaningful).
 */
record DriftFilter(String fieldManager) {

  DriftFilter {
    Objects.requireNonNull(fieldManager, "fieldManager");
  }

  boolean isDrift(ResourceChange change) {
    return switch (change.type()) {
      case DELETED -> true;
      case ADDED -> change.after().map(o -> !newestIsOurApply(o)).orElse(true);
      case UPDATED ->
          change.before().isEmpty()
              || change.after().isEmpty()
              || (!Objects.equals(ourFields(change.before().get()), ourFields(change.after().get()))
                  && !newestIsOurApply(change.after().get()));
    };
  }

  private Optional<Object> ourFields(GenericKubernetesResource o) {
    return entries(o).stream()
        .filter(e -> fieldManager.equals(e.getManager()) && "Apply".equals(e.getOperation()))
        .filter(e -> e.getSubresource() == null || e.getSubresource().isEmpty())
        .findFirst()
        .map(e -> e.getFieldsV1() == null ? "" : e.getFieldsV1().getAdditionalProperties());
  }

  private boolean newestIsOurApply(GenericKubernetesResource o) {
    List<ManagedFieldsEntry> entries = entries(o);
    String newest = null;
    for (ManagedFieldsEntry e : entries) {
      // RFC 3339 times in UTC with whole seconds compare correctly as strings
      if (e.getTime() != null && (newest == null || e.getTime().compareTo(newest) > 0)) {
        newest = e.getTime();
      }
    }
    if (newest == null) {
      return false;
    }
    for (ManagedFieldsEntry e : entries) {
      if (newest.equals(e.getTime())
          && (!fieldManager.equals(e.getManager()) || !"Apply".equals(e.getOperation()))) {
        return false;
      }
    }
    return true;
  }

  private static List<ManagedFieldsEntry> entries(GenericKubernetesResource o) {
    List<ManagedFieldsEntry> e =
        o.getMetadata() == null ? null : o.getMetadata().getManagedFields();
    return e == null ? List.of() : e;
  }
}
