/**
 * Flux dialect: {@link dev.capstan.controller.api.flux.GitRepository} ({@code
 * source.toolkit.fluxcd.io/v1}) and {@link dev.capstan.controller.api.flux.Kustomization} ({@code
 * kustomize.toolkit.fluxcd.io/v1}), with Flux's JSON field names. Status uses the shared {@link
 * dev.capstan.controller.api.Condition} in Flux's {@code Ready}/{@code Reconciling}/{@code Stalled}
 * vocabulary. Durations stay strings in Go's format ({@code 1m}, {@code 10m30s}); {@link
 * dev.capstan.controller.api.flux.GoDuration} parses them.
 */
package dev.capstan.controller.api.flux;
