package dev.capstan.engine.health;

import dev.capstan.engine.health.lua.CustomHealthScripts;
import dev.capstan.engine.health.lua.LuaLimits;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Policy for a {@link HealthAssessor}: custom Lua scripts, Java overrides and Lua limits.
 *
 * <p>Precedence for one object: an {@link #overrides() override} for its group and kind, then a
 * {@link #scripts() custom script}, then the {@link BuiltInHealthChecks built-in check}. An
 * override or script that returns no opinion falls through to the next.
 *
 * @param scripts custom health scripts, usually from {@link #withArgoConfigMap(Map)}
 * @param overrides checks supplied in code, by group and kind
 * @param luaLimits limits for scripts compiled by {@link #withArgoConfigMap(Map)}
 */
public record HealthOptions(
    CustomHealthScripts scripts, Map<GroupKind, HealthCheck> overrides, LuaLimits luaLimits) {

  /** Copies the overrides; rejects nulls. */
  public HealthOptions {
    Objects.requireNonNull(scripts, "scripts");
    Objects.requireNonNull(luaLimits, "luaLimits");
    overrides = Map.copyOf(overrides);
  }

  /** No scripts, no overrides, {@link LuaLimits#defaults()}: built-in checks only. */
  public static HealthOptions defaults() {
    return new HealthOptions(CustomHealthScripts.none(), Map.of(), LuaLimits.defaults());
  }

  /**
   * A copy whose scripts are read from Argo CD config map data ({@code
   * resource.customizations.health.<group>_<kind>} keys), compiled with {@link #luaLimits()}.
   */
  public HealthOptions withArgoConfigMap(Map<String, String> config) {
    return new HealthOptions(
        CustomHealthScripts.fromConfigMap(config, luaLimits), overrides, luaLimits);
  }

  /** A copy with one more override. */
  public HealthOptions withOverride(GroupKind groupKind, HealthCheck check) {
    Map<GroupKind, HealthCheck> copy = new HashMap<>(overrides);
    copy.put(groupKind, check);
    return new HealthOptions(scripts, copy, luaLimits);
  }

  /** A copy with other Lua limits; call before {@link #withArgoConfigMap(Map)}. */
  public HealthOptions withLuaLimits(LuaLimits limits) {
    return new HealthOptions(scripts, overrides, limits);
  }
}
