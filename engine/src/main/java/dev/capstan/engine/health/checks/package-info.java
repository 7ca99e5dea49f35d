/**
 * One health check per built-in Kubernetes kind ({@code *HealthCheck}), each a pure function of the
 * live object with Argo CD's semantics. {@link dev.capstan.engine.health.BuiltInHealthChecks}
 * registers them by group and kind.
 */
package dev.capstan.engine.health.checks;
