/**
 * A native Kustomize engine: loads a kustomization root, builds it, and emits YAML byte-identical
 * to {@code kubectl kustomize} (kustomize v5.5.0). No Kubernetes client is used here.
 */
package dev.capstan.kustomize;
