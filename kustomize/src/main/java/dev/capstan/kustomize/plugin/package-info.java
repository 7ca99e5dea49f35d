/**
 * The {@code generators:} and {@code transformers:} fields of a kustomization: plugin config
 * objects (inline YAML strings, files, or kustomization directories whose output is configs) with
 * {@code apiVersion: builtin}, dispatched by kind to the very transformer and generator classes
 * that the kustomization's own fields use. Only builtin plugins exist here, as in {@code kubectl
 * kustomize}: any other kind fails with kubectl's "external plugins disabled" error.
 */
package dev.capstan.kustomize.plugin;
