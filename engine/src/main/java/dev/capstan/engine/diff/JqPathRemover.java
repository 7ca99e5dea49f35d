package dev.capstan.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * Removes the fields a jq path expression selects, as Argo CD's {@code jqPathExpressions} do: the
 * expression {@code E} is evaluated as {@code del(E)} on the object. Compiled queries are cached;
 * thread-safe.
 */
final class JqPathRemover {

  private static final Scope ROOT = Scope.newEmptyScope();
  private static final Map<String, JsonQuery> COMPILED = new ConcurrentHashMap<>();

  static {
    BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, ROOT);
  }

  private JqPathRemover() {}

  /**
   * Returns {@code object} without the paths {@code expression} selects.
   *
   * @throws IllegalArgumentException when the expression does not compile or fails to evaluate
   */
  static JsonNode remove(JsonNode object, String expression) {
    JsonQuery query =
        COMPILED.computeIfAbsent(
            expression,
            e -> {
              try {
                return JsonQuery.compile("del(" + e + ")", Versions.JQ_1_6);
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
    return out.isEmpty() ? object : out.get(0);
  }
}
