/**
 * OpenAPI schema data for strategic merge patches: the built-in Kubernetes patch metadata (derived
 * at development time from {@code k8s.io/kubernetes} {@code api/openapi-spec/swagger.json} by
 * {@code src/build/openapi/patch_metadata.py}; v1.21.2 is kustomize v5.5.0's default and ours),
 * custom swagger documents from a kustomization's {@code openapi: {path: ...}}, and the per-build
 * choice between them ({@link dev.capstan.kustomize.openapi.OpenApiSettings}).
 */
package dev.capstan.kustomize.openapi;
