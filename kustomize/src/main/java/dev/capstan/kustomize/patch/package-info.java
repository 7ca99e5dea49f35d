/**
 * Patches: strategic merge ({@link dev.capstan.kustomize.patch.StrategicMerge}) and JSON 6902
 * ({@link dev.capstan.kustomize.patch.JsonPatch}), the target selector, and the builtin patch
 * transformers ({@code patches}, {@code patchesStrategicMerge}, {@code patchesJson6902} and their
 * plugin forms PatchTransformer, PatchStrategicMergeTransformer, PatchJson6902Transformer), with
 * kustomize v5.5.0's semantics.
 */
package dev.capstan.kustomize.patch;
