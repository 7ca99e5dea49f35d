/**
 * Resource health assessment, with Argo CD's vocabulary ({@link
 * dev.capstan.engine.health.HealthStatus}) and rules, as pure functions of live objects held as
 * JSON-like trees ({@link dev.capstan.engine.health.LiveObject}).
 *
 * <p>{@link dev.capstan.engine.health.HealthAssessor} is the facade. It asks, in order, a caller's
 * override, a custom Lua script ({@code dev.capstan.engine.health.lua}) and a built-in check
 * ({@code dev.capstan.engine.health.checks}); {@link
 * dev.capstan.engine.health.ApplicationHealthAggregator} folds resources into an application's
 * health. The Flux dialect's kstatus computation lives in {@code
 * dev.capstan.engine.health.kstatus}. Nothing here talks to a cluster.
 */
package dev.capstan.engine.health;
