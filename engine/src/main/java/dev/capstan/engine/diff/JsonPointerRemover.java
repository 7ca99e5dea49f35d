package dev.capstan.engine.diff;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Removes the field an RFC 6901 JSON pointer names; a pointer to nothing changes nothing. */
final class JsonPointerRemover {

  private JsonPointerRemover() {}

  /**
   * Removes the node at {@code pointer} from {@code root} in place.
   *
   * @throws IllegalArgumentException when the pointer is malformed
   */
  static void remove(JsonNode root, String pointer) {
    JsonPointer p = JsonPointer.compile(pointer);
    if (p.matches()) {
      return; // "" names the whole document, which is never ignored
    }
    JsonNode parent = root.at(p.head());
    String last = p.last().getMatchingProperty();
    if (parent instanceof ObjectNode obj) {
      obj.remove(last);
    } else if (parent instanceof ArrayNode arr) {
      int index = p.last().getMatchingIndex();
      if (index >= 0 && index < arr.size()) {
        arr.remove(index);
      }
    }
  }
}
