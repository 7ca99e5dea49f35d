package dev.capstan.kustomize.patch;

import dev.capstan.kustomize.KustomizeException;
import dev.capstan.kustomize.resource.Tree;
import dev.capstan.kustomize.yaml.YamlReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON patch (RFC 6902): {@code add}, {@code remove}, {@code replace}, {@code move}, {@code copy}
 * and {@code test} operations on RFC 6901 pointers ({@code -} appends to a list), given as a JSON
 * array or as the same list in YAML. Behaves as the json-patch library kustomize uses: an operation
 * on a missing path fails, {@code add} on an existing field replaces it.
 *
 * <p>Immutable and thread-safe; {@link #apply} edits the document it is given.
 */
public final class JsonPatch {
  /** One operation. {@code value} is a content tree; {@code from} is empty unless move/copy. */
  public record Operation(String op, String path, String from, Object value, boolean hasValue) {
    public Operation {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(from, "from");
    }
  }

  private final List<Operation> operations;

  public JsonPatch(List<Operation> operations) {
    this.operations = List.copyOf(operations);
  }

  public List<Operation> operations() {
    return operations;
  }

  /**
   * Parses patch text. Text starting with {@code [} is JSON, anything else YAML (as kustomize
   * converts it); the result must be a list of operation mappings.
   *
   * @param source names the patch in error messages
   */
  public static JsonPatch parse(String text, String source) {
    if (text.startsWith("[")) {
      return fromTree(YamlReader.readOne(text, source), source);
    }
    // YAML is converted as kustomize converts it: YAML 1.1 scalars, first document only.
    Object doc = Yaml11Reader.readFirst(text, source);
    return fromTree(doc == null ? List.of() : doc, source);
  }

  /** Builds a patch from an already parsed list of operations. */
  public static JsonPatch fromTree(Object doc, String source) {
    if (!(doc instanceof List<?> list)) {
      throw new KustomizeException(source + ": a JSON patch must be a list of operations");
    }
    List<Operation> ops = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> m)) {
        throw new KustomizeException(source + ": a JSON patch operation must be a mapping");
      }
      String op = m.get("op") instanceof String s ? s : "";
      String path = m.get("path") instanceof String s ? s : null;
      String from = m.get("from") instanceof String s ? s : "";
      if (path == null) {
        throw new KustomizeException(source + ": operation " + op + " has no path");
      }
      ops.add(new Operation(op, path, from, m.get("value"), m.containsKey("value")));
    }
    return new JsonPatch(ops);
  }

  /** Applies every operation in order; returns the (possibly replaced) document. */
  public Object apply(Object document) {
    Object doc = document;
    for (Operation op : operations) {
      doc =
          switch (op.op()) {
            case "add" -> add(doc, op.path(), Tree.deepCopy(value(op)));
            case "remove" -> remove(doc, op.path());
            case "replace" -> replace(doc, op.path(), Tree.deepCopy(value(op)));
            case "move" -> {
              Object v = get(doc, op.from(), "move");
              Object without = remove(doc, op.from());
              yield add(without, op.path(), v);
            }
            case "copy" -> add(doc, op.path(), Tree.deepCopy(get(doc, op.from(), "copy")));
            case "test" -> {
              test(doc, op);
              yield doc;
            }
            default -> throw new KustomizeException("Unexpected kind: " + op.op());
          };
    }
    return doc;
  }

  private static Object value(Operation op) {
    if (!op.hasValue()) {
      throw new KustomizeException(op.op() + " operation has no value for path " + op.path());
    }
    return op.value();
  }

  /** Splits a pointer into unescaped tokens; the empty pointer is the whole document. */
  static List<String> tokens(String pointer) {
    List<String> out = new ArrayList<>();
    if (pointer.isEmpty()) {
      return out;
    }
    if (!pointer.startsWith("/")) {
      throw new KustomizeException("invalid JSON pointer " + pointer + ": must start with /");
    }
    for (String t : pointer.substring(1).split("/", -1)) {
      out.add(t.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  private static Object get(Object doc, String pointer, String opName) {
    Object cur = doc;
    for (String t : tokens(pointer)) {
      cur = child(cur, t, opName, pointer);
    }
    return cur;
  }

  private static Object child(Object node, String token, String opName, String pointer) {
    if (node instanceof Map<?, ?> m) {
      if (!m.containsKey(token)) {
        throw missing(opName, pointer);
      }
      return m.get(token);
    }
    if (node instanceof List<?> l) {
      int i = index(token, l.size() - 1, opName, pointer);
      return l.get(i);
    }
    throw missing(opName, pointer);
  }

  private static Object parentOf(Object doc, List<String> tokens, String opName, String pointer) {
    Object cur = doc;
    for (int i = 0; i < tokens.size() - 1; i++) {
      cur = child(cur, tokens.get(i), opName, pointer);
    }
    return cur;
  }

  @SuppressWarnings("unchecked")
  private static Object add(Object doc, String pointer, Object value) {
    List<String> t = tokens(pointer);
    if (t.isEmpty()) {
      return value;
    }
    Object parent = parentOf(doc, t, "add", pointer);
    String last = t.get(t.size() - 1);
    if (parent instanceof Map<?, ?> m) {
      ((Map<String, Object>) m).put(last, value);
    } else if (parent instanceof List<?> l) {
      List<Object> list = (List<Object>) l;
      int i = last.equals("-") ? list.size() : index(last, list.size(), "add", pointer);
      list.add(i, value);
    } else {
      throw missing("add", pointer);
    }
    return doc;
  }

  @SuppressWarnings("unchecked")
  private static Object remove(Object doc, String pointer) {
    List<String> t = tokens(pointer);
    if (t.isEmpty()) {
      throw missing("remove", pointer);
    }
    Object parent = parentOf(doc, t, "remove", pointer);
    String last = t.get(t.size() - 1);
    if (parent instanceof Map<?, ?> m) {
      if (!m.containsKey(last)) {
        throw missing("remove", pointer);
      }
      m.remove(last);
    } else if (parent instanceof List<?> l) {
      ((List<Object>) l).remove(index(last, l.size() - 1, "remove", pointer));
    } else {
      throw missing("remove", pointer);
    }
    return doc;
  }

  @SuppressWarnings("unchecked")
  private static Object replace(Object doc, String pointer, Object value) {
    List<String> t = tokens(pointer);
    if (t.isEmpty()) {
      return value;
    }
    Object parent = parentOf(doc, t, "replace", pointer);
    String last = t.get(t.size() - 1);
    if (parent instanceof Map<?, ?> m) {
      if (!m.containsKey(last)) {
        throw new KustomizeException(
            "replace operation does not apply: doc is missing key: " + pointer);
      }
      ((Map<String, Object>) m).put(last, value);
    } else if (parent instanceof List<?> l) {
      ((List<Object>) l).set(index(last, l.size() - 1, "replace", pointer), value);
    } else {
      throw missing("replace", pointer);
    }
    return doc;
  }

  private static void test(Object doc, Operation op) {
    Object actual = get(doc, op.path(), "test");
    if (!jsonEquals(actual, op.value())) {
      throw new KustomizeException("testing value " + op.path() + " failed: test failed");
    }
  }

  /** Equality of JSON values: numbers by value, whatever their Java type. */
  static boolean jsonEquals(Object a, Object b) {
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        if (!y.containsKey(e.getKey()) || !jsonEquals(e.getValue(), y.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!jsonEquals(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return decimal(x).compareTo(decimal(y)) == 0;
    }
    return Objects.equals(a, b);
  }

  private static BigDecimal decimal(Number n) {
    return n instanceof BigInteger bi ? new BigDecimal(bi) : new BigDecimal(n.toString());
  }

  private static int index(String token, int max, String opName, String pointer) {
    if (!token.matches("0|[1-9][0-9]{0,8}")) {
      throw new KustomizeException(
          opName + " operation does not apply: invalid array index " + token + " in " + pointer);
    }
    int i = Integer.parseInt(token);
    if (i > max) {
      throw new KustomizeException(
          opName + " operation does not apply: index out of range: " + pointer);
    }
    return i;
  }

  private static KustomizeException missing(String opName, String pointer) {
    return new KustomizeException(
        opName + " operation does not apply: doc is missing path: \"" + pointer + "\"");
  }
}
