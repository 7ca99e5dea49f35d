package dev.capstan.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.engine.cluster.ResourceKey;
import java.util.List;

/**
 * Compares a target object (what the live object would become, usually a server-side apply dry run)
 * with the live object, after normalising both the same way:
 *
 * <ol>
 *   <li>fields owned by the {@code managedFieldsManagers} of matching ignore rules are removed
 *       (ownership read from the live object's {@code managedFields});
 *   <li>server-maintained fields are removed ({@code status}, {@code managedFields}, {@code
 *       resourceVersion}, {@code uid}, {@code generation}, {@code creationTimestamp}, ...);
 *   <li>the JSON pointers and jq path expressions of matching ignore rules are removed;
 *   <li>Secret values are masked ({@code ++++++++}).
 * </ol>
 *
 * <p>Pure and thread-safe; its arguments are not changed.
 */
public final class ObjectComparator {

  private ObjectComparator() {}

  /**
   * Compares {@code target} with {@code live}.
   *
   * @param key the object's identity, for ignore-rule matching and the diff header
   * @param target the object as it would be after applying; null when it is not desired
   * @param live the live object with its {@code managedFields}; null when it does not exist
   * @param options ignore rules
   * @return {@link DiffStatus#MISSING} when {@code live} is null, {@link DiffStatus#EXTRA} when
   *     {@code target} is null, else in sync or out of sync
   * @throws IllegalArgumentException when an ignore rule's pointer or jq expression is invalid
   */
  public static ResourceDiff compare(
      ResourceKey key, ObjectNode target, ObjectNode live, DiffOptions options) {
    ObjectNode t = DiffJson.copy(target);
    ObjectNode l = DiffJson.copy(live);
    List<IgnoreDifference> rules =
        options.ignoreDifferences().stream().filter(r -> r.appliesTo(key)).toList();
    if (live != null) {
      for (IgnoreDifference rule : rules) {
        for (JsonNode fields : ManagedFieldsRemover.ownedBy(live, rule.managedFieldsManagers())) {
          if (t != null) {
            ManagedFieldsRemover.remove(t, fields);
          }
          ManagedFieldsRemover.remove(l, fields);
        }
      }
    }
    t = t == null ? null : ignore(ServerFieldsNormalizer.normalize(t), rules);
    l = l == null ? null : ignore(ServerFieldsNormalizer.normalize(l), rules);
    SecretMasker.mask(t, l);
    DiffStatus status;
    if (l == null) {
      status = DiffStatus.MISSING;
    } else if (t == null) {
      status = DiffStatus.EXTRA;
    } else {
      status = DiffJson.sameValue(t, l) ? DiffStatus.IN_SYNC : DiffStatus.OUT_OF_SYNC;
    }
    return new ResourceDiff(key, status, l, t);
  }

  private static ObjectNode ignore(ObjectNode object, List<IgnoreDifference> rules) {
    JsonNode current = object;
    for (IgnoreDifference rule : rules) {
      for (String pointer : rule.jsonPointers()) {
        JsonPointerRemover.remove(current, pointer);
      }
      for (String jq : rule.jqPathExpressions()) {
        current = JqPathRemover.remove(current, jq);
      }
    }
    if (!(current instanceof ObjectNode result)) {
      throw new IllegalArgumentException("an ignore rule removed the whole object");
    }
    return result;
  }
}
