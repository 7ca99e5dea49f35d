package dev.capstan.engine.health;

import java.util.Optional;

/**
 * Assesses the health of one kind of resource from its live state. This is the seam for built-in
 * checks, Lua scripts and caller-supplied overrides.
 *
 * <p>Contract: pure and side-effect free; safe to call from many threads; never throws for odd
 * input (a malformed object yields a result, usually {@code Progressing} or {@code Unknown}). Empty
 * means "no opinion" — the kind or version is not covered and the resource does not count towards
 * an application's health.
 */
@FunctionalInterface
public interface HealthCheck {

  /** Assesses {@code live}; empty when this check has no opinion about it. */
  Optional<HealthResult> assess(LiveObject live);
}
