package dev.capstan.engine.health.lua;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * Converts a JSON-like Java tree (maps, lists, strings, numbers, booleans) into Lua values, the way
 * Argo CD hands {@code obj} to a script: objects become tables with string keys, arrays become
 * tables indexed from 1, nulls are absent.
 */
final class LuaTrees {

  private LuaTrees() {}

  /** The Lua value for a tree node; null and unknown types become {@code nil}. */
  static LuaValue toLua(Object node) {
    return switch (node) {
      case null -> LuaValue.NIL;
      case String s -> LuaValue.valueOf(s);
      case Boolean b -> LuaValue.valueOf(b);
      case Integer i -> LuaValue.valueOf(i);
      case Long l -> number(l);
      case Short s -> LuaValue.valueOf(s);
      case Byte b -> LuaValue.valueOf(b);
      case BigInteger b -> LuaValue.valueOf(b.doubleValue());
      case BigDecimal d -> LuaValue.valueOf(d.doubleValue());
      case Number n -> LuaValue.valueOf(n.doubleValue());
      case Map<?, ?> map -> table(map);
      case List<?> list -> array(list);
      default -> LuaValue.valueOf(node.toString());
    };
  }

  private static LuaValue number(long l) {
    return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE
        ? LuaValue.valueOf((int) l)
        : LuaValue.valueOf((double) l);
  }

  private static LuaTable table(Map<?, ?> map) {
    LuaTable table = new LuaTable();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (e.getKey() != null && e.getValue() != null) {
        table.set(String.valueOf(e.getKey()), toLua(e.getValue()));
      }
    }
    return table;
  }

  private static LuaTable array(List<?> list) {
    LuaTable table = new LuaTable(list.size(), 0);
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) != null) {
        table.set(i + 1, toLua(list.get(i)));
      }
    }
    return table;
  }
}
