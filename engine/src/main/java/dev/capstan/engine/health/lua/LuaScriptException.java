package dev.capstan.engine.health.lua;

/**
 * A health script could not be compiled. Terminal: the configuration must change. Runtime failures
 * never throw; they become an {@code Unknown} health result.
 */
public final class LuaScriptException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failure with its message and cause. */
  public LuaScriptException(String message, Throwable cause) {
    super(message, cause);
  }
}
