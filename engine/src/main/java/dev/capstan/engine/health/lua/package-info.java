/**
 * Argo CD-style custom health scripts in Lua, run in a sandbox (luaj) with time, instruction and
 * allocation limits. {@link dev.capstan.engine.health.lua.CustomHealthScripts} reads them from
 * config map data; {@link dev.capstan.engine.health.lua.LuaHealthScript} runs one.
 */
package dev.capstan.engine.health.lua;
