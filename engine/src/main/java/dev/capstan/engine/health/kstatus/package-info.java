/**
 * kstatus: the Current / InProgress / Failed / Terminating / NotFound / Unknown readiness model
 * that Flux uses, as its own small API ({@link dev.capstan.engine.health.kstatus.KStatusComputer}).
 * It includes the generic rules for custom resources ({@code Ready}, {@code Reconciling}, {@code
 * Stalled} conditions and {@code observedGeneration}) and the built-in kinds' rules.
 */
package dev.capstan.engine.health.kstatus;
