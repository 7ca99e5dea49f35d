/**
 * The Flux dialect's commands, shaped like the {@code flux} CLI: {@code get kustomizations|sources
 * git}, {@code reconcile}, {@code suspend}/{@code resume}, {@code diff kustomization}, {@code build
 * kustomization}, {@code events}, {@code tree kustomization} and {@code logs}. {@link
 * dev.capstan.cli.flux.FluxCommands#all} lists them for the CLI's registry.
 */
package dev.capstan.cli.flux;
