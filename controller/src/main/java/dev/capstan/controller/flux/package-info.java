/**
 * The Flux dialect: reconcilers for {@code source.toolkit.fluxcd.io/v1} {@code GitRepository} and
 * {@code kustomize.toolkit.fluxcd.io/v1} {@code Kustomization} on Capstan's shared engine.
 *
 * <p>Only spec-in and status-out are Flux-specific here: fetching is {@code engine.source},
 * rendering {@code engine.render}, apply/prune {@code engine.sync}, readiness {@code
 * engine.health.kstatus}, drift watches {@code engine.cluster}. {@link
 * dev.capstan.controller.flux.FluxController} wires them to work queues and informers.
 *
 * <p>A GitRepository's artifact is in-process: a read-only copy of the commit's files (with the
 * ignore rules applied) under the controller's cache directory; {@code status.artifact.url} is its
 * {@code file://} address and {@code digest} a SHA-256 over its files (see {@link
 * dev.capstan.controller.flux.ArtifactStore}).
 */
package dev.capstan.controller.flux;
