package dev.capstan.engine.health.lua;

/**
 * Thrown from inside the Lua VM when a run exceeds a {@link LuaLimits} limit. It is an {@link
 * Error} on purpose: luaj's {@code pcall} catches every {@link Exception}, so a script could
 * otherwise swallow its own stop signal and loop on.
 */
final class LimitExceeded extends Error {

  private static final long serialVersionUID = 1L;

  LimitExceeded(String message) {
    super(message, null, false, false);
  }
}
