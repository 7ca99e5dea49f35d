package dev.capstan.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.engine.cluster.ObjectTrees;
import dev.capstan.engine.cluster.ResourceKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * Argo CD's {@code RespectIgnoreDifferences}: before an object is applied, the fields its ignore
 * rules name take the live object's values, so a sync made for another reason does not reset them
 * (an HPA's replicas, an injected sidecar). For JSON pointers and jq path expressions the live
 * value is copied into the desired object (or the field is removed when live has none); fields the
 * rules' {@code managedFieldsManagers} own (and Capstan's field manager does not co-own) are
 * removed from the desired object, so the apply neither sets nor takes them over.
 *
 * <p>Pure; the arguments are not changed.
 */
public final class LiveValuesKeeper {

  private static final Scope ROOT = Scope.newEmptyScope();
  private static final Map<String, JsonQuery> PATHS = new ConcurrentHashMap<>();

  static {
    BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, ROOT);
  }

  private LiveValuesKeeper() {}

  /**
   * {@code desired} with the ignored fields of matching rules taken from {@code live}.
   *
   * @throws IllegalArgumentException when a pointer or jq expression is invalid
   */
  public static GenericKubernetesResource keep(
      GenericKubernetesResource desired, GenericKubernetesResource live, DiffOptions options) {
    ResourceKey key = ResourceKey.of(desired);
    List<IgnoreDifference> rules =
        options.ignoreDifferences().stream().filter(r -> r.appliesTo(key)).toList();
    if (rules.isEmpty()) {
      return desired;
    }
    ObjectNode d = ObjectTrees.toJson(desired);
    ObjectNode l = ObjectTrees.toJson(live);
    for (IgnoreDifference rule : rules) {
      // only what the ignored managers own alone: a field we co-own (same value) stays ours
      List<JsonNode> ours = ManagedFieldsRemover.ownedBy(l, List.of(options.fieldManager()));
      for (JsonNode fields : ManagedFieldsRemover.ownedBy(l, rule.managedFieldsManagers())) {
        ManagedFieldsRemover.remove(d, ManagedFieldsRemover.subtract(fields, ours));
      }
      for (String pointer : rule.jsonPointers()) {
        copy(l, d, pointerPath(pointer));
      }
      for (String jq : rule.jqPathExpressions()) {
        Set<List<Object>> livePaths = new HashSet<>(paths(l, jq));
        for (List<Object> path : livePaths) {
          copy(l, d, path);
        }
        List<List<Object>> stale = new ArrayList<>(paths(d, jq));
        stale.removeIf(livePaths::contains);
        // remove deepest and highest indices first so earlier removals do not shift later paths
        stale.sort(
            Comparator.<List<Object>>comparingInt(List::size)
                .reversed()
                .thenComparing(p -> p.get(p.size() - 1) instanceof Integer i ? -i : 0));
        stale.forEach(p -> remove(d, p));
      }
    }
    return ObjectTrees.fromJson(d);
  }

  /** Sets {@code path} in {@code to} to its value in {@code from}, or removes it when absent. */
  private static void copy(JsonNode from, ObjectNode to, List<Object> path) {
    JsonNode value = get(from, path);
    if (value == null) {
      remove(to, path);
      return;
    }
    JsonNode parent = to;
    for (int i = 0; i < path.size() - 1; i++) {
      Object step = path.get(i);
      JsonNode next = child(parent, step);
      if (next == null) {
        if (parent instanceof ObjectNode obj && step instanceof String s) {
          next = path.get(i + 1) instanceof Integer ? obj.putArray(s) : obj.putObject(s);
        } else {
          return; // an array position the desired object does not have: nothing to align
        }
      }
      parent = next;
    }
    Object last = path.get(path.size() - 1);
    if (parent instanceof ObjectNode obj && last instanceof String s) {
      obj.set(s, value.deepCopy());
    } else if (parent instanceof ArrayNode arr && last instanceof Integer i && i < arr.size()) {
      arr.set(i, value.deepCopy());
    }
  }

  private static void remove(JsonNode root, List<Object> path) {
    JsonNode parent = get(root, path.subList(0, path.size() - 1));
    Object last = path.get(path.size() - 1);
    if (parent instanceof ObjectNode obj && last instanceof String s) {
      obj.remove(s);
    } else if (parent instanceof ArrayNode arr && last instanceof Integer i && i < arr.size()) {
      arr.remove(i);
    }
  }

  private static JsonNode get(JsonNode root, List<Object> path) {
    JsonNode current = root;
    for (Object step : path) {
      current = child(current, step);
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  private static JsonNode child(JsonNode node, Object step) {
    if (node instanceof ObjectNode obj && step instanceof String s) {
      return obj.get(s);
    }
    if (node instanceof ArrayNode arr && step instanceof Integer i) {
      return i < arr.size() ? arr.get(i) : null;
    }
    return null;
  }

  private static List<Object> pointerPath(String pointer) {
    List<Object> path = new ArrayList<>();
    com.fasterxml.jackson.core.JsonPointer p =
        com.fasterxml.jackson.core.JsonPointer.compile(pointer);
    while (!p.matches()) {
      int index = p.getMatchingIndex();
      path.add(index >= 0 ? (Object) index : p.getMatchingProperty());
      p = p.tail();
    }
    return path;
  }

  /**
   * The paths {@code expression} selects in {@code object}, as jq's {@code path(...)} gives them.
   */
  private static List<List<Object>> paths(JsonNode object, String expression) {
    JsonQuery query =
        PATHS.computeIfAbsent(
            expression,
            e -> {
              try {
                return JsonQuery.compile("[path(" + e + ")]", Versions.JQ_1_6);
              } catch (JsonQueryException ex) {
                throw new IllegalArgumentException(
                    "jq path expression '" + e + "' does not compile: " + ex.getMessage(), ex);
              }
            });
    List<JsonNode> out = new ArrayList<>(1);
    try {
      query.apply(Scope.newChildScope(ROOT), object, out::add);
    } catch (JsonQueryException ex) {
      throw new IllegalArgumentException(
          "jq path expression '" + expression + "' failed: " + ex.getMessage(), ex);
    }
    List<List<Object>> paths = new ArrayList<>();
    for (JsonNode path : out.isEmpty() ? List.<JsonNode>of() : List.of(out.get(0))) {
      for (JsonNode p : path) {
        List<Object> steps = new ArrayList<>();
        p.forEach(s -> steps.add(s.isInt() ? (Object) s.intValue() : s.asText()));
        if (!steps.isEmpty()) {
          paths.add(steps);
        }
      }
    }
    return paths;
  }
}
