package dev.capstan.engine.health.lua;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.BaseLib;
import org.luaj.vm2.lib.DebugLib;
import org.luaj.vm2.lib.OsLib;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.TwoArgFunction;
import org.luaj.vm2.lib.jse.JseMathLib;

/**
 * Compiles and runs untrusted health scripts in a fresh, restricted Lua environment per run.
 *
 * <p>A script sees the base functions (without {@code dofile}, {@code loadfile}, {@code load},
 * {@code collectgarbage}; {@code print} does nothing), {@code table}, {@code string} (without
 * {@code dump}; {@code rep} bounded), {@code math}, and an {@code os} that only has {@code time},
 * {@code date}, {@code clock} and {@code difftime} — like Argo CD's "safe os". {@code require}
 * finds only those preloaded libraries: no files, no Java classes, no {@code io}, no {@code debug},
 * no coroutines. Each run is bounded by {@link LuaLimits} through a debug hook that the script
 * cannot see or remove.
 *
 * <p>Thread-safe: nothing is shared between runs except the immutable compiled prototype.
 */
final class LuaSandbox {

  private LuaSandbox() {}

  /**
   * Compiles a script once, for many runs.
   *
   * @throws LuaError with the compiler's message when the script does not parse
   */
  static Prototype compile(String script, String chunkName) {
    try {
      return LuaC.instance.compile(
          new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), chunkName);
    } catch (IOException e) {
      throw new LuaError("cannot read script: " + e.getMessage());
    }
  }

  /**
   * Runs a compiled script with {@code obj} bound to a global and returns what it returns.
   *
   * @throws LuaError when the script fails
   * @throws LimitExceeded when the script exceeds a limit
   */
  static Varargs run(Prototype script, LuaValue obj, LuaLimits limits) {
    Globals globals = environment(limits);
    RunBudget budget = new RunBudget(limits);
    LuaValue debug = globals.get("debug");
    debug
        .get("sethook")
        .call(budget, LuaValue.valueOf(""), LuaValue.valueOf(LuaLimits.CHECK_INTERVAL));
    globals.set("debug", LuaValue.NIL);
    globals.get("package").get("loaded").set("debug", LuaValue.NIL);
    globals.set("obj", obj);
    return new LuaClosure(script, globals).invoke();
  }

  private static Globals environment(LuaLimits limits) {
    Globals globals = new Globals();
    globals.load(new BaseLib());
    globals.load(new PackageLib());
    globals.load(new TableLib());
    globals.load(new StringLib());
    globals.load(new JseMathLib());
    globals.load(new DebugLib());
    LoadState.install(globals);
    LuaC.install(globals);

    for (String name : new String[] {"dofile", "loadfile", "load", "collectgarbage"}) {
      globals.set(name, LuaValue.NIL);
    }
    globals.set(
        "print",
        new TwoArgFunction() {
          @Override
          public LuaValue call(LuaValue a, LuaValue b) {
            return LuaValue.NONE;
          }
        });

    LuaValue string = globals.get("string");
    string.set("dump", LuaValue.NIL);
    string.set("rep", new BoundedRep(string.get("rep"), limits.maxStringLength()));

    LuaTable os = safeOs();
    globals.set("os", os);

    LuaValue pkg = globals.get("package");
    LuaTable loaded = (LuaTable) pkg.get("loaded");
    loaded.set("os", os);
    loaded.set("io", LuaValue.NIL);
    LuaTable searchers = new LuaTable();
    searchers.set(1, pkg.get("searchers").get(1)); // preload searcher only
    pkg.set("searchers", searchers);
    pkg.set("path", LuaValue.valueOf(""));
    pkg.set("loadlib", LuaValue.NIL);
    pkg.set("searchpath", LuaValue.NIL);
    return globals;
  }

  private static LuaTable safeOs() {
    Globals scratch = new Globals();
    scratch.load(new PackageLib()); // OsLib registers itself in package.loaded
    scratch.load(new OsLib());
    LuaValue full = scratch.get("os");
    LuaTable os = new LuaTable();
    for (String name : new String[] {"time", "date", "clock", "difftime"}) {
      os.set(name, full.get(name));
    }
    return os;
  }

  /** {@code string.rep} that refuses to build a string longer than a limit. */
  private static final class BoundedRep extends org.luaj.vm2.lib.VarArgFunction {
    private final LuaValue rep;
    private final int maxLength;

    BoundedRep(LuaValue rep, int maxLength) {
      this.rep = rep;
      this.maxLength = maxLength;
    }

    @Override
    public Varargs invoke(Varargs args) {
      long unit =
          args.checkstring(1).length() + (args.isstring(3) ? args.checkstring(3).length() : 0);
      long times = args.checklong(2);
      if (times > 0 && unit * times > maxLength) {
        throw new LimitExceeded(
            "string.rep would build " + unit * times + " bytes, over the limit of " + maxLength);
      }
      return rep.invoke(args);
    }
  }
}
