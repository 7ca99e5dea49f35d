/**
 * The Argo CD dialect: {@code argoproj.io/v1alpha1} Applications reconciled through the engine.
 *
 * <p>{@link dev.capstan.controller.argo.ArgoController} wires the pieces: an informer on
 * Applications, the engine's cluster cache (drift reaches the owning Application through its
 * tracking id), a {@link dev.capstan.controller.runtime.WorkQueue} keyed by Application, leader
 * election on a Lease, and metrics. {@link dev.capstan.controller.argo.ApplicationReconciler} is
 * the reconcile itself, top-down guard clauses; the dialect only translates spec in ({@link
 * dev.capstan.controller.argo.SpecTranslator}) and status out ({@link
 * dev.capstan.controller.argo.StatusAssembler}).
 */
package dev.capstan.controller.argo;
