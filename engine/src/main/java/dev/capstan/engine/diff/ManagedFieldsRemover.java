package dev.capstan.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Removes the fields that given field managers own, read from a live object's {@code
 * metadata.managedFields} ({@code FieldsV1} sets: {@code f:<field>} for a field, {@code k:<json>}
 * for a list item by key fields, {@code v:<json>} for a set value, {@code i:<n>} for an index,
 * {@code .} for the node itself). Used for Argo CD's {@code managedFieldsManagers}: a field a
 * controller such as an HPA owns is ignored on both sides of a comparison.
 */
final class ManagedFieldsRemover {

  private ManagedFieldsRemover() {}

  /** The {@code fieldsV1} trees of every managedFields entry whose manager is listed. */
  static List<JsonNode> ownedBy(JsonNode live, Collection<String> managers) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode entry : live.path("metadata").path("managedFields")) {
      if (managers.contains(entry.path("manager").asText()) && entry.has("fieldsV1")) {
        out.add(entry.get("fieldsV1"));
      }
    }
    return out;
  }

  /**
   * The fields of {@code a} that {@code b} does not also name: what another manager owns alone.
   * Fields two managers set to the same value are owned by both.
   */
  static JsonNode subtract(JsonNode a, List<JsonNode> b) {
    JsonNode result = a.deepCopy();
    for (JsonNode other : b) {
      result = subtractOne(result, other);
    }
    return result;
  }

  private static JsonNode subtractOne(JsonNode a, JsonNode b) {
    ObjectNode out = DiffJson.MAPPER.createObjectNode();
    for (Map.Entry<String, JsonNode> e : a.properties()) {
      JsonNode theirs = b.get(e.getKey());
      if (theirs == null) {
        out.set(e.getKey(), e.getValue());
      } else if (!isLeaf(e.getValue()) && !isLeaf(theirs)) {
        JsonNode rest = subtractOne(e.getValue(), theirs);
        if (!rest.isEmpty() && !(rest.size() == 1 && rest.has("."))) {
          out.set(e.getKey(), rest);
        }
      } else if (!isLeaf(e.getValue())) {
        // b owns the node itself but a owns fields below it that b does not name
        JsonNode rest =
            subtractOne(e.getValue(), DiffJson.MAPPER.createObjectNode().set(".", theirs));
        rest = rest instanceof ObjectNode o ? o.without(".") : rest;
        if (!rest.isEmpty()) {
          out.set(e.getKey(), rest);
        }
      }
    }
    return out;
  }

  /** Removes from {@code object}, in place, every leaf field named in {@code fields}. */
  static void remove(JsonNode object, JsonNode fields) {
    if (!fields.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : fields.properties()) {
      String pe = e.getKey();
      JsonNode sub = e.getValue();
      boolean leaf = isLeaf(sub);
      if (pe.startsWith("f:") && object instanceof ObjectNode obj) {
        String name = pe.substring(2);
        if (leaf) {
          obj.remove(name);
        } else if (obj.has(name)) {
          remove(obj.get(name), sub);
        }
      } else if (object instanceof ArrayNode arr) {
        int index = find(arr, pe);
        if (index < 0) {
          continue;
        }
        if (leaf) {
          arr.remove(index);
        } else {
          remove(arr.get(index), sub);
        }
      }
    }
  }

  /** A node that owns nothing below itself: {@code {}} or {@code {".": {}}}. */
  private static boolean isLeaf(JsonNode sub) {
    if (!sub.isObject() || sub.isEmpty()) {
      return true;
    }
    return sub.size() == 1 && sub.has(".");
  }

  private static int find(ArrayNode arr, String pe) {
    try {
      if (pe.startsWith("i:")) {
        int i = Integer.parseInt(pe.substring(2));
        return i < arr.size() ? i : -1;
      }
      if (pe.startsWith("v:")) {
        JsonNode value = DiffJson.MAPPER.readTree(pe.substring(2));
        for (int i = 0; i < arr.size(); i++) {
          if (DiffJson.sameValue(arr.get(i), value)) {
            return i;
          }
        }
      }
      if (pe.startsWith("k:")) {
        JsonNode keys = DiffJson.MAPPER.readTree(pe.substring(2));
        for (int i = 0; i < arr.size(); i++) {
          if (matchesKeys(arr.get(i), keys)) {
            return i;
          }
        }
      }
    } catch (java.io.IOException | NumberFormatException e) {
      return -1; // an element id we cannot read owns nothing we can find
    }
    return -1;
  }

  private static boolean matchesKeys(JsonNode item, JsonNode keys) {
    for (Map.Entry<String, JsonNode> k : keys.properties()) {
      if (!DiffJson.sameValue(item.get(k.getKey()), k.getValue())) {
        return false;
      }
    }
    return true;
  }
}
