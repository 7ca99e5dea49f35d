/**
 * Typed models of the custom resources Capstan serves, and the CRD manifests that define them.
 *
 * <p>Two dialects share one engine: {@link dev.capstan.controller.api.argo} holds Argo CD's {@code
 * Application} and {@code AppProject} ({@code argoproj.io/v1alpha1}), {@link
 * dev.capstan.controller.api.flux} holds Flux's {@code GitRepository} ({@code
 * source.toolkit.fluxcd.io/v1}) and {@code Kustomization} ({@code kustomize.toolkit.fluxcd.io/v1}).
 * The models are fabric8 {@code CustomResource} classes whose spec and status are immutable Jackson
 * records; the field names are the JSON names of the original APIs, so a manifest written for Argo
 * CD or Flux reads into them unchanged.
 *
 * <p>Conventions shared by every record here, mirroring Go's {@code omitempty}: absent lists and
 * maps read as empty, absent strings as {@code ""}, and {@code false}, {@code 0}, empty strings,
 * lists and maps are left out when written, except where the schema requires the field (then it is
 * always written). Maps are sorted copies, so output is deterministic. A nested object whose
 * presence carries meaning (Argo CD's {@code syncPolicy.automated}, the source type blocks, an
 * optional reference) is {@code null} when absent, and its {@code @param} says so; so is a number
 * whose absence differs from zero ({@code revisionHistoryLimit}). Unknown fields are ignored on
 * read so that newer manifests still load.
 *
 * <p>The CRD manifests live in {@code crds/} on the class path and are listed by {@link
 * dev.capstan.controller.api.CustomResourceDefinitions}.
 */
package dev.capstan.controller.api;
