package dev.capstan.engine.health.lua;

import dev.capstan.engine.health.HealthCheck;
import dev.capstan.engine.health.HealthResult;
import dev.capstan.engine.health.HealthStatus;
import dev.capstan.engine.health.LiveObject;
import java.util.Objects;
import java.util.Optional;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;

/**
 * An Argo CD-style health script: Lua code that reads the global {@code obj} (the live object as a
 * table) and returns a table {@code {status = "...", message = "..."}}.
 *
 * <p>Outcomes: a returned table with a valid status (exact Argo CD spelling, e.g. {@code
 * "Healthy"}) is that result; an invalid status gives {@code Unknown} "Lua returned an invalid
 * health status"; a script error or an exceeded {@link LuaLimits limit} gives {@code Unknown} with
 * a message that says why; returning nothing gives empty (no opinion), so the built-in check, if
 * any, decides. {@link #assess} never throws.
 *
 * <p>Compiled once at construction; thread-safe, each run gets its own sandbox.
 */
public final class LuaHealthScript implements HealthCheck {

  /** Argo CD's message for a status name it does not know. */
  public static final String INVALID_STATUS = "Lua returned an invalid health status";

  private final String name;
  private final Prototype prototype;
  private final LuaLimits limits;

  private LuaHealthScript(String name, Prototype prototype, LuaLimits limits) {
    this.name = name;
    this.prototype = prototype;
    this.limits = limits;
  }

  /**
   * Compiles a script.
   *
   * @param name where the script came from, used in messages (e.g. the config map key)
   * @param source the Lua source
   * @param limits limits for every run
   * @throws LuaScriptException when the script does not compile
   */
  public static LuaHealthScript compile(String name, String source, LuaLimits limits) {
    Objects.requireNonNull(source, "source");
    try {
      return new LuaHealthScript(name, LuaSandbox.compile(source, name), limits);
    } catch (LuaError e) {
      throw new LuaScriptException(name + " compile failed (SyntaxError): " + e.getMessage(), e);
    }
  }

  /** Where the script came from. */
  public String name() {
    return name;
  }

  @Override
  public Optional<HealthResult> assess(LiveObject live) {
    Varargs returned;
    try {
      returned = LuaSandbox.run(prototype, LuaTrees.toLua(live.tree()), limits);
    } catch (LimitExceeded e) {
      return unknown(live, "stopped", "LimitExceeded", e.getMessage());
    } catch (LuaError e) {
      return unknown(live, "failed", "ScriptError", e.getMessage());
    } catch (StackOverflowError e) {
      return unknown(live, "failed", "ScriptError", "stack overflow");
    } catch (RuntimeException e) {
      return unknown(live, "failed", "ScriptError", String.valueOf(e.getMessage()));
    }
    LuaValue value = returned.arg1();
    if (value.isnil()) {
      return Optional.empty();
    }
    if (!value.istable()) {
      return unknown(live, "failed", "InvalidResult", "expected a table, got " + value.typename());
    }
    LuaValue status = value.get("status");
    LuaValue message = value.get("message");
    String text = message.isstring() ? message.tojstring() : "";
    Optional<HealthStatus> parsed =
        status.isstring() ? strict(status.tojstring()) : Optional.empty();
    return Optional.of(
        parsed.map(s -> new HealthResult(s, text)).orElse(HealthResult.unknown(INVALID_STATUS)));
  }

  private static Optional<HealthStatus> strict(String status) {
    for (HealthStatus s : HealthStatus.values()) {
      if (s.wireName().equals(status)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private Optional<HealthResult> unknown(
      LiveObject live, String step, String reason, String cause) {
    return Optional.of(
        HealthResult.unknown(
            "%s health script %s %s (%s): %s"
                .formatted(live.identity(), name, step, reason, cause)));
  }

  @Override
  public String toString() {
    return "LuaHealthScript[" + name + "]";
  }
}
